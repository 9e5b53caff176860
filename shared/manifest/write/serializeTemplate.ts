// Template -> latch.yaml text: stable key order, a blank line between top-level sections and
// between secrets, small objects (providers, custom shapes, defaults) written inline.

import { Document, isMap, isPair, isScalar, isSeq, visit, type Node } from 'yaml';
import type { Template } from '../model/schema';
import { templateToYaml } from './toYamlObject';

export const YAML_WRITE_OPTIONS = { lineWidth: 0, indent: 2 } as const;

/** Top-level keys that open a section (preceded by a blank line). */
const SECTION_KEYS: ReadonlySet<string> = new Set(['defaults', 'secrets', 'environments']);

/** Keys whose mapping values read best on one line when short. */
const INLINE_MAPPING_KEYS: ReadonlySet<string> = new Set(['provider', 'shape', 'defaults']);

/** Keys whose lists read best on one line when short. */
const INLINE_LIST_KEYS: ReadonlySet<string> = new Set(['mint', 'revoke', 'grants']);

export function serializeTemplate(template: Template): string {
  const doc = new Document(templateToYaml(template));
  styleNode(doc.contents);
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, index) => {
      if (isScalar(pair.key) && SECTION_KEYS.has(String(pair.key.value)) && index > 0) pair.key.spaceBefore = true;
    });
    const secrets = doc.contents.get('secrets', true);
    if (isMap(secrets)) {
      secrets.items.forEach((pair, index) => {
        if (index > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
      });
    }
  }
  return doc.toString(YAML_WRITE_OPTIONS);
}

/** Writes short providers, custom shapes, defaults and argument lists inline. */
export function styleNode(node: Node | null | undefined): void {
  if (!node) return;
  visit(node, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const value = pair.value;
      if (isMap(value) && INLINE_MAPPING_KEYS.has(key) && JSON.stringify(value.toJSON()).length <= 90) value.flow = true;
      if (isSeq(value) && INLINE_LIST_KEYS.has(key) && JSON.stringify(value.toJSON()).length <= 60) value.flow = true;
    },
  });
}
