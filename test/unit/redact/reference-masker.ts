// A deliberately naive masker with the same semantics as shared/redact, to compare
// against: every occurrence of every pattern found by brute force over the whole input,
// overlapping occurrences merged into one span named after the longest pattern (leftmost
// on ties), escape sequences skipped by the matcher and written after the marker.

import { ESC, INCOMPLETE, invisibleEscapeEnd } from '../../../shared/redact/escapes';
import { collectPatterns } from '../../../shared/redact/patterns';
import type { MaskedSecret, MaskerOptions } from '../../../shared/redact/index';
import { concatBytes, utf8 } from './bytes';

interface Span {
  start: number;
  end: number;
  length: number;
  secret: number;
}

export function markerFor(name: string): Uint8Array {
  return utf8(`<concealed:${name}>`);
}

export function referenceMask(input: Uint8Array, secrets: ReadonlyArray<MaskedSecret>, options?: MaskerOptions): Uint8Array {
  const set = collectPatterns(secrets, options);
  const skipEscapes = options?.throughEscapes !== false && !set.containsEscape;

  const visible: number[] = [];
  const position: number[] = [];
  const escapes: Array<[number, number]> = [];
  for (let i = 0; i < input.length; ) {
    if (skipEscapes && input[i] === ESC) {
      const end = invisibleEscapeEnd(input, i, input.length);
      if (end !== INCOMPLETE && end > i) {
        escapes.push([i, end]);
        i = end;
        continue;
      }
    }
    visible.push(input[i] as number);
    position.push(i);
    i++;
  }

  const matches: Span[] = [];
  for (const pattern of set.patterns) {
    const p = pattern.bytes;
    for (let v = 0; v + p.length <= visible.length; v++) {
      let equal = true;
      for (let k = 0; k < p.length && equal; k++) equal = visible[v + k] === p[k];
      if (equal) {
        matches.push({
          start: position[v] as number,
          end: (position[v + p.length - 1] as number) + 1,
          length: p.length,
          secret: pattern.secretIndex,
        });
      }
    }
  }
  matches.sort((a, b) => a.start - b.start || a.end - b.end);

  const spans: Span[] = [];
  for (const m of matches) {
    const last = spans[spans.length - 1];
    if (last !== undefined && m.start < last.end) {
      last.end = Math.max(last.end, m.end);
      if (m.length > last.length) {
        last.length = m.length;
        last.secret = m.secret;
      }
    } else {
      spans.push({ ...m });
    }
  }

  const parts: Uint8Array[] = [];
  let cursor = 0;
  for (const span of spans) {
    parts.push(input.subarray(cursor, span.start), markerFor((secrets[span.secret] as MaskedSecret).name));
    for (const [s, e] of escapes) if (s >= span.start && e <= span.end) parts.push(input.subarray(s, e));
    cursor = span.end;
  }
  parts.push(input.subarray(cursor));
  return concatBytes(parts);
}
