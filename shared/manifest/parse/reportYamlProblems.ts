// yaml's own errors and warnings, reworded and located. Duplicate keys are reported but
// leave the document readable; any other error means the template is not read further.

import { isScalar, visit, type Document } from 'yaml';
import type { ReadContext } from './readContext';
import { quote } from './describe';

/** True when the document is too broken to read further. */
export function reportYamlProblems(ctx: ReadContext, doc: Document.Parsed): boolean {
  for (const warning of doc.warnings) ctx.warn(warning.pos[0], `YAML: ${firstLine(warning.message)}`);
  let broken = false;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      const key = keyTextAt(doc, error.pos[0]);
      const what = key === undefined ? 'duplicate key' : `duplicate key ${quote(key)}`;
      ctx.error(error.pos[0], `${what}; each key may appear only once in a mapping`);
    } else {
      broken = true;
      ctx.error(error.pos[0], `YAML syntax error: ${firstLine(error.message)}`);
    }
  }
  return broken;
}

/** The text of the scalar key that starts at `offset`, if there is one. */
function keyTextAt(doc: Document.Parsed, offset: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
