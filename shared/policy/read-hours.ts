// `hours:` of a resource: the weekdays and clock window (in an IANA time zone) when it may
// be requested.

import { isMap, isSeq } from 'yaml';
import { describeFound, quote, stringValue } from '../manifest/parse/describe';
import { closestMatch, didYouMean } from '../manifest/parse/suggest';
import { WEEKDAYS, type AccessHours, type Weekday } from './hub-policy-types';
import { canonicalTimeZone, knownTimeZones, parseClock } from './policy-hours';
import { checkKeys, itemSpot, readFields, valueSpot, type Field, type PolicyReader } from './policy-reader';

export const HOURS_KEYS = ['days', 'from', 'to', 'timezone'] as const;
const DAYS_EXAMPLE = '[mon, tue, wed, thu, fri]';

export function readHours(reader: PolicyReader, field: Field, id: string): AccessHours | undefined {
  const where = `hours of ${id}`;
  const node = field.value;
  if (node === null || !isMap(node)) {
    reader.error(valueSpot(field), `${where} must be a mapping with days, from, to and timezone; found ${describeFound(node)}`);
    return undefined;
  }
  const fields = readFields(reader, node, `in ${where}`);
  const before = reader.errorCount();
  checkKeys(reader, fields, HOURS_KEYS, `in ${where}`);
  const missing = (key: string, expected: string): void => reader.error(field.keyNode, `${where} have no ${key}; expected ${key}: ${expected}`);

  const daysField = fields.get('days');
  if (!daysField) missing('days', `a list of weekdays such as ${DAYS_EXAMPLE}`);
  const days = daysField ? readDays(reader, daysField, where) : undefined;

  const fromField = fields.get('from');
  if (!fromField) missing('from', 'the time requests may start, such as "08:00"');
  const from = fromField ? readClock(reader, fromField, `from in ${where}`) : undefined;

  const toField = fields.get('to');
  if (!toField) missing('to', 'the time requests must end by, such as "18:00"');
  const to = toField ? readClock(reader, toField, `to in ${where}`) : undefined;

  if (from !== undefined && to !== undefined && from === to && toField) {
    reader.error(
      valueSpot(toField),
      `from and to in ${where} are both ${quote(to)}, which leaves no time at all; leave hours out to allow requests at any time`,
    );
  }

  const zoneField = fields.get('timezone');
  const timezone = zoneField ? readTimeZone(reader, zoneField, where) : 'UTC';

  if (reader.errorCount() !== before || days === undefined || from === undefined || to === undefined || timezone === undefined) return undefined;
  return { days, from, to, timezone };
}

function readDays(reader: PolicyReader, field: Field, where: string): Weekday[] | undefined {
  const label = `days in ${where}`;
  const node = field.value;
  if (node === null || !isSeq(node)) {
    reader.error(valueSpot(field), `${label} must be a list of weekdays such as ${DAYS_EXAMPLE}; found ${describeFound(node)}`);
    return undefined;
  }
  if (node.items.length === 0) {
    reader.error(valueSpot(field), `${label} must name at least one day (leave hours out to allow requests at any time)`);
    return undefined;
  }
  const days: Weekday[] = [];
  let ok = true;
  for (const item of node.items) {
    const itemNode = reader.resolve(item);
    const spot = itemSpot(reader, item, node);
    const text = stringValue(itemNode);
    const day = WEEKDAYS.find((d) => d === text);
    if (day !== undefined) {
      if (days.includes(day)) reader.warn(spot, `day ${quote(day)} is listed twice in ${where}`);
      else days.push(day);
      continue;
    }
    ok = false;
    if (text === undefined) {
      reader.error(spot, `each day in ${where} must be one of ${WEEKDAYS.join(', ')}; found ${describeFound(itemNode)}`);
      continue;
    }
    const short = text.slice(0, 3).toLowerCase();
    const hint = WEEKDAYS.find((d) => d === short && text.length >= 3) ?? closestMatch(text, WEEKDAYS);
    reader.error(
      spot,
      `unknown day ${quote(text)} in ${where}; expected one of ${WEEKDAYS.join(', ')}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
    );
  }
  return ok ? days : undefined;
}

/** "HH:MM" on a 24-hour clock; returned as written. */
function readClock(reader: PolicyReader, field: Field, label: string): string | undefined {
  const node = field.value;
  const text = stringValue(node);
  const expected = 'a time "HH:MM" on a 24-hour clock, such as "08:00"';
  if (text === undefined) {
    reader.error(valueSpot(field), `${label} must be ${expected}; found ${describeFound(node)}`);
    return undefined;
  }
  if (parseClock(text) !== undefined) return text;
  reader.error(valueSpot(field), `invalid time ${quote(text)} for ${label}; expected ${expected}${clockHint(text)}`);
  return undefined;
}

function clockHint(text: string): string {
  const colon = text.indexOf(':');
  if (colon === -1) return '';
  const hours = text.slice(0, colon).trim();
  const minutes = text.slice(colon + 1).trim();
  if (!/^\d{1,2}$/.test(hours) || !/^\d{1,2}$/.test(minutes)) return '';
  if (Number(hours) === 24 && Number(minutes) === 0) return ' (use "00:00" for midnight)';
  const padded = `${hours.padStart(2, '0')}:${minutes.padStart(2, '0')}`;
  return padded !== text && parseClock(padded) !== undefined ? ` (did you mean "${padded}"?)` : '';
}

function readTimeZone(reader: PolicyReader, field: Field, where: string): string | undefined {
  const label = `timezone in ${where}`;
  const node = field.value;
  const text = stringValue(node);
  const expected = 'an IANA time zone such as Europe/Berlin or UTC';
  if (text === undefined) {
    reader.error(valueSpot(field), `${label} must be ${expected}; found ${describeFound(node)}`);
    return undefined;
  }
  const zone = canonicalTimeZone(text);
  if (zone !== undefined) return zone;
  const offset = /^[+-]\d/.test(text) ? ' (offsets are not zones: use a place such as Europe/Berlin, or Etc/GMT-1 for a fixed UTC+1)' : '';
  reader.error(valueSpot(field), `unknown time zone ${quote(text)} in ${where}; expected ${expected}${offset || didYouMean(text, knownTimeZones())}`);
  return undefined;
}
