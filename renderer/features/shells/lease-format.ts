import type { LeaseInfo, LeaseSecretInfo, ShellInfo } from '../../../shared/contract/schemas/leases';

export type LeaseState = LeaseInfo['state'];
export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

export const LEASE_STATE_LABEL: Record<LeaseState, string> = {
  active: 'Active',
  expiring: 'Expiring',
  expired: 'Expired',
  revoked: 'Revoked',
};

export const LEASE_STATE_TONE: Record<LeaseState, Tone> = {
  active: 'ok',
  expiring: 'warn',
  expired: 'muted',
  revoked: 'muted',
};

export const LEASE_STATE_HELP: Record<LeaseState, string> = {
  active: 'The shell holds its injected values until the lease expires',
  expiring: 'The lease ends soon: renew it to keep the shell',
  expired: 'The lease reached its TTL; its values were withdrawn',
  revoked: 'The lease was ended early; its values were withdrawn',
};

export function isLive(state: LeaseState): boolean {
  return state === 'active' || state === 'expiring';
}

/** `0:09`, `4:05`, `1:02:05`, `2d 03:04:05` — a countdown that ticks every second. */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const seconds = s % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  if (days > 0) return `${days}d ${String(hours).padStart(2, '0')}:${mm}:${ss}`;
  if (hours > 0) return `${hours}:${mm}:${ss}`;
  return `${minutes}:${ss}`;
}

/** `08:09:42` for a time later today (local), else the full local date and time. */
export function formatLeaseTime(iso: string, now: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '—';
  const d = new Date(ms);
  const today = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  if (d.toDateString() === today.toDateString()) return time;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

/** A lease TTL for a button: `45 s`, `10 min`, `1 h 30 min`, `2 d`. */
export function formatTtl(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const seconds = s % 60;
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (seconds || parts.length === 0) parts.push(`${seconds} s`);
  return parts.slice(0, 2).join(' ');
}

/** A spoken form for screen readers: `4 minutes 5 seconds`. */
export function spokenDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  const units: Array<[number, string]> = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  let rest = s;
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  return parts.length > 0 ? parts.slice(0, 2).join(' ') : '0 seconds';
}

/** The broker warns this long before expiry (mirrors the lease manager: 20 % of the TTL, 5 s–5 min). */
export function warningLeadSeconds(ttlSeconds: number): number {
  return Math.max(5, Math.min(300, Math.floor(ttlSeconds * 0.2)));
}

/** Whole seconds until the lease's current expiry (0 once past it). */
export function leaseSecondsLeft(lease: Pick<LeaseInfo, 'expiresAt'>, now: number): number {
  const at = Date.parse(lease.expiresAt);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Tone of the countdown: warn inside the broker's warning window, bad in the last 10 s. */
export function countdownTone(lease: Pick<LeaseInfo, 'state' | 'ttlSeconds'>, secondsLeft: number): Tone {
  if (!isLive(lease.state)) return 'muted';
  if (secondsLeft <= 10) return 'bad';
  if (lease.state === 'expiring' || secondsLeft <= warningLeadSeconds(lease.ttlSeconds)) return 'warn';
  return 'ok';
}

/** How much of the current TTL window is left, 0–1 (for the bar under the countdown). */
export function leaseFraction(lease: Pick<LeaseInfo, 'state' | 'expiresAt' | 'ttlSeconds'>, now: number): number {
  if (!isLive(lease.state) || lease.ttlSeconds <= 0) return 0;
  return Math.min(1, Math.max(0, (Date.parse(lease.expiresAt) - now) / (lease.ttlSeconds * 1000)));
}

/** Renewing can still push the expiry later: live, and not yet at its max TTL. */
export function canRenew(lease: Pick<LeaseInfo, 'state' | 'expiresAt' | 'maxExpiresAt'>): boolean {
  return isLive(lease.state) && Date.parse(lease.expiresAt) < Date.parse(lease.maxExpiresAt);
}

/** Dynamic credentials whose revocation at the source has not succeeded yet. */
export function owedRevocations(lease: Pick<LeaseInfo, 'secrets'>): LeaseSecretInfo[] {
  return lease.secrets.filter((s) => s.revocation === 'owed');
}

/** Where an injected value came from, for people: `stub`, `keychain: gh-work`, `postgres`. */
export function sourceLabel(source: string): string {
  return source.startsWith('keychain:') ? `keychain: ${source.slice('keychain:'.length)}` : source;
}

/** Why a lease ended, when that says more than its state (`shell closed`, `TTL reached`). */
export function endReasonText(lease: Pick<LeaseInfo, 'state' | 'endReason'>): string | null {
  const reason = lease.endReason?.trim();
  return reason && reason !== lease.state ? reason : null;
}

export interface EndState {
  ended: boolean;
  /** One line for the banner over the terminal. */
  headline: string;
  detail: string | null;
}

/** Whether this shell can still be used, and if not, what ended it. */
export function shellEndState(
  shell: Pick<ShellInfo, 'exited' | 'exitCode'>,
  lease: Pick<LeaseInfo, 'state' | 'endReason'> | undefined,
): EndState {
  const leaseEnded = lease !== undefined && !isLive(lease.state);
  if (!shell.exited && !leaseEnded) return { ended: false, headline: '', detail: null };
  const leaseText = lease && leaseEnded ? `Lease ${lease.state}${endReasonText(lease) ? `: ${endReasonText(lease)}` : ''}.` : null;
  if (shell.exited) {
    const code = shell.exitCode === null ? '' : ` with code ${shell.exitCode}`;
    return { ended: true, headline: `Shell exited${code}.`, detail: leaseText };
  }
  return { ended: true, headline: leaseText ?? 'Lease ended.', detail: 'The shell is ending; its injected values were withdrawn.' };
}

/**
 * shell.input carries at most 64 KiB, never empty and never a NUL byte (Ctrl+Space sends one):
 * drop NULs and split big pastes.
 */
export function chunkInput(raw: string, max = 65_536): string[] {
  const data = raw.replace(/\0/g, '');
  if (data === '') return [];
  const chunks: string[] = [];
  let at = 0;
  while (at < data.length) {
    let end = Math.min(data.length, at + max);
    // Never split a surrogate pair.
    if (end < data.length && /[\uD800-\uDBFF]/.test(data.charAt(end - 1))) end -= 1;
    chunks.push(data.slice(at, end));
    at = end;
  }
  return chunks;
}

/** `sh_1a2b3c…` is opaque: show the project and a short id. */
export function shortId(id: string): string {
  const at = id.indexOf('_');
  const body = at === -1 ? id : id.slice(at + 1);
  return body.slice(0, 6);
}
