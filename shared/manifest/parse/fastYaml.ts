// A fast reader for the plain subset of YAML that latch.yaml files are written in: block
// mappings and sequences, one-line flow collections, plain and simple quoted scalars,
// comments. It builds the same nodes (values and ranges) as yaml's parseDocument, about ten
// times faster. Anything outside the subset — anchors, tags, block scalars, escapes,
// multi-line scalars or flow collections, duplicate keys, tabs, CR not before LF, anything
// yaml would warn or fail about — returns undefined, and the caller uses yaml itself.

import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

class OutsideSubset extends Error {}

const UNSUPPORTED = /\r(?!\n)|[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]/;
const KEY = /[A-Za-z0-9_][A-Za-z0-9_./-]*/y;
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
// Other numbers of the YAML 1.2 core schema: left to yaml.
const OTHER_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Characters a plain scalar may not start with (`-`, `?`, `:` only when a blank follows). */
const INDICATOR_START = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?:[ ,[\]{}]|$))/;

export function parseYamlSubset(text: string): { root: Node; lineStarts: number[] } | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  try {
    return new SubsetReader(text).read();
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

function outside(): never {
  throw new OutsideSubset();
}

class SubsetReader {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Indent of each line; -1 for blank and comment-only lines. */
  private readonly indents: number[] = [];
  private line = 0;

  constructor(private readonly text: string) {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline > start && text[newline - 1] === '\r' ? newline - 1 : newline;
      this.starts.push(start);
      this.ends.push(end);
      let at = start;
      while (at < end && text.charCodeAt(at) === 32) at++;
      const significant = at < end && text[at] !== '#';
      this.indents.push(significant ? at - start : -1);
      if (significant && at === start && /^(?:---|\.\.\.)(?: |$)|^%/.test(text.slice(start, start + 4))) outside();
      if (newline === -1) break;
      start = newline + 1;
    }
  }

  read(): { root: Node; lineStarts: number[] } {
    this.skipBlankLines();
    if (this.line >= this.indents.length || this.indents[this.line] !== 0) outside();
    const root = this.blockNode(0);
    this.skipBlankLines();
    if (this.line < this.indents.length) outside();
    return { root, lineStarts: this.starts };
  }

  private skipBlankLines(): void {
    while (this.line < this.indents.length && this.indents[this.line] === -1) this.line++;
  }

  private indentOf(line: number): number {
    return this.indents[line] ?? -1;
  }

  private lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  private lineEnd(line: number): number {
    return this.ends[line] ?? this.text.length;
  }

  private isSequenceLine(line: number): boolean {
    const at = this.lineStart(line) + this.indentOf(line);
    return this.text[at] === '-' && (at + 1 === this.lineEnd(line) || this.text[at + 1] === ' ');
  }

  /** The block collection whose first line is the current line, at `indent`. */
  private blockNode(indent: number): Node {
    return this.isSequenceLine(this.line) ? this.blockSequence(indent) : this.blockMapping(indent);
  }

  private blockMapping(indent: number): YAMLMap {
    const map = new YAMLMap();
    const seen = new Set<string>();
    let first = -1;
    for (;;) {
      this.skipBlankLines();
      if (this.line >= this.indents.length || this.indentOf(this.line) < indent) break;
      if (this.indentOf(this.line) > indent || this.isSequenceLine(this.line)) outside();
      const end = this.lineEnd(this.line);
      const keyStart = this.lineStart(this.line) + indent;
      KEY.lastIndex = keyStart;
      const keyMatch = KEY.exec(this.text);
      if (!keyMatch) outside();
      const colon = keyStart + keyMatch[0].length;
      if (this.text[colon] !== ':' || (colon + 1 < end && this.text[colon + 1] !== ' ')) outside();
      const key = this.plainScalar(keyMatch[0], keyStart, colon);
      const identity = `${typeof key.value}:${String(key.value)}`;
      if (seen.has(identity)) outside();
      seen.add(identity);
      if (first === -1) first = keyStart;
      const valueAt = this.skipSpaces(colon + 1, end);
      let value: Node;
      if (valueAt === end || this.text[valueAt] === '#') {
        this.line++;
        value = this.nestedOrNull(indent, valueAt);
      } else {
        const [node, after] = this.inlineValue(valueAt, end, false);
        this.expectLineEnd(after, end);
        this.line++;
        this.forbidContinuation(indent);
        value = node;
      }
      map.items.push(new Pair(key, value));
    }
    map.range = [first, first, first];
    return map;
  }

  private blockSequence(indent: number): YAMLSeq {
    const seq = new YAMLSeq();
    let first = -1;
    for (;;) {
      this.skipBlankLines();
      if (this.line >= this.indents.length || this.indentOf(this.line) !== indent || !this.isSequenceLine(this.line)) {
        if (this.line < this.indents.length && this.indentOf(this.line) > indent) outside();
        break;
      }
      const end = this.lineEnd(this.line);
      const dash = this.lineStart(this.line) + indent;
      if (first === -1) first = dash;
      const itemAt = this.skipSpaces(dash + 1, end);
      if (itemAt === end || this.text[itemAt] === '#') outside();
      const [item, after] = this.inlineValue(itemAt, end, false);
      this.expectLineEnd(after, end);
      this.line++;
      this.forbidContinuation(indent);
      seq.items.push(item);
    }
    seq.range = [first, first, first];
    return seq;
  }

  /** After `key:` with nothing else on the line: a nested block, or null. */
  private nestedOrNull(indent: number, nullAt: number): Node {
    this.skipBlankLines();
    if (this.line < this.indents.length) {
      const next = this.indentOf(this.line);
      if (next > indent || (next === indent && this.isSequenceLine(this.line))) return this.blockNode(next);
    }
    return scalar(null, nullAt, nullAt);
  }

  /** A line more indented than its mapping or sequence would continue a scalar: not ours. */
  private forbidContinuation(indent: number): void {
    this.skipBlankLines();
    if (this.line < this.indents.length && this.indentOf(this.line) > indent) outside();
  }

  private skipSpaces(at: number, end: number): number {
    while (at < end && this.text.charCodeAt(at) === 32) at++;
    return at;
  }

  /** Only blanks and a comment may follow a value on its line. */
  private expectLineEnd(at: number, end: number): void {
    const rest = this.skipSpaces(at, end);
    if (rest === end) return;
    if (this.text[rest] === '#' && rest > at) return;
    outside();
  }

  private inlineValue(at: number, end: number, flow: boolean): [Node, number] {
    const char = this.text[at];
    if (char === '{') return this.flowMapping(at, end);
    if (char === '[') return this.flowSequence(at, end);
    if (char === '"' || char === "'") return this.quotedScalar(at, end);
    return this.plainValue(at, end, flow);
  }

  private plainValue(at: number, end: number, flow: boolean): [Scalar, number] {
    if (INDICATOR_START.test(this.text.slice(at, Math.min(at + 2, end)))) outside();
    let stop = at;
    while (stop < end) {
      const char = this.text[stop];
      if (char === '#' && this.text[stop - 1] === ' ') break;
      if (char === ':' && (stop + 1 === end || this.text[stop + 1] === ' ' || (flow && /[,[\]{}]/.test(this.text[stop + 1] ?? '')))) outside();
      if (flow && (char === ',' || char === ']' || char === '}')) break;
      if (flow && (char === '[' || char === '{')) outside();
      stop++;
    }
    let valueEnd = stop;
    while (valueEnd > at && this.text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
    if (valueEnd === at) outside();
    const source = this.text.slice(at, valueEnd);
    return [this.plainScalar(source, at, valueEnd), valueEnd];
  }

  private plainScalar(source: string, start: number, end: number): Scalar {
    if (NULL.test(source)) return scalar(null, start, end);
    if (TRUE.test(source)) return scalar(true, start, end);
    if (FALSE.test(source)) return scalar(false, start, end);
    if (INT.test(source)) return scalar(parseInt(source, 10), start, end);
    if (OTHER_NUMBER.test(source)) outside();
    return scalar(source, start, end);
  }

  private quotedScalar(at: number, end: number): [Scalar, number] {
    const quote = this.text[at];
    let value = '';
    let from = at + 1;
    for (;;) {
      const close = this.text.indexOf(quote ?? '', from);
      if (close === -1 || close >= end) outside();
      const part = this.text.slice(from, close);
      if (quote === '"' && part.includes('\\')) outside();
      if (quote === "'" && this.text[close + 1] === "'") {
        value += `${part}'`;
        from = close + 2;
        continue;
      }
      value += part;
      return [scalar(value, at, close + 1), close + 1];
    }
  }

  private flowMapping(open: number, end: number): [YAMLMap, number] {
    const map = new YAMLMap();
    map.flow = true;
    const seen = new Set<string>();
    let at = this.skipSpaces(open + 1, end);
    if (this.text[at] === '}') return [withRange(map, open, at + 1), at + 1];
    for (;;) {
      KEY.lastIndex = at;
      const keyMatch = KEY.exec(this.text);
      if (!keyMatch) outside();
      const colon = at + keyMatch[0].length;
      if (this.text[colon] !== ':' || this.text[colon + 1] !== ' ') outside();
      const key = this.plainScalar(keyMatch[0], at, colon);
      const identity = `${typeof key.value}:${String(key.value)}`;
      if (seen.has(identity)) outside();
      seen.add(identity);
      const valueAt = this.skipSpaces(colon + 1, end);
      if (valueAt >= end || /[,}\]#]/.test(this.text[valueAt] ?? '')) outside();
      const [value, after] = this.inlineValue(valueAt, end, true);
      map.items.push(new Pair(key, value));
      at = this.skipSpaces(after, end);
      if (this.text[at] === '}' && at < end) return [withRange(map, open, at + 1), at + 1];
      if (this.text[at] !== ',' || at >= end) outside();
      at = this.skipSpaces(at + 1, end);
      if (at >= end || this.text[at] === '}') outside();
    }
  }

  private flowSequence(open: number, end: number): [YAMLSeq, number] {
    const seq = new YAMLSeq();
    seq.flow = true;
    let at = this.skipSpaces(open + 1, end);
    if (this.text[at] === ']') return [withRange(seq, open, at + 1), at + 1];
    for (;;) {
      if (at >= end || /[,}\]#]/.test(this.text[at] ?? '')) outside();
      const [item, after] = this.inlineValue(at, end, true);
      seq.items.push(item);
      at = this.skipSpaces(after, end);
      if (this.text[at] === ']' && at < end) return [withRange(seq, open, at + 1), at + 1];
      if (this.text[at] !== ',' || at >= end) outside();
      at = this.skipSpaces(at + 1, end);
      if (at >= end || this.text[at] === ']') outside();
    }
  }
}

function scalar(value: unknown, start: number, end: number): Scalar {
  const node = new Scalar(value);
  node.range = [start, end, end];
  return node;
}

function withRange<T extends YAMLMap | YAMLSeq>(node: T, start: number, end: number): T {
  node.range = [start, end, end];
  return node;
}
