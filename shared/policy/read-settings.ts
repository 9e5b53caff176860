// The settings a resource may inherit from `defaults:` (approvals, max_duration,
// reason_required, request_timeout), and the defaults block itself.

import { isMap } from 'yaml';
import { describeFound, isNullNode } from '../manifest/parse/describe';
import { checkKeys, readFields, valueSpot, type Field, type Fields, type PolicyReader } from './policy-reader';
import { readApprovals, readBoolean, readDuration } from './policy-values';

export const SETTING_KEYS = ['approvals', 'max_duration', 'reason_required', 'request_timeout'] as const;

export interface PolicySettings {
  approvals: number;
  maxDurationSeconds: number;
  reasonRequired: boolean;
  requestTimeoutSeconds: number;
}

/** What a resource gets when neither it nor `defaults:` says. */
export const BUILT_IN_SETTINGS: Readonly<PolicySettings> = {
  approvals: 1,
  maxDurationSeconds: 3_600,
  reasonRequired: true,
  requestTimeoutSeconds: 3_600,
};

/** The settings written in `fields`; `owner` reads like "of orders-db" or "in defaults". */
export function readSettings(reader: PolicyReader, fields: Fields, owner: string): Partial<PolicySettings> {
  const settings: Partial<PolicySettings> = {};
  const approvals = fields.get('approvals');
  if (approvals) settings.approvals = readApprovals(reader, approvals, `approvals ${owner}`);
  const maxDuration = fields.get('max_duration');
  if (maxDuration) settings.maxDurationSeconds = readDuration(reader, maxDuration, `max_duration ${owner}`);
  const reasonRequired = fields.get('reason_required');
  if (reasonRequired) settings.reasonRequired = readBoolean(reader, reasonRequired, `reason_required ${owner}`);
  const requestTimeout = fields.get('request_timeout');
  if (requestTimeout) settings.requestTimeoutSeconds = readDuration(reader, requestTimeout, `request_timeout ${owner}`);
  for (const key of Object.keys(settings) as (keyof PolicySettings)[]) if (settings[key] === undefined) delete settings[key];
  return settings;
}

/** `defaults:` (absent or empty: nothing); resource-only keys get an explanation. */
export function readDefaults(reader: PolicyReader, field: Field, resourceKeys: readonly string[]): Partial<PolicySettings> {
  const node = field.value;
  if (node === null || isNullNode(node)) return {};
  if (!isMap(node)) {
    reader.error(valueSpot(field), `defaults must be a mapping with ${SETTING_KEYS.join(', ')}; found ${describeFound(node)}`);
    return {};
  }
  const fields = readFields(reader, node, 'in defaults');
  checkKeys(reader, fields, SETTING_KEYS, 'in defaults', (key) =>
    resourceKeys.includes(key) ? `${key} has no default: set it on each resource (defaults take ${SETTING_KEYS.join(', ')})` : undefined,
  );
  return readSettings(reader, fields, 'in defaults');
}
