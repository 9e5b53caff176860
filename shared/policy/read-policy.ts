// The top level of hub-policy.yaml: version, defaults, resources.

import { isMap, isScalar, type Node } from 'yaml';
import { describeFound, isNullNode } from '../manifest/parse/describe';
import type { HubPolicy, ResourcePolicy } from './hub-policy-types';
import { checkKeys, readFields, valueSpot, type Field, type PolicyReader } from './policy-reader';
import { readKebabName } from './policy-values';
import { readDefaults } from './read-settings';
import { readResource, RESOURCE_KEYS } from './read-resource';

export const POLICY_VERSION = 1;
const TOP_LEVEL_KEYS = ['version', 'defaults', 'resources'] as const;
const TOP_LEVEL_EXPECTED = `a mapping with version: ${POLICY_VERSION} and resources`;

/** The policy, or undefined when an error was reported. */
export function readPolicy(reader: PolicyReader, root: Node | null): HubPolicy | undefined {
  if (root === null || isNullNode(root)) {
    reader.error(0, `empty policy; expected ${TOP_LEVEL_EXPECTED}`);
    return undefined;
  }
  if (!isMap(root)) {
    reader.error(root, `expected ${TOP_LEVEL_EXPECTED} at the top level; found ${describeFound(root)}`);
    return undefined;
  }
  const fields = readFields(reader, root, 'at the top level');
  checkKeys(reader, fields, TOP_LEVEL_KEYS, 'at the top level', (key) =>
    (RESOURCE_KEYS as readonly string[]).includes(key) ? `${key} belongs to a resource under resources: (or to defaults:)` : undefined,
  );

  const versionField = fields.get('version');
  if (!versionField) reader.error(root, `missing key "version"; expected version: ${POLICY_VERSION}`);
  else checkVersion(reader, versionField);

  const defaultsField = fields.get('defaults');
  const defaults = defaultsField ? readDefaults(reader, defaultsField, RESOURCE_KEYS) : {};

  const resourcesField = fields.get('resources');
  if (!resourcesField) reader.error(root, 'missing key "resources"; expected a mapping of resource ids to their policy');
  const resources = new Map<string, ResourcePolicy>();
  if (resourcesField) {
    const node = resourcesField.value;
    if (node === null || isNullNode(node) || (isMap(node) && node.items.length === 0)) {
      reader.warn(resourcesField.keyNode, 'no resources: every request will be refused');
    } else if (!isMap(node)) {
      reader.error(valueSpot(resourcesField), `resources must be a mapping of resource ids to their policy; found ${describeFound(node)}`);
    } else {
      for (const field of readFields(reader, node, 'in resources').values()) {
        const id = readKebabName(reader, field.keyNode, field.keyNode, 'resource id', '', 'orders-db');
        // A resource with a bad id is still read, so that all its problems show at once.
        const resource = readResource(reader, id ?? field.key, field, defaults);
        if (resource && id !== undefined) resources.set(id, resource);
      }
    }
  }
  if (reader.errorCount() > 0) return undefined;
  return { version: POLICY_VERSION, resources };
}

function checkVersion(reader: PolicyReader, field: Field): void {
  const node = field.value;
  const value: unknown = node !== null && isScalar(node) ? node.value : undefined;
  if (value === POLICY_VERSION) return;
  if (typeof value === 'number') {
    reader.error(valueSpot(field), `unsupported version ${value}; this Latch reads version ${POLICY_VERSION}`);
  } else {
    const text = typeof value === 'string' ? value.trim() : '';
    const hint = text === String(POLICY_VERSION) ? ` (write ${POLICY_VERSION} without quotes)` : '';
    reader.error(valueSpot(field), `version must be the number ${POLICY_VERSION}; found ${describeFound(node)}${hint}`);
  }
}
