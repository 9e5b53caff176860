// Problems as compilers print them: one `FILE:LINE:COL: message` per line.

import type { PolicyProblem } from './hub-policy-types';

export function formatProblems(file: string, problems: readonly PolicyProblem[]): string {
  return problems.map((problem) => `${file}:${problem.line}:${problem.column}: ${problem.message}`).join('\n');
}
