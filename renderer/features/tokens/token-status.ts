import type { TokenStatus } from '../../../shared/contract/schemas/tokens';

export const STATUS_LABEL: Record<TokenStatus, string> = {
  ok: 'OK',
  expiring: 'Expiring',
  expired: 'Expired',
  'rotation-due': 'Rotation due',
};

export const STATUS_TONE: Record<TokenStatus, 'ok' | 'warn' | 'bad'> = {
  ok: 'ok',
  expiring: 'warn',
  expired: 'bad',
  'rotation-due': 'warn',
};

export const STATUS_HELP: Record<TokenStatus, string> = {
  ok: 'Valid, and not due for rotation',
  expiring: 'Expires within 7 days',
  expired: 'Past its expiry date',
  'rotation-due': 'Past its rotation period: rotate it',
};

/** Worst first, for sorting by status. */
export const STATUS_RANK: Record<TokenStatus, number> = { expired: 0, expiring: 1, 'rotation-due': 2, ok: 3 };
