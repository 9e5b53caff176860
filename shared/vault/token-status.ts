import type { TokenStatus } from '../contract/schemas/tokens';

const DAY_MS = 86_400_000;
/** A token is "expiring" this long before its expiry date. */
export const EXPIRY_WARNING_DAYS = 7;

export interface TokenDates {
  createdAt: string;
  expiresAt: string | null;
  lastRotatedAt: string | null;
  rotationPeriodDays: number | null;
}

/** When the token is due for rotation: last rotation (or creation) plus the period. */
export function rotationDueAt(dates: TokenDates): string | null {
  if (dates.rotationPeriodDays === null) return null;
  const since = Date.parse(dates.lastRotatedAt ?? dates.createdAt);
  return new Date(since + dates.rotationPeriodDays * DAY_MS).toISOString();
}

/** Worst state first: expired > expiring > rotation-due > ok. */
export function tokenStatus(dates: TokenDates, now: number): TokenStatus {
  if (dates.expiresAt !== null) {
    const expires = Date.parse(dates.expiresAt);
    if (expires <= now) return 'expired';
    if (expires - now <= EXPIRY_WARNING_DAYS * DAY_MS) return 'expiring';
  }
  const due = rotationDueAt(dates);
  if (due !== null && Date.parse(due) <= now) return 'rotation-due';
  return 'ok';
}
