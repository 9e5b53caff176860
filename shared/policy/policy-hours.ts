// Access hours: "HH:MM" clock times, IANA time zones and the "is it within the window" test.
// Formatters are made once per time zone and cached: the hub asks on every request.

import { WEEKDAYS, type AccessHours, type Weekday } from './hub-policy-types';

const MINUTES_PER_DAY = 24 * 60;

/** "HH:MM" on a 24-hour clock (00:00 to 23:59) as minutes after midnight. */
export function parseClock(text: string): number | undefined {
  if (text.length !== 5 || text.charCodeAt(2) !== 58) return undefined;
  const digits = [0, 1, 3, 4].map((i) => text.charCodeAt(i) - 48);
  if (digits.some((d) => d < 0 || d > 9)) return undefined;
  const [h1, h2, m1, m2] = digits as [number, number, number, number];
  const hours = h1 * 10 + h2;
  const minutes = m1 * 10 + m2;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

export function formatClock(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours < 10 ? '0' : ''}${hours}:${rest < 10 ? '0' : ''}${rest}`;
}

interface ZoneClock {
  readonly format: Intl.DateTimeFormat;
  /** The zone's name as Intl spells it (e.g. "Europe/Berlin" for "europe/berlin"). */
  readonly resolved: string;
}

/** Per zone name: its formatter, or null when Intl does not know the zone. */
const zoneClocks = new Map<string, ZoneClock | null>();
const MAX_CACHED_ZONES = 1_000;
/** "+01:00", "-5", "0100": offsets, which some Intl versions accept as zones. */
const OFFSET_START = /^[+\-\d]/;

function zoneClock(timeZone: string): ZoneClock | null {
  const cached = zoneClocks.get(timeZone);
  if (cached !== undefined) return cached;
  let clock: ZoneClock | null = null;
  // Offsets such as "+01:00" are accepted by some Intl versions only: not an IANA name.
  if (timeZone.length > 0 && timeZone.length <= 64 && !OFFSET_START.test(timeZone)) {
    try {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      clock = { format, resolved: format.resolvedOptions().timeZone };
    } catch {
      clock = null;
    }
  }
  if (zoneClocks.size >= MAX_CACHED_ZONES) zoneClocks.clear();
  zoneClocks.set(timeZone, clock);
  return clock;
}

/**
 * The name to keep for a zone Intl knows: the caller's spelling, with Intl's letter case
 * when only the case differs ("utc" -> "UTC"); undefined for an unknown zone.
 */
export function canonicalTimeZone(timeZone: string): string | undefined {
  const clock = zoneClock(timeZone);
  if (clock === null) return undefined;
  return clock.resolved.toLowerCase() === timeZone.toLowerCase() ? clock.resolved : timeZone;
}

let zoneNames: readonly string[] | undefined;

/** Every zone name Intl lists (for "did you mean"), plus UTC. */
export function knownTimeZones(): readonly string[] {
  if (zoneNames === undefined) {
    let listed: string[] = [];
    try {
      listed = Intl.supportedValuesOf('timeZone');
    } catch {
      listed = [];
    }
    zoneNames = ['UTC', ...listed];
  }
  return zoneNames;
}

const WEEKDAY_OF_SHORT_NAME: Readonly<Record<string, Weekday>> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

export interface LocalTime {
  readonly day: Weekday;
  /** Minutes after local midnight. */
  readonly minutes: number;
}

/** The weekday and wall-clock time at `now` in `timeZone`; undefined if either is unusable. */
export function localTime(timeZone: string, now: Date): LocalTime | undefined {
  const clock = zoneClock(timeZone);
  if (clock === null || !(now instanceof Date) || !Number.isFinite(now.getTime())) return undefined;
  let day: Weekday | undefined;
  let hours = -1;
  let minutes = -1;
  for (const part of clock.format.formatToParts(now)) {
    if (part.type === 'weekday') day = WEEKDAY_OF_SHORT_NAME[part.value];
    else if (part.type === 'hour') hours = Number(part.value) % 24;
    else if (part.type === 'minute') minutes = Number(part.value);
  }
  if (day === undefined || !(hours >= 0) || !(minutes >= 0)) return undefined;
  return { day, minutes: hours * 60 + minutes };
}

function previousDay(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7] as Weekday;
}

/**
 * Whether `local` falls in a window of `hours`. A window that crosses midnight (to < from)
 * belongs to the day it started on: fri 22:00-06:00 covers saturday 03:00.
 */
export function isWithinHours(hours: AccessHours, local: LocalTime): boolean {
  const from = parseClock(hours.from);
  const to = parseClock(hours.to);
  if (from === undefined || to === undefined || from === to) return false;
  if (from < to) return local.minutes >= from && local.minutes < to && hours.days.includes(local.day);
  if (local.minutes >= from) return hours.days.includes(local.day);
  if (local.minutes < to) return hours.days.includes(previousDay(local.day));
  return false;
}

/** `mon-fri`, `sat, sun`, `mon, wed-fri`: runs of three or more days are shortened. */
export function describeDays(days: readonly Weekday[]): string {
  const indices = WEEKDAYS.map((_, i) => i).filter((i) => days.includes(WEEKDAYS[i] as Weekday));
  const parts: string[] = [];
  for (let start = 0; start < indices.length; ) {
    let end = start;
    while (end + 1 < indices.length && (indices[end + 1] as number) === (indices[end] as number) + 1) end++;
    const first = WEEKDAYS[indices[start] as number] as Weekday;
    const last = WEEKDAYS[indices[end] as number] as Weekday;
    if (end - start >= 2) parts.push(`${first}-${last}`);
    else for (let i = start; i <= end; i++) parts.push(WEEKDAYS[indices[i] as number] as Weekday);
    start = end + 1;
  }
  return parts.join(', ');
}

/** `mon-fri from 08:00 to 18:00 (Europe/Berlin)`; an overnight window says so. */
export function describeHours(hours: AccessHours): string {
  const from = parseClock(hours.from);
  const to = parseClock(hours.to);
  const overnight = from !== undefined && to !== undefined && to < from ? ' the next day' : '';
  return `${describeDays(hours.days)} from ${hours.from} to ${hours.to}${overnight} (${hours.timezone} time)`;
}

export function describeLocalTime(local: LocalTime): string {
  return `${local.day} ${formatClock(local.minutes % MINUTES_PER_DAY)}`;
}
