// .env text -> lines, with enough offsets to rewrite the file. Assignments are found with
// dotenv's own line pattern (dotenv 17 `LINE`, with capture groups added), so a key and its
// value span here are exactly what dotenv.parse reads, quirks included: single, double and
// back quotes may span lines, `#` starts a comment in unquoted values, `KEY: value` works.

export type EnvQuote = 'none' | 'single' | 'double' | 'backtick';

interface LineSpan {
  /** Offset of the line's first character. */
  readonly start: number;
  /** Offset just past the line's last character, before its line break. */
  readonly end: number;
  /** The line break that follows ('' at the end of the text). */
  readonly newline: string;
  /** 1-based number of the (first) line. */
  readonly lineNumber: number;
}

export interface EnvAssignment {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** `export KEY=…` */
  readonly exported: boolean;
  readonly separator: '=' | ':';
  readonly quote: EnvQuote;
  /**
   * The span a rewrite replaces: the value as written, quotes included, surrounding blanks
   * excluded. Empty (start === end) for an empty value, placed where a value would go.
   */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** The value as dotenv.parse returns it. */
  readonly value: string;
  /** `# …` after the value on its last line, if any. */
  readonly inlineComment: string | undefined;
}

export type EnvLine =
  | (LineSpan & { readonly kind: 'blank' })
  | (LineSpan & { readonly kind: 'comment'; readonly comment: string })
  /** Text dotenv ignores (no `KEY=`). */
  | (LineSpan & { readonly kind: 'other' })
  /** May cover several lines (a multiline quoted value); `end`/`newline` are the last line's. */
  | (LineSpan & { readonly kind: 'assignment' } & EnvAssignment);

// dotenv's LINE with groups: 1 leading blanks, 2 export, 3 key, 4 separator, 5 raw value.
const ASSIGNMENT =
  /^(\s*)(export\s+)?([\w.-]+)(\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?$/gm;

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;
const QUOTES: Record<string, EnvQuote> = { "'": 'single', '"': 'double', '`': 'backtick' };

export function parseEnvLines(text: string): EnvLine[] {
  const physical = splitLines(text);
  const assignments = findAssignments(text);
  const lines: EnvLine[] = [];
  let lineIndex = 0;
  for (const assignment of assignments) {
    const first = lineIndexOf(physical, assignment.keyStart, lineIndex);
    const lastOffset = Math.max(assignment.valueEnd, assignment.sepEnd) - 1;
    const last = lineIndexOf(physical, lastOffset, first);
    for (; lineIndex < first; lineIndex++) lines.push(classify(text, physical[lineIndex] as LineSpan));
    const firstLine = physical[first] as LineSpan;
    const lastLine = physical[last] as LineSpan;
    const after = text.slice(Math.max(assignment.valueEnd, assignment.sepEnd), lastLine.end);
    const comment = /^\s*(#.*)$/s.exec(after)?.[1];
    const { sepEnd: _sepEnd, ...fields } = assignment;
    lines.push({
      kind: 'assignment',
      start: firstLine.start,
      end: lastLine.end,
      newline: lastLine.newline,
      lineNumber: firstLine.lineNumber,
      ...fields,
      inlineComment: comment,
    });
    lineIndex = last + 1;
  }
  for (; lineIndex < physical.length; lineIndex++) lines.push(classify(text, physical[lineIndex] as LineSpan));
  return lines;
}

interface FoundAssignment extends Omit<EnvAssignment, 'inlineComment'> {
  readonly sepEnd: number;
}

function findAssignments(text: string): FoundAssignment[] {
  const found: FoundAssignment[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match !== null; match = ASSIGNMENT.exec(text)) {
    // Groups 1-5 are adjacent in the pattern, so their offsets follow from their lengths.
    const [, blanks = '', exported, key = '', sep = '', raw = ''] = match;
    const keyStart = match.index + blanks.length + (exported?.length ?? 0);
    const keyEnd = keyStart + key.length;
    const sepSpan: [number, number] = [keyEnd, keyEnd + sep.length];
    const rawStart = sepSpan[1];
    const separator = sep.includes('=') ? '=' : ':';
    const leading = /^\s*/.exec(raw)?.[0] ?? '';
    const trimmed = raw.trim();
    const trimmedStart = rawStart + leading.length;
    // A value that starts on a later line is replaced together with the line break before it.
    const valueStart = trimmed === '' ? emptyValueStart(text, sepSpan) : /[\n\r\u2028\u2029]/.test(leading) ? sepSpan[1] : trimmedStart;
    const valueEnd = trimmed === '' ? valueStart : trimmedStart + trimmed.length;
    found.push({
      key,
      keyStart,
      keyEnd,
      exported: exported !== undefined,
      separator,
      quote: quoteOf(trimmed),
      valueStart,
      valueEnd,
      value: decodeValue(raw),
      sepEnd: sepSpan[1],
    });
  }
  return found;
}

/** Right after `=`, or after `: ` — but never past a line break. */
function emptyValueStart(text: string, sepSpan: [number, number]): number {
  const [start, end] = sepSpan;
  const mark = text.slice(start, end).search(/[=:]/) + start + 1;
  const rest = text.slice(mark, end);
  return /[\n\r\u2028\u2029]/.test(rest) ? mark : end;
}

function quoteOf(trimmed: string): EnvQuote {
  const first = trimmed[0];
  if (trimmed.length < 2 || first === undefined || trimmed[trimmed.length - 1] !== first) return 'none';
  return QUOTES[first] ?? 'none';
}

/** dotenv.parse's decoding of a raw value, step for step. */
function decodeValue(raw: string): string {
  let value = raw.replace(/\r\n?/g, '\n').trim();
  const maybeQuote = value[0];
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (maybeQuote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return value;
}

function splitLines(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match !== null; match = LINE_BREAK.exec(text)) {
    lines.push({ start, end: match.index, newline: match[0], lineNumber: lines.length + 1 });
    start = match.index + match[0].length;
  }
  if (start < text.length || lines.length === 0) {
    lines.push({ start, end: text.length, newline: '', lineNumber: lines.length + 1 });
  }
  return lines;
}

/** Index of the line holding `offset` (its line break counts as part of it), from `from` on. */
function lineIndexOf(lines: readonly LineSpan[], offset: number, from: number): number {
  for (let index = Math.max(0, from); index < lines.length; index++) {
    const line = lines[index] as LineSpan;
    if (offset < line.end + line.newline.length) return index;
  }
  return lines.length - 1;
}

function classify(text: string, line: LineSpan): EnvLine {
  const content = text.slice(line.start, line.end);
  if (content.trim() === '') return { ...line, kind: 'blank' };
  const comment = /^\s*#(.*)$/s.exec(content);
  if (comment) return { ...line, kind: 'comment', comment: (comment[1] ?? '').trim() };
  return { ...line, kind: 'other' };
}
