// The streaming masker. One Aho-Corasick pass over the stream finds every occurrence of
// every pattern; overlapping occurrences merge into one concealed span named after the
// longest pattern in it (so no byte of any overlapping value survives). A span is decided
// once no pattern still in progress could reach into it; output is emitted up to the
// earliest byte that may still belong to a match, moved back so that no chunk ends inside
// a UTF-8 character or an escape sequence. State carries over between pushes, so the
// result does not depend on how the stream was cut into chunks.
//
// Escapes: with `throughEscapes`, control sequences (CSI, nF, ...) are invisible to the
// matcher, so `AB\x1b[1mCD` still matches `ABCD`; the skipped sequences are written right
// after the marker. OSC/DCS payloads (titles, hyperlinks) are matched as text; the ESC
// starting them breaks a match like any ordinary byte.

import { buildAutomaton, nextState, type MaskAutomaton } from './automaton';
import { safeCut } from './boundaries';
import { ESC, INCOMPLETE, invisibleEscapeEnd } from './escapes';
import { HeldBytes } from './held-bytes';
import { collectPatterns, wholeNumberAtLeast } from './patterns';
import { skipPlainBytes, type ScanCursor } from './plain-scan';
import { buildSkipTable, skipAhead, type SkipTable } from './skip-table';
import type { MaskedSecret, MaskerOptions, OutputMasker } from './types';

const DEFAULT_MAX_HELD_ESCAPE_BYTES = 4096;

/**
 * How far past the longest pattern a chain of overlapping matches, or a match interrupted
 * by many escape sequences, may hold output back before it is cut short. Bounds what a
 * hostile program can make the masker hold.
 */
const HELD_SLACK_BYTES = 4096;

/** First piece of a chunk that `pushParts` joins to held bytes (it grows 4x per round). */
const SEAM_BYTES = 256;

/** Overlapping matches not decided yet. Positions are offsets into the pending buffer. */
interface OpenSpan {
  start: number;
  end: number;
  /** The longest pattern in the span names it. */
  patternLength: number;
  pattern: number;
}

/** A decided span, waiting to be emitted as its marker plus the escapes it contained. */
interface ConcealedSpan {
  readonly start: number;
  readonly end: number;
  readonly pattern: number;
  /** Skipped escape sequences inside the span, as [start, end) pairs. */
  readonly escapes: readonly number[];
}

function markerBytes(name: string): Uint8Array {
  // A name goes to a terminal: no control characters in it.
  const printable = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return new TextEncoder().encode(`<concealed:${printable}>`);
}

class StreamingMasker implements OutputMasker {
  private readonly automaton: MaskAutomaton;
  private readonly skip: SkipTable | null;
  private readonly markerOfPattern: readonly Uint8Array[];
  private readonly maxHeldEscapeBytes: number;
  private readonly maxHeldSpan: number;

  /** Bytes received but not emitted yet. */
  private readonly pending = new HeldBytes();
  /** How many bytes of `pending` the automaton has consumed. */
  private scanned = 0;
  private state = 0;
  private open: OpenSpan[] = [];
  private concealed: ConcealedSpan[] = [];
  /** End of the last decided span: later matches are clipped to start there. */
  private decidedEnd = 0;
  /** Skipped escape sequences that may lie inside a match, as [start, end) pairs. */
  private escapes: number[] = [];
  private readonly cursor: ScanCursor = { position: 0, state: 0 };

  constructor(secrets: ReadonlyArray<MaskedSecret>, options?: MaskerOptions) {
    const set = collectPatterns(secrets, options);
    const skipEscapes = options?.throughEscapes !== false && !set.containsEscape;
    const patternBytes = set.patterns.map((p) => p.bytes);
    this.automaton = buildAutomaton(patternBytes, skipEscapes);
    this.skip = buildSkipTable(patternBytes);
    const markers = secrets.map((s) => markerBytes(s.name));
    this.markerOfPattern = set.patterns.map((p) => markers[p.secretIndex] as Uint8Array);
    this.maxHeldEscapeBytes = wholeNumberAtLeast(2, options?.maxHeldEscapeBytes, DEFAULT_MAX_HELD_ESCAPE_BYTES);
    this.maxHeldSpan = set.longestPattern + HELD_SLACK_BYTES;
  }

  get heldBytes(): number {
    return this.pending.length;
  }

  push(chunk: Uint8Array): Uint8Array {
    const buf = this.pending.followedBy(chunk);
    this.scan(buf, false);
    return this.emit(buf, false, buf === chunk);
  }

  pushParts(chunk: Uint8Array): Uint8Array[] {
    // Held bytes go out joined with the start of `chunk`, a few hundred bytes first and
    // more each time something is still held at the end; once nothing is held, the rest
    // of `chunk` goes through as a view. The output does not depend on where it is cut.
    const parts: Uint8Array[] = [];
    let rest = chunk;
    for (let piece = SEAM_BYTES; this.pending.length > 0 && rest.length > 0; piece *= 4) {
      const out = this.push(rest.subarray(0, piece));
      if (out.length > 0) parts.push(out);
      rest = rest.subarray(piece);
    }
    if (rest.length > 0) {
      const out = this.push(rest);
      if (out.length > 0) parts.push(out);
    }
    return parts;
  }

  flush(): Uint8Array {
    const buf = this.pending.view();
    this.scan(buf, true);
    const out = this.emit(buf, true);
    this.state = 0;
    this.scanned = 0;
    this.decidedEnd = 0;
    this.open = [];
    this.concealed = [];
    this.escapes = [];
    return out;
  }

  private scan(buf: Uint8Array, final: boolean): void {
    const a = this.automaton;
    const cursor = this.cursor;
    const skip = this.skip;
    const end = buf.length;
    let s = this.state;
    let i = this.scanned;
    /** The next ESC at or after `i` (when escapes are skipped): windows must end before it. */
    let nextEscape = -1;
    while (i < end) {
      if (s < a.plainStates && this.open.length === 0) {
        let stop = end;
        if (skip !== null && this.escapes.length === 0) {
          // No pattern occurrence can start before `from` (s is the longest live prefix);
          // jump over the stretch where none can start either, then let the automaton
          // look at the candidate window.
          const from = i - (a.depth[s] as number);
          let limit = end;
          if (a.skipsEscapes) {
            if (nextEscape < i) nextEscape = indexOfOr(buf, ESC, i, end);
            limit = nextEscape;
          }
          if (from + skip.window <= limit) {
            const p = skipAhead(skip, buf, from, limit);
            if (p > i) {
              i = p;
              s = 0;
            }
            stop = Math.min(end, p + skip.window);
          }
        }
        cursor.position = i;
        cursor.state = s;
        skipPlainBytes(a, buf, stop, cursor);
        i = cursor.position;
        s = cursor.state;
        if (i >= end) break;
        if (i >= stop) continue;
      }
      const b = buf[i] as number;
      if (b === ESC && a.skipsEscapes) {
        const skipEnd = invisibleEscapeEnd(buf, i, end);
        if (skipEnd === INCOMPLETE && !final) break;
        if (skipEnd > i && this.skipEscape(s, i, skipEnd)) {
          i = skipEnd;
          continue;
        }
        s = 0; // an ordinary byte, in no pattern: it breaks any match
      } else {
        s = nextState(a, s, b);
      }
      i++;
      this.afterByte(s, i);
    }
    this.state = s;
    this.scanned = i;
    if (final) this.decideAll();
  }

  /** Records an escape sequence the matcher skips; false if it must break the match instead. */
  private skipEscape(s: number, at: number, skipEnd: number): boolean {
    const live = this.automaton.liveDepth[s] as number;
    if (live === 0 && this.open.length === 0) return true;
    let from = this.startOf(at, live);
    if (this.open.length > 0) from = Math.min(from, (this.open[0] as OpenSpan).start);
    if (skipEnd - from > this.maxHeldSpan) return false;
    if (this.escapes.length >= 64) this.dropEscapesBefore(from);
    this.escapes.push(at, skipEnd);
    return true;
  }

  private afterByte(s: number, i: number): void {
    const a = this.automaton;
    const length = a.matchLength[s] as number;
    if (length > 0) this.addMatch(this.startOf(i, length), i, length, a.matchPattern[s] as number);
    const live = a.liveDepth[s] as number;
    if (this.open.length > 0) {
      const liveStart = this.startOf(i, live);
      while (this.open.length > 0 && (this.open[0] as OpenSpan).end <= liveStart) {
        this.decide(this.open.shift() as OpenSpan);
      }
    }
    if (live === 0 && this.open.length === 0 && this.escapes.length > 0) this.escapes = [];
  }

  /** Position of the first of the last `count` visible (not skipped) bytes before `pos`. */
  private startOf(pos: number, count: number): number {
    const e = this.escapes;
    let cursor = pos;
    let remaining = count;
    for (let k = e.length - 2; k >= 0 && remaining > 0; k -= 2) {
      const spanEnd = e[k + 1] as number;
      if (spanEnd > cursor) continue;
      const visible = cursor - spanEnd;
      if (remaining <= visible) return cursor - remaining;
      remaining -= visible;
      cursor = e[k] as number;
    }
    return cursor - remaining;
  }

  private addMatch(matchStart: number, matchEnd: number, patternLength: number, pattern: number): void {
    const start = Math.max(matchStart, this.decidedEnd);
    if (start >= matchEnd) return;
    const open = this.open;
    let k = open.length;
    while (k > 0 && (open[k - 1] as OpenSpan).end > start) k--;
    if (k === open.length) {
      open.push({ start, end: matchEnd, patternLength, pattern });
      return;
    }
    const merged = open[k] as OpenSpan;
    if (matchEnd - Math.min(merged.start, start) > this.maxHeldSpan) {
      // An endless chain of overlapping matches: decide what we have, go on from there.
      this.decideAll();
      const clipped = Math.max(matchStart, this.decidedEnd);
      if (clipped < matchEnd) this.open.push({ start: clipped, end: matchEnd, patternLength, pattern });
      return;
    }
    // Spans after open[k] lie wholly inside the new match, so they are shorter than it:
    // only open[k] (which it may overlap in part) can have the longer pattern. On a tie
    // the earlier one, which starts first, keeps its name.
    if (patternLength > merged.patternLength) {
      merged.patternLength = patternLength;
      merged.pattern = pattern;
    }
    merged.start = Math.min(merged.start, start);
    merged.end = matchEnd;
    open.length = k + 1;
  }

  private decide(span: OpenSpan): void {
    const inside: number[] = [];
    const e = this.escapes;
    for (let k = 0; k < e.length; k += 2) {
      const escStart = e[k] as number;
      const escEnd = e[k + 1] as number;
      if (escStart >= span.start && escEnd <= span.end) inside.push(escStart, escEnd);
    }
    this.concealed.push({ start: span.start, end: span.end, pattern: span.pattern, escapes: inside });
    this.decidedEnd = span.end;
  }

  private decideAll(): void {
    for (const span of this.open) this.decide(span);
    this.open = [];
  }

  /** Forgets skipped escape sequences that end at or before `pos`. */
  private dropEscapesBefore(pos: number): void {
    const kept: number[] = [];
    const e = this.escapes;
    for (let k = 0; k < e.length; k += 2) {
      if ((e[k + 1] as number) > pos) kept.push(e[k] as number, e[k + 1] as number);
    }
    this.escapes = kept;
  }

  /** Where output may stop: before anything undecided, and not inside a character or escape. */
  private emitEnd(buf: Uint8Array): number {
    let cut = this.startOf(this.scanned, this.automaton.liveDepth[this.state] as number);
    if (this.open.length > 0) cut = Math.min(cut, (this.open[0] as OpenSpan).start);
    for (;;) {
      let next = safeCut(buf, cut, buf.length, this.maxHeldEscapeBytes);
      for (const span of this.concealed) {
        if (span.start < next && next < span.end) next = span.start;
      }
      if (next === cut) return cut;
      cut = next;
    }
  }

  /** `callerOwned`: `buf` is the caller's chunk, so an unchanged run of it may be returned as a view (no copy). */
  private emit(buf: Uint8Array, final: boolean, callerOwned = false): Uint8Array {
    const cut = final ? buf.length : this.emitEnd(buf);
    const parts: Uint8Array[] = [];
    let cursor = 0;
    let emitted = 0;
    for (const span of this.concealed) {
      if (span.end > cut) break;
      parts.push(buf.subarray(cursor, span.start), this.markerOfPattern[span.pattern] as Uint8Array);
      for (let k = 0; k < span.escapes.length; k += 2) {
        parts.push(buf.subarray(span.escapes[k] as number, span.escapes[k + 1] as number));
      }
      cursor = span.end;
      emitted++;
    }
    parts.push(buf.subarray(cursor, cut));

    const out = callerOwned && parts.length === 1 ? (parts[0] as Uint8Array) : joinParts(parts);
    this.rebase(cut, emitted);
    this.pending.keep(buf, cut);
    return out;
  }

  /** Drops the first `cut` bytes: every position kept becomes relative to the new pending start. */
  private rebase(cut: number, emittedSpans: number): void {
    if (cut === 0 && emittedSpans === 0) return;
    if (this.concealed.length > 0) {
      this.concealed = this.concealed.slice(emittedSpans).map((span) => ({
        start: span.start - cut,
        end: span.end - cut,
        pattern: span.pattern,
        escapes: span.escapes.map((p) => p - cut),
      }));
    }
    for (const span of this.open) {
      span.start -= cut;
      span.end -= cut;
    }
    if (this.escapes.length > 0) {
      this.dropEscapesBefore(cut);
      const e = this.escapes;
      for (let k = 0; k < e.length; k++) e[k] = (e[k] as number) - cut;
    }
    this.scanned -= cut;
    this.decidedEnd = Math.max(0, this.decidedEnd - cut);
  }
}

/** Index of `byte` in buf[from, end), or `end` if there is none. */
function indexOfOr(buf: Uint8Array, byte: number, from: number, end: number): number {
  const at = buf.indexOf(byte, from);
  return at < 0 || at > end ? end : at;
}

function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A masker for one output stream (one shell, one process). */
export function createMasker(secrets: ReadonlyArray<MaskedSecret>, options?: MaskerOptions): OutputMasker {
  return new StreamingMasker(secrets, options);
}
