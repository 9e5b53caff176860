import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseTemplate, type Template, type TemplateError } from '../../../shared/manifest';
import { STUB_SHAPES } from '../../../shared/stubs';

export const TEMPLATE_FILE = 'latch.yaml';
const KNOWN_SHAPE_IDS = STUB_SHAPES.map((shape) => shape.id);
const MAX_TEMPLATE_BYTES = 1024 * 1024;

export type LoadedTemplate =
  | { ok: true; template: Template; file: string }
  | { ok: false; errors: TemplateError[]; file: string };

/** Find the folder holding latch.yaml: the path itself, or its nearest ancestor. */
export function findProjectRoot(path: string): string | null {
  let dir = existsSync(path) && statSync(path).isFile() ? dirname(path) : path;
  for (;;) {
    if (existsSync(join(dir, TEMPLATE_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Parsed templates by file, reused while the file is unchanged (same inode, size, mtime and
 * ctime): every lease resolves its project, and parsing and validating the YAML again
 * would cost more than the rest of looking it up.
 */
const parsedTemplates = new Map<string, { stamp: string; loaded: LoadedTemplate }>();

/** Read and parse a project's latch.yaml; never throws (I/O problems become located errors). */
export function loadTemplate(projectDir: string): LoadedTemplate {
  const file = join(projectDir, TEMPLATE_FILE);
  const problem = (message: string): LoadedTemplate => ({ ok: false, file, errors: [{ file: file, line: 1, column: 1, message } as TemplateError] });
  let text: string;
  let stamp: string;
  try {
    const stat = statSync(file);
    if (stat.size > MAX_TEMPLATE_BYTES) return problem(`template is larger than 1 MiB`);
    stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
    const cached = parsedTemplates.get(file);
    if (cached?.stamp === stamp) return cached.loaded;
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problem(code === 'ENOENT' ? `no ${TEMPLATE_FILE} in ${projectDir} (create one with \`latch template init\`)` : `cannot read ${TEMPLATE_FILE} (${code ?? 'error'})`);
  }
  const parsed = parseTemplate(text, file, { knownShapeIds: KNOWN_SHAPE_IDS });
  const loaded: LoadedTemplate = parsed.ok ? { ok: true, template: parsed.template, file } : { ok: false, errors: [...parsed.errors], file };
  parsedTemplates.set(file, { stamp, loaded });
  return loaded;
}

/** The project id to use when the template cannot be read: the folder name, kebab-cased. */
export function fallbackProjectId(projectDir: string): string {
  return (
    basename(projectDir)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'project'
  );
}

/**
 * Watches each known project's folder for changes to latch.yaml (watching the folder, not the
 * file, survives editors that save by rename). Debounced; calls back with the project folder.
 */
export class TemplateWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly onChange: (projectDir: string) => void) {}

  watch(projectDir: string): void {
    if (this.watchers.has(projectDir)) return;
    try {
      const watcher = watch(projectDir, { persistent: false }, (_event, name) => {
        if (name !== null && name !== TEMPLATE_FILE) return;
        clearTimeout(this.timers.get(projectDir));
        this.timers.set(projectDir, setTimeout(() => this.onChange(projectDir), 40));
      });
      watcher.on('error', () => this.unwatch(projectDir));
      this.watchers.set(projectDir, watcher);
    } catch {
      // Folder gone: the project shows a template error until it comes back.
    }
  }

  unwatch(projectDir: string): void {
    this.watchers.get(projectDir)?.close();
    this.watchers.delete(projectDir);
    clearTimeout(this.timers.get(projectDir));
  }

  close(): void {
    for (const dir of [...this.watchers.keys()]) this.unwatch(dir);
  }
}
