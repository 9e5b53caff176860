// hub-policy.yaml text -> a checked HubPolicy, or every problem found, each located at
// 1-based line and column. Never throws, whatever the input.

import { LineCounter, parseDocument, type Document } from 'yaml';
import type { PolicyParseResult } from './hub-policy-types';
import { createPolicyReader, type ParseHubPolicyOptions, type PolicyReader } from './policy-reader';
import { readPolicy } from './read-policy';
import { checkYamlLimits } from './yaml-limits';

export type { ParseHubPolicyOptions } from './policy-reader';

export function parseHubPolicy(text: string, options: ParseHubPolicyOptions = {}): PolicyParseResult {
  try {
    return parseText(text, options);
  } catch {
    return failure('internal error while reading the policy; please report it');
  }
}

function failure(message: string, line = 1, column = 1): PolicyParseResult {
  return { ok: false, problems: [{ line, column, message }] };
}

function parseText(text: unknown, options: ParseHubPolicyOptions): PolicyParseResult {
  if (typeof text !== 'string') return failure(`expected the policy as text; found ${text === null ? 'null' : typeof text}`);
  const limit = checkYamlLimits(text);
  if (limit) {
    const offset = limit.offset;
    let line = 1;
    let lineStart = 0;
    for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
      line++;
      lineStart = at + 1;
    }
    return failure(limit.message, line, offset - lineStart + 1);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
  const reader = createPolicyReader(doc, lineCounter.linePos, options);
  const policy = reportYamlProblems(reader, doc) ? undefined : readPolicy(reader, reader.resolve(doc.contents));
  const { problems, warnings } = reader.finish();
  if (policy === undefined || problems.length > 0) {
    return { ok: false, problems: problems.length > 0 ? problems : [{ line: 1, column: 1, message: 'the policy could not be read' }] };
  }
  return { ok: true, policy, warnings };
}

/** True when yaml could not read the document, so nothing further is checked. */
function reportYamlProblems(reader: PolicyReader, doc: Document.Parsed): boolean {
  for (const warning of doc.warnings) reader.warn(warning.pos[0], `YAML: ${firstLine(warning.message)}`);
  for (const error of doc.errors) {
    const message =
      error.code === 'MULTIPLE_DOCS'
        ? 'a policy is one YAML document; found more than one (remove the --- or ... line)'
        : `YAML syntax error: ${firstLine(error.message)}`;
    reader.error(error.pos[0], message);
  }
  return doc.errors.length > 0;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
