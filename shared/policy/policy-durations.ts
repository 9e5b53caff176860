// Durations in hub-policy.yaml: `90s`, `15m`, `1h`, `1h30m`, `2d` (units d, h, m, s in that
// order, each at most once), longer than nothing and at most seven days.

import { formatDuration } from '../manifest/model/duration';

const SECONDS_PER_UNIT = { d: 86_400, h: 3_600, m: 60, s: 1 } as const;
const UNIT_ORDER = 'dhms';

/** The longest grant, request timeout or command timeout a policy may set. */
export const MAX_POLICY_DURATION_SECONDS = 7 * SECONDS_PER_UNIT.d;

export const POLICY_DURATION_EXAMPLES = '90s, 15m, 1h, 1h30m or 2d';

export type PolicyDurationResult =
  | { readonly ok: true; readonly seconds: number }
  | { readonly ok: false; readonly reason: 'syntax' | 'zero' | 'too-long'; readonly seconds?: number };

/** Reads a duration; says why when it is not one a policy accepts. */
export function parsePolicyDuration(text: string): PolicyDurationResult {
  if (text.length === 0 || text.length > 40) return { ok: false, reason: 'syntax' };
  let total = 0;
  let digits = 0;
  let value = 0;
  let nextUnit = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48);
      digits++;
      if (digits > 7) return { ok: false, reason: 'syntax' };
      continue;
    }
    const unit = UNIT_ORDER.indexOf(text[i] ?? '', nextUnit);
    if (digits === 0 || unit === -1) return { ok: false, reason: 'syntax' };
    total += value * SECONDS_PER_UNIT[UNIT_ORDER[unit] as keyof typeof SECONDS_PER_UNIT];
    nextUnit = unit + 1;
    digits = 0;
    value = 0;
  }
  if (digits !== 0) return { ok: false, reason: 'syntax' };
  if (total === 0) return { ok: false, reason: 'zero' };
  if (total > MAX_POLICY_DURATION_SECONDS) return { ok: false, reason: 'too-long', seconds: total };
  return { ok: true, seconds: total };
}

/** The shortest spelling: 5400 -> `1h30m`, 172800 -> `2d`. */
export function formatPolicyDuration(seconds: number): string {
  return formatDuration(seconds);
}
