import type { LeaseInfo, ShellInfo } from '../../../shared/contract/schemas/leases';
import { isLive } from './lease-format';

/** A shell still usable: not exited and its lease live. */
export function isShellLive(shell: ShellInfo, lease: LeaseInfo | undefined): boolean {
  return !shell.exited && (lease === undefined || isLive(lease.state));
}

/** Live shells first, each group newest first. */
export function orderShells(shells: readonly ShellInfo[], leases: ReadonlyMap<string, LeaseInfo>): ShellInfo[] {
  return [...shells].sort((a, b) => {
    const live = Number(isShellLive(b, leases.get(b.leaseId))) - Number(isShellLive(a, leases.get(a.leaseId)));
    return live || Date.parse(b.startedAt) - Date.parse(a.startedAt);
  });
}

/** The shell to show: the one asked for if it exists, else the first of the ordered list. */
export function pickShell(ordered: readonly ShellInfo[], wanted: string | undefined): ShellInfo | null {
  if (wanted) {
    const match = ordered.find((s) => s.id === wanted);
    if (match) return match;
  }
  return ordered[0] ?? null;
}

export function leasesById(leases: readonly LeaseInfo[] | undefined): Map<string, LeaseInfo> {
  return new Map((leases ?? []).map((lease) => [lease.id, lease]));
}
