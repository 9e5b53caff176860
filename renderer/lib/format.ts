/** Display helpers shared by every page. Pure: `now` is passed in where it matters. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2027-01-31` (the UTC calendar date, as the CLI prints it) or an em dash. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '—' : new Date(ms).toISOString().slice(0, 10);
}

/** `2027-01-31 14:05:09` in local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '—';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `in 3 d`, `5 h ago`, `just now`: coarse, for scanning a table. */
export function formatRelative(iso: string | null | undefined, now: number): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const delta = ms - now;
  const abs = Math.abs(delta);
  if (abs < MINUTE) return 'just now';
  let amount: string;
  if (abs < HOUR) amount = `${Math.floor(abs / MINUTE)} min`;
  else if (abs < DAY) amount = `${Math.floor(abs / HOUR)} h`;
  else if (abs < 60 * DAY) amount = `${Math.floor(abs / DAY)} d`;
  else if (abs < 730 * DAY) amount = `${Math.floor(abs / (30 * DAY))} mo`;
  else amount = `${Math.floor(abs / (365 * DAY))} y`;
  return delta > 0 ? `in ${amount}` : `${amount} ago`;
}

/** `3d 4h`, `2h 5m`, `4m 12s`, `9s`: two most significant units. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const seconds = s % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}

/** Whole seconds left until `deadline` (never negative), rounded up so "1 s" shows until it is over. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** `1 token`, `3 tokens`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
