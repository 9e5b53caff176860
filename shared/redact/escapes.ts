// ANSI / ECMA-48 escape sequences in 7-bit form, as terminals receive them:
//   CSI  ESC [ params(0x30-0x3F)* intermediates(0x20-0x2F)* final(0x40-0x7E)
//   OSC  ESC ] ... BEL | ESC \      DCS/SOS/PM/APC  ESC P|X|^|_ ... ST (BEL accepted too)
//   nF   ESC intermediates(0x20-0x2F)+ final(0x30-0x7E)     Fp/Fe/Fs  ESC 0x30-0x7E
// 8-bit C1 controls are not recognised: in UTF-8 output those bytes are continuation bytes.
// Parsing is lenient and bounded, and returns the same answer however the stream was cut.

export const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
const BACKSLASH = 0x5c;

/** Returned when the buffer ends before the sequence does. */
export const INCOMPLETE = -1;

/** Control sequences (CSI, nF) longer than this are malformed: cut off here. */
export const MAX_CONTROL_SEQUENCE_BYTES = 128;

function isStringIntroducer(byte: number): boolean {
  // ] OSC, P DCS, X SOS, ^ PM, _ APC
  return byte === 0x5d || byte === 0x50 || byte === 0x58 || byte === 0x5e || byte === 0x5f;
}

function controlSequenceEnd(buf: Uint8Array, at: number, end: number): number {
  const intro = buf[at + 1] as number;
  let j = intro === 0x5b ? at + 2 : at + 1; // after "ESC [", or at the first intermediate
  for (;;) {
    if (j - at >= MAX_CONTROL_SEQUENCE_BYTES) return j;
    if (j >= end) return INCOMPLETE;
    const c = buf[j] as number;
    if (intro === 0x5b) {
      if (c >= 0x20 && c <= 0x3f) j++;
      else return c >= 0x40 && c <= 0x7e ? j + 1 : j;
    } else if (c >= 0x20 && c <= 0x2f) {
      j++;
    } else {
      return c >= 0x30 && c <= 0x7e ? j + 1 : j;
    }
  }
}

function stringSequenceEnd(buf: Uint8Array, at: number, end: number, maxLength: number): number {
  let j = at + 2;
  for (;;) {
    if (j - at >= maxLength) return j;
    if (j >= end) return INCOMPLETE;
    const c = buf[j] as number;
    if (c === BEL || c === CAN || c === SUB) return j + 1;
    if (c === ESC) {
      if (j + 1 >= end) return INCOMPLETE;
      return buf[j + 1] === BACKSLASH ? j + 2 : j; // ST, or aborted by a new sequence
    }
    j++;
  }
}

/**
 * End (exclusive) of the whole escape sequence starting at `at` (where buf[at] is ESC),
 * string payloads included; INCOMPLETE if `end` comes first. A string sequence longer
 * than `maxLength` is treated as ending there. A lone or malformed ESC ends after itself.
 */
export function escapeSequenceEnd(buf: Uint8Array, at: number, end: number, maxLength: number): number {
  if (at + 1 >= end) return INCOMPLETE;
  const next = buf[at + 1] as number;
  if (isStringIntroducer(next)) return stringSequenceEnd(buf, at, end, Math.max(2, maxLength));
  if (next === 0x5b || (next >= 0x20 && next <= 0x2f)) return controlSequenceEnd(buf, at, end);
  if (next >= 0x30 && next <= 0x7e) return at + 2;
  return at + 1;
}

/**
 * How far the matcher may skip the escape at `at` as invisible: to the end of a control
 * sequence (CSI, nF, ESC x). For the start of a string sequence it returns `at` itself:
 * the ESC is then an ordinary byte that breaks a match, and the payload (an OSC title or
 * hyperlink, which may carry a value) is matched as text. INCOMPLETE if `end` comes first.
 */
export function invisibleEscapeEnd(buf: Uint8Array, at: number, end: number): number {
  if (at + 1 >= end) return INCOMPLETE;
  if (isStringIntroducer(buf[at + 1] as number)) return at;
  return escapeSequenceEnd(buf, at, end, MAX_CONTROL_SEQUENCE_BYTES);
}
