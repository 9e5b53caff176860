// A located problem in a template file. Messages name what was found and what was expected,
// and never carry a secret value.

export interface TemplateError {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units like editors count. */
  readonly column: number;
  readonly message: string;
  /** `FILE:LINE:COL: message` */
  format(): string;
}

/** Same shape as an error; the template is usable despite it. */
export type TemplateWarning = TemplateError;

export function templateError(file: string, line: number, column: number, message: string): TemplateError {
  const problem = { file, line, column, message };
  Object.defineProperty(problem, 'format', {
    value: () => `${file}:${line}:${column}: ${message}`,
    enumerable: false,
  });
  return problem as TemplateError;
}

export function formatTemplateErrors(problems: readonly TemplateError[]): string {
  return problems.map((problem) => problem.format()).join('\n');
}
