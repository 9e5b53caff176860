import type { FindingInfo } from '../../../shared/contract/schemas/workspaces';

/** Pure views over finding.list: what each tab shows, in which order, grouped by workspace. */

export type FindingState = FindingInfo['state'];
export type Severity = FindingInfo['severity'];

export const FINDING_STATES: readonly FindingState[] = ['open', 'fixed', 'ignored'];

export const STATE_LABEL: Record<FindingState, string> = { open: 'Open', fixed: 'Fixed', ignored: 'Ignored' };

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export const SEVERITY_TONE: Record<Severity, 'bad' | 'warn' | 'neutral'> = {
  critical: 'bad',
  high: 'bad',
  medium: 'warn',
  low: 'neutral',
  info: 'neutral',
};

export function isFindingState(value: string): value is FindingState {
  return (FINDING_STATES as readonly string[]).includes(value);
}

/** Latch stubs are recognised, never reported as leaks: they stay out of the tables and counts. */
export function isReportable(finding: Pick<FindingInfo, 'kind'>): boolean {
  return finding.kind !== 'stub';
}

export function countByState(findings: readonly FindingInfo[]): Record<FindingState, number> {
  const counts: Record<FindingState, number> = { open: 0, fixed: 0, ignored: 0 };
  for (const f of findings) if (isReportable(f)) counts[f.state] += 1;
  return counts;
}

function time(iso: string | null): number {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

/** Worst first; then the newest (by detection when open, by closing otherwise); then file:line. */
export function sortFindings(findings: readonly FindingInfo[]): FindingInfo[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      time(b.state === 'open' ? b.detectedAt : b.closedAt) - time(a.state === 'open' ? a.detectedAt : a.closedAt) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line,
  );
}

/** The reportable findings in one state, optionally of one workspace. */
export function selectFindings(findings: readonly FindingInfo[], state: FindingState, workspace: string | null = null): FindingInfo[] {
  return findings.filter((f) => isReportable(f) && f.state === state && (workspace === null || f.workspace === workspace));
}

export interface FindingGroup {
  workspace: string;
  /** False when the folder is no longer watched (its history stays). */
  watched: boolean;
  findings: FindingInfo[];
}

/** One group per workspace, in the order of `watched` (then any others by path); each group sorted. */
export function groupByWorkspace(findings: readonly FindingInfo[], watched: readonly string[]): FindingGroup[] {
  const byPath = new Map<string, FindingInfo[]>();
  for (const f of findings) {
    const list = byPath.get(f.workspace);
    if (list) list.push(f);
    else byPath.set(f.workspace, [f]);
  }
  const order = [...watched.filter((p) => byPath.has(p)), ...[...byPath.keys()].filter((p) => !watched.includes(p)).sort()];
  return order.map((workspace) => ({ workspace, watched: watched.includes(workspace), findings: sortFindings(byPath.get(workspace) ?? []) }));
}

/** finding.closed events applied locally (fingerprint → state and when), so rows move tabs before the reload lands. */
export function applyClosed(findings: readonly FindingInfo[], closed: ReadonlyMap<string, { state: string; at: string }>): FindingInfo[] {
  if (closed.size === 0) return [...findings];
  return findings.map((f) => {
    const event = f.state === 'open' ? closed.get(f.fingerprint) : undefined;
    if (!event || !isFindingState(event.state) || event.state === 'open') return f;
    return { ...f, state: event.state, closedAt: event.at, fixes: [] };
  });
}

/** `src/config.ts:12` */
export function location(finding: Pick<FindingInfo, 'file' | 'line'>): string {
  return `${finding.file}:${finding.line}`;
}

/** The last folder of a path, for compact labels (`/home/me/src/api` → `api`). */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const at = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return at === -1 ? trimmed || path : trimmed.slice(at + 1) || path;
}

/** Short labels for folders: the last folder name, or more of the path where two would read the same. */
export function shortNames(paths: readonly string[]): Map<string, string> {
  const parts = (path: string) => path.replace(/[\\/]+$/, '').split(/[\\/]/).filter(Boolean);
  const names = new Map<string, string>();
  for (const path of paths) {
    const segments = parts(path);
    let depth = 1;
    const label = () => segments.slice(-depth).join('/') || path;
    while (depth < segments.length && paths.some((other) => other !== path && parts(other).slice(-depth).join('/') === label())) depth += 1;
    names.set(path, label());
  }
  return names;
}
