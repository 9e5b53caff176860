// One entry under `resources:`: who may request it, who approves, how long, and where its
// credential comes from.

import { isMap, type Node } from 'yaml';
import { describeFound } from '../manifest/parse/describe';
import type { ResourcePolicy } from './hub-policy-types';
import { checkKeys, readFields, valueSpot, type Field, type PolicyReader } from './policy-reader';
import { readGroups, readText } from './policy-values';
import { PROVIDER_KEYS, PROVIDER_TYPES, readProvider } from './read-provider';
import { HOURS_KEYS, readHours } from './read-hours';
import { BUILT_IN_SETTINGS, readSettings, SETTING_KEYS, type PolicySettings } from './read-settings';

export const RESOURCE_KEYS = ['description', 'provider', 'requesters', 'approvers', ...SETTING_KEYS, 'hours'] as const;

const PROVIDER_ONLY_KEYS = new Set(PROVIDER_TYPES.flatMap((type) => PROVIDER_KEYS[type]));

/** Explains keys that belong one level down (`timezone:` belongs under `hours:`). */
function misplacedKey(key: string): string | undefined {
  if ((HOURS_KEYS as readonly string[]).includes(key)) return `${key} belongs under hours:`;
  if (key === 'timeout') return 'use request_timeout for how long a request may wait for a decision (timeout belongs under a command provider:)';
  if (PROVIDER_ONLY_KEYS.has(key)) return `${key} belongs under provider:`;
  return undefined;
}

/** `field` is the resource's pair: missing keys are reported at its key. */
export function readResource(reader: PolicyReader, id: string, field: Field, defaults: Partial<PolicySettings>): ResourcePolicy | undefined {
  const node: Node | null = field.value;
  if (node === null || !isMap(node)) {
    reader.error(valueSpot(field), `resource ${id} must be a mapping with provider, requesters and approvers; found ${describeFound(node)}`);
    return undefined;
  }
  const before = reader.errorCount();
  const fields = readFields(reader, node, `in resource ${id}`);
  checkKeys(reader, fields, RESOURCE_KEYS, `in resource ${id}`, misplacedKey);
  const required = (key: string, expected: string): Field | undefined => {
    const found = fields.get(key);
    if (!found) reader.error(field.keyNode, `resource ${id} has no ${key}; expected ${key}: ${expected}`);
    return found;
  };

  const descriptionField = fields.get('description');
  const description = descriptionField ? readText(reader, descriptionField, `description of ${id}`) : undefined;
  const providerField = required('provider', `{type: ${PROVIDER_TYPES.join(' | ')}, …}`);
  const provider = providerField ? readProvider(reader, providerField, id) : undefined;
  const requestersField = required('requesters', 'a list of the groups whose members may request it');
  const requesters = requestersField ? readGroups(reader, requestersField, `requesters of ${id}`) : undefined;
  const approversField = required('approvers', 'a list of the groups whose members may approve requests');
  const approvers = approversField ? readGroups(reader, approversField, `approvers of ${id}`) : undefined;
  const settings = { ...BUILT_IN_SETTINGS, ...defaults, ...readSettings(reader, fields, `of ${id}`) };
  const hoursField = fields.get('hours');
  const hours = hoursField ? readHours(reader, hoursField, id) : undefined;

  if (reader.errorCount() !== before || provider === undefined || requesters === undefined || approvers === undefined) return undefined;
  return {
    id,
    ...(description !== undefined ? { description } : {}),
    provider,
    requesters,
    approvers,
    approvals: settings.approvals,
    maxDurationSeconds: settings.maxDurationSeconds,
    reasonRequired: settings.reasonRequired,
    requestTimeoutSeconds: settings.requestTimeoutSeconds,
    ...(hours !== undefined ? { hours } : {}),
  };
}
