// What every reader of the YAML tree shares: the document, the catalogue of shape ids, and
// the lists of located errors and warnings being collected.

import type { Document, Node } from 'yaml';
import { isAlias, isNode } from 'yaml';
import { templateError, type TemplateError, type TemplateWarning } from './templateError';

/** Where a problem is: a source offset, or a node (its start). */
export type Spot = number | Node | null | undefined;

export interface ReadContext {
  readonly knownShapeIds: ReadonlySet<string>;
  readonly errors: TemplateError[];
  readonly warnings: TemplateWarning[];
  error(spot: Spot, message: string): void;
  warn(spot: Spot, message: string): void;
  /** Follows aliases (`*name`) to the node they stand for. */
  resolve(node: unknown): Node | null;
}

export function offsetOf(spot: Spot): number {
  if (typeof spot === 'number') return spot;
  return spot?.range?.[0] ?? 0;
}

/** `doc` resolves aliases; the fast reader's trees have none. */
export function createReadContext(
  doc: Document.Parsed | undefined,
  file: string,
  linePos: (offset: number) => { line: number; col: number },
  knownShapeIds: readonly string[],
): ReadContext {
  const errors: TemplateError[] = [];
  const warnings: TemplateWarning[] = [];
  const seen = new Set<string>();
  const locate = (spot: Spot, message: string): TemplateError | undefined => {
    const { line, col } = linePos(offsetOf(spot));
    const problem = templateError(file, line, col, message);
    const identity = problem.format();
    if (seen.has(identity)) return undefined;
    seen.add(identity);
    return problem;
  };
  return {
    knownShapeIds: new Set(knownShapeIds),
    errors,
    warnings,
    error(spot, message) {
      const problem = locate(spot, message);
      if (problem) errors.push(problem);
    },
    warn(spot, message) {
      const problem = locate(spot, message);
      if (problem) warnings.push(problem);
    },
    resolve(node) {
      if (isAlias(node)) {
        if (!doc) return null;
        try {
          return node.resolve(doc) ?? null;
        } catch {
          return null;
        }
      }
      return isNode(node) ? node : null;
    },
  };
}
