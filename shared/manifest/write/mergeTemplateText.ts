// Adds secret entries to an existing latch.yaml through yaml's Document API, so its comments,
// order and styles stay. Secrets already declared are left as they are.

import { LineCounter, isMap, isNode, isScalar, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { SecretEntry } from '../model/schema';
import { templateError, type TemplateError } from '../parse/templateError';
import { entryToYaml } from './toYamlObject';
import { styleNode, YAML_WRITE_OPTIONS } from './serializeTemplate';

export type MergeTemplateResult =
  | {
      readonly ok: true;
      readonly text: string;
      /** Names added, in order. */
      readonly added: readonly string[];
      /** Names already declared, left untouched. */
      readonly kept: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly TemplateError[] };

export function mergeTemplateText(
  existingYamlText: string,
  newEntries: Readonly<Record<string, SecretEntry>>,
  fileName = 'latch.yaml',
): MergeTemplateResult {
  const lineCounter = new LineCounter();
  const fail = (offset: number, message: string): MergeTemplateResult => {
    const { line, col } = lineCounter.linePos(offset);
    return { ok: false, errors: [templateError(fileName, line, col, message)] };
  };
  try {
    const doc: Document = parseDocument(existingYamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return {
        ok: false,
        errors: doc.errors.map((error) => {
          const { line, col } = lineCounter.linePos(error.pos[0]);
          return templateError(fileName, line, col, `YAML syntax error: ${error.message.split('\n', 1)[0] ?? ''}`);
        }),
      };
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
      doc.contents = doc.createNode({});
    }
    const root = doc.contents;
    if (!isMap(root)) return fail(offsetOf(root), 'expected a mapping at the top level; cannot add secrets');

    let secrets: unknown = root.get('secrets', true);
    if (secrets === undefined || (isScalar(secrets) && secrets.value === null)) {
      secrets = doc.createNode({});
      root.set(doc.createNode('secrets'), secrets);
    }
    if (!isMap(secrets)) return fail(offsetOf(secrets), 'secrets must be a mapping; cannot add secrets');
    const map: YAMLMap = secrets;

    const added: string[] = [];
    const kept: string[] = [];
    for (const [name, entry] of Object.entries(newEntries)) {
      if (map.has(name)) {
        kept.push(name);
        continue;
      }
      const pair = doc.createPair(name, entryToYaml(entry));
      styleNode(pair.value as Parameters<typeof styleNode>[0]);
      if (map.items.length > 0 && !map.flow && isScalar(pair.key)) pair.key.spaceBefore = true;
      map.items.push(pair);
      added.push(name);
    }
    if (added.length > 0) map.flow = false;
    return { ok: true, text: added.length > 0 ? doc.toString(YAML_WRITE_OPTIONS) : existingYamlText, added, kept };
  } catch {
    return fail(0, 'internal error while merging into the template; please report it');
  }
}

function offsetOf(node: unknown): number {
  return isNode(node) ? (node.range?.[0] ?? 0) : 0;
}
