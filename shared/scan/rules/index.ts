// The built-in rule set.

import type { Rule } from '../types';
import { AI_RULES } from './ai';
import { CLOUD_RULES } from './cloud';
import { CONNECTION_STRING_RULES } from './connection-strings';
import { DEVELOPER_TOOL_RULES } from './developer-tools';
import { GENERIC_RULES } from './generic';
import { INFRASTRUCTURE_RULES } from './infrastructure';
import { MESSAGING_RULES } from './messaging';
import { OBSERVABILITY_RULES } from './observability';
import { PACKAGE_REGISTRY_RULES } from './package-registries';
import { PAYMENT_RULES } from './payments';
import { PRIVATE_KEY_RULES } from './private-keys';
import { SOURCE_CONTROL_RULES } from './source-control';

export const RULES: readonly Rule[] = [
  ...SOURCE_CONTROL_RULES,
  ...PACKAGE_REGISTRY_RULES,
  ...CLOUD_RULES,
  ...AI_RULES,
  ...PAYMENT_RULES,
  ...MESSAGING_RULES,
  ...OBSERVABILITY_RULES,
  ...DEVELOPER_TOOL_RULES,
  ...INFRASTRUCTURE_RULES,
  ...PRIVATE_KEY_RULES,
  ...CONNECTION_STRING_RULES,
  ...GENERIC_RULES,
];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
