import { formatDate, formatDateTime, formatRelative } from '../../lib/format';

/** `2027-01-31` with a muted "in 3 d" underneath and the full local time on hover. */
export function DateCell({ iso, now, empty = '—', tone }: { iso: string | null; now: number; empty?: string; tone?: 'warn' | 'bad' }) {
  if (!iso) return <span className="muted">{empty}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={tone ? `date-cell date-${tone}` : 'date-cell'}>
      <span>{formatDate(iso)}</span>
      <span className="date-relative">{formatRelative(iso, now)}</span>
    </time>
  );
}
