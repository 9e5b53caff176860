// Durations in latch.yaml: `90s`, `15m`, `1h`, `7d`, `1h30m` (units in that order, each once).

const DURATION = /^(?:(\d{1,7})d)?(?:(\d{1,7})h)?(?:(\d{1,7})m)?(?:(\d{1,7})s)?$/;

const SECOND = 1;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Ten years: long enough for any rotation period, small enough to stay exact. */
export const MAX_DURATION_SECONDS = 3650 * DAY;

export const DURATION_EXAMPLES = '90s, 15m, 1h, 7d or 1h30m';

/** Seconds, or undefined when the text is not a positive duration up to ten years. */
export function parseDuration(text: string): number | undefined {
  if (text === '') return undefined;
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [, days, hours, minutes, seconds] = match;
  const total =
    Number(days ?? 0) * DAY + Number(hours ?? 0) * HOUR + Number(minutes ?? 0) * MINUTE + Number(seconds ?? 0) * SECOND;
  return total > 0 && total <= MAX_DURATION_SECONDS ? total : undefined;
}

/** The shortest canonical spelling: 5400 -> `1h30m`, 90 -> `1m30s`, 0 -> `0s`. */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  if (rest === 0) return '0s';
  let out = '';
  for (const [unit, size] of [
    ['d', DAY],
    ['h', HOUR],
    ['m', MINUTE],
    ['s', SECOND],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) out += `${count}${unit}`;
    rest -= count * size;
  }
  return out;
}
