// Where an emitted chunk may end: never inside an escape sequence, never inside a UTF-8
// character. Both only ever move a cut earlier.

import { ESC, INCOMPLETE, MAX_CONTROL_SEQUENCE_BYTES, escapeSequenceEnd } from './escapes';

/**
 * The latest position <= `cut` that is not inside an escape sequence of `buf[0, end)`.
 * `buf` must start outside any sequence. A sequence still open at `end` is held whole
 * unless it is already `maxEscapeBytes` long.
 *
 * Only the last `maxEscapeBytes` (at least a control sequence's worth) before `cut` are
 * looked at: a sequence that began earlier and still runs past `cut` is too long to hold
 * anyway. Starting there may land inside an OSC/DCS payload, but those contain no ESC
 * except their ST terminator, which parses as a 2-byte sequence of its own.
 */
export function escapeSafeCut(buf: Uint8Array, cut: number, end: number, maxEscapeBytes: number): number {
  let from = Math.max(0, cut - Math.max(maxEscapeBytes, MAX_CONTROL_SEQUENCE_BYTES));
  for (;;) {
    const esc = buf.indexOf(ESC, from);
    if (esc < 0 || esc >= cut) return cut;
    const sequenceEnd = escapeSequenceEnd(buf, esc, end, maxEscapeBytes);
    if (sequenceEnd === INCOMPLETE || sequenceEnd > cut) return esc;
    from = sequenceEnd;
  }
}

function utf8SequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/**
 * The latest position <= `cut` that does not split a UTF-8 character: a lead byte whose
 * continuation bytes run past `cut` (or are still to come, when `cut` is `end`) is held.
 * Bytes that are not valid UTF-8 are cut anywhere.
 */
export function utf8SafeCut(buf: Uint8Array, cut: number, end: number): number {
  for (let k = 1; k <= 3 && cut - k >= 0; k++) {
    const b = buf[cut - k] as number;
    if ((b & 0xc0) === 0x80) continue;
    const splits = utf8SequenceLength(b) > k && (cut === end || ((buf[cut] as number) & 0xc0) === 0x80);
    return splits ? cut - k : cut;
  }
  return cut;
}

export function safeCut(buf: Uint8Array, cut: number, end: number, maxEscapeBytes: number): number {
  return utf8SafeCut(buf, escapeSafeCut(buf, cut, end, maxEscapeBytes), end);
}
