// latch.yaml text -> a checked Template, or every problem found, each located. Never throws.
// Plain files are read by the fast subset reader; anything else by the yaml library.

import { LineCounter, parseDocument } from 'yaml';
import { checkYamlNesting } from '../../policy/yaml-limits';
import { createReadContext, type ReadContext } from './readContext';
import { parseYamlSubset } from './fastYaml';
import { reportYamlProblems } from './reportYamlProblems';
import { readTemplate } from './readTemplate';
import { templateError, type TemplateError, type TemplateWarning } from './templateError';
import type { Template } from '../model/schema';

export interface ParseTemplateOptions {
  /** Ids of the built-in stub shapes (the stub catalogue); `shape:` strings must be one of them. */
  readonly knownShapeIds: readonly string[];
}

export type ParseTemplateResult =
  | { readonly ok: true; readonly template: Template; readonly warnings: readonly TemplateWarning[] }
  | { readonly ok: false; readonly errors: readonly TemplateError[]; readonly warnings: readonly TemplateWarning[] };

export function parseTemplate(text: string, fileName: string, options: ParseTemplateOptions): ParseTemplateResult {
  try {
    return parseTemplateText(text, fileName, options, true);
  } catch {
    const message = 'internal error while reading the template; please report it';
    return { ok: false, errors: [templateError(fileName, 1, 1, message)], warnings: [] };
  }
}

/** `fast`: try the fast subset reader first (tests compare both ways). */
export function parseTemplateText(
  text: string,
  fileName: string,
  options: ParseTemplateOptions,
  fast: boolean,
): ParseTemplateResult {
  // YAML readers run out of memory or stack on pathological nesting: refuse it first, located.
  const tooDeep = checkYamlNesting(text, 'a template');
  if (tooDeep) {
    const pos = new LineCounter();
    pos.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) pos.addNewLine(i + 1);
    const { line, col } = pos.linePos(tooDeep.offset);
    return { ok: false, errors: [templateError(fileName, line, col, tooDeep.message)], warnings: [] };
  }
  const subset = fast ? parseYamlSubset(text) : undefined;
  if (subset) {
    const lines = new LineCounter();
    lines.lineStarts = subset.lineStarts;
    const ctx = createReadContext(undefined, fileName, lines.linePos, options.knownShapeIds);
    return outcome(ctx, readTemplate(ctx, subset.root));
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const ctx = createReadContext(doc, fileName, lineCounter.linePos, options.knownShapeIds);
  if (reportYamlProblems(ctx, doc)) return outcome(ctx, undefined);
  return outcome(ctx, readTemplate(ctx, ctx.resolve(doc.contents)));
}

function outcome(ctx: ReadContext, template: Template | undefined): ParseTemplateResult {
  if (template !== undefined && ctx.errors.length === 0) return { ok: true, template, warnings: ctx.warnings };
  const errors = [...ctx.errors].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors, warnings: ctx.warnings };
}
