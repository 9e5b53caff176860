// The hot loop of the masker: runs the automaton over bytes that cannot complete or
// deepen a match. Kept apart, monomorphic per table kind, so the JIT compiles it tight.

import { PLAIN_EXIT_I32, PLAIN_EXIT_U16, type MaskAutomaton } from './automaton';

/** Where a scan stands: next byte to read, automaton state before it. */
export interface ScanCursor {
  position: number;
  state: number;
}

function skipPlain16(entries: Uint16Array, classOf: Uint16Array, width: number, buf: Uint8Array, end: number, cursor: ScanCursor): void {
  let row = cursor.state * width;
  let i = cursor.position;
  for (; i < end; i++) {
    const next = entries[row + (classOf[buf[i] as number] as number)] as number;
    if (next === PLAIN_EXIT_U16) break;
    row = next;
  }
  cursor.position = i;
  cursor.state = row / width;
}

function skipPlain32(entries: Int32Array, classOf: Uint16Array, width: number, buf: Uint8Array, end: number, cursor: ScanCursor): void {
  let row = cursor.state * width;
  let i = cursor.position;
  for (; i < end; i++) {
    const next = entries[row + (classOf[buf[i] as number] as number)] as number;
    if (next === PLAIN_EXIT_I32) break;
    row = next;
  }
  cursor.position = i;
  cursor.state = row / width;
}

/**
 * Advances `cursor` while the automaton stays among plain states (shallow, ending no
 * pattern); stops before the first byte that leads out of them, or at `end`.
 * `cursor.state` must be a plain state.
 */
export function skipPlainBytes(a: MaskAutomaton, buf: Uint8Array, end: number, cursor: ScanCursor): void {
  const t = a.plainTable;
  if (t.kind === 'u16') skipPlain16(t.entries, t.classOf, t.width, buf, end, cursor);
  else skipPlain32(t.entries, t.classOf, t.width, buf, end, cursor);
}
