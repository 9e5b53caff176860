import type { WorkspaceMetrics } from '../../../shared/contract/schemas/workspaces';
import { formatDuration } from '../../lib/format';

/** `4m 12s`, or an em dash before the first fix. */
export function medianText(seconds: number | null): string {
  return seconds === null ? '—' : formatDuration(seconds);
}

/** The share of closed findings that were fixed rather than ignored (0–1), or null when none closed. */
export function fixedShare(metrics: Pick<WorkspaceMetrics, 'fixed' | 'ignored'>): number | null {
  const closed = metrics.fixed + metrics.ignored;
  return closed === 0 ? null : metrics.fixed / closed;
}

/** Workspaces with open findings first (most first), then by path; each with its bar length (0–1). */
export function openBars(per: WorkspaceMetrics['perWorkspace']): Array<{ path: string; open: number; share: number }> {
  const max = Math.max(0, ...per.map((p) => p.open));
  return [...per]
    .sort((a, b) => b.open - a.open || a.path.localeCompare(b.path))
    .map((p) => ({ path: p.path, open: p.open, share: max === 0 ? 0 : p.open / max }));
}
