import type { ProjectSummary } from '../../../shared/contract/schemas/projects';

type Project = Pick<ProjectSummary, 'id' | 'name' | 'path'>;

/** By name, then path (two folders may declare the same project id). */
export function sortProjects<T extends Project>(projects: readonly T[]): T[] {
  return [...projects].sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
}

/** How the address names a project: its id when unique, else its folder. */
export function projectKey(project: Project, all: readonly Project[]): string {
  return all.filter((p) => p.id === project.id).length > 1 ? project.path : project.id;
}

/**
 * The project the address asks for (by id or folder); else the one shown before (`previousPath`:
 * an invalid template changes a project's id, and the selection must not jump); else the first.
 */
export function pickProject<T extends Project>(
  sorted: readonly T[],
  wanted: string | undefined,
  previousPath: string | null = null,
): T | null {
  if (wanted) {
    const match = sorted.find((p) => p.path === wanted) ?? sorted.find((p) => p.id === wanted);
    if (match) return match;
  }
  const previous = previousPath === null ? undefined : sorted.find((p) => p.path === previousPath);
  return previous ?? sorted[0] ?? null;
}

/** An absolute folder on the broker's machine (the contract refuses anything else). */
export function checkProjectPath(text: string): string | null {
  const path = text.trim();
  if (path === '') return 'Enter the folder that holds the project’s latch.yaml.';
  if (!(path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path))) return 'Use an absolute path, e.g. /home/you/src/payments-api.';
  if (path.length > 4096) return 'That path is too long.';
  return null;
}

/** The template file relative to the project folder when it is inside it (`latch.yaml`). */
export function templateFileLabel(project: Pick<ProjectSummary, 'path' | 'templateFile'>): string {
  const base = project.path.replace(/[\\/]+$/, '');
  const file = project.templateFile;
  if (file.startsWith(`${base}/`) || file.startsWith(`${base}\\`)) return file.slice(base.length + 1);
  return file;
}
