// How an environment's override changes a secret entry: every field it sets replaces the
// entry's; when it changes the class, the old class's own fields (token, provider) are
// dropped rather than carried into a class they were not written for.

import type { SecretClass } from '../model/vocabulary';

/** Fields that belong to one class (or two) and make no sense after a class change. */
export const CLASS_FIELDS = {
  token: ['personal'],
  provider: ['dynamic', 'prod'],
} as const satisfies Record<string, readonly SecretClass[]>;

const CLASS_FIELD_NAMES: readonly string[] = Object.keys(CLASS_FIELDS);

/**
 * Merges two bags of per-field things (values, or where values were written) keyed by
 * entry field name. `classChanged` drops the base's class fields.
 */
export function mergeEntryFields<T extends object>(base: T, override: T, classChanged: boolean): T {
  const merged: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(base)) {
    if (value === undefined) continue;
    if (classChanged && CLASS_FIELD_NAMES.includes(field)) continue;
    merged[field] = value;
  }
  for (const [field, value] of Object.entries(override)) {
    if (value !== undefined) merged[field] = value;
  }
  return merged as T;
}

export function changesClass(baseClass: SecretClass | undefined, overrideClass: SecretClass | undefined): boolean {
  return overrideClass !== undefined && overrideClass !== baseClass;
}
