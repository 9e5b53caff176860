// PEM-style armour (RFC 7468 "strict" form): BEGIN line, base64 body wrapped at a
// fixed width, END line, '\n' line breaks, no trailing newline (env values are
// usually trimmed; callers that write files add one).

import { base64Codes, codesToString, fromBase64 } from './bytes';

export function pemEncode(label: string, body: Uint8Array, lineWidth = 64): string {
  const base64 = base64Codes(body);
  const lineCount = Math.ceil(base64.length / lineWidth);
  const wrapped = new Uint8Array(base64.length + lineCount);
  let at = 0;
  for (let i = 0; i < base64.length; i += lineWidth) {
    const line = base64.subarray(i, Math.min(i + lineWidth, base64.length));
    wrapped.set(line, at);
    at += line.length;
    wrapped[at++] = 0x0a;
  }
  return `-----BEGIN ${label}-----\n${codesToString(wrapped)}-----END ${label}-----`;
}

/**
 * The body of a strictly formatted armoured block with this label: every base64 line
 * exactly `lineWidth` long except a shorter, non-empty last one. Undefined otherwise.
 */
export function pemDecode(text: string, label: string, lineWidth = 64): Uint8Array | undefined {
  const lines = text.split('\n');
  if (lines.length < 3) return undefined;
  if (lines[0] !== `-----BEGIN ${label}-----` || lines[lines.length - 1] !== `-----END ${label}-----`) {
    return undefined;
  }
  const bodyLines = lines.slice(1, -1);
  for (let i = 0; i < bodyLines.length; i++) {
    const line = bodyLines[i] as string;
    const isLast = i === bodyLines.length - 1;
    if (isLast ? line.length === 0 || line.length > lineWidth : line.length !== lineWidth) return undefined;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(line)) return undefined;
  }
  const joined = bodyLines.join('');
  if (joined.length % 4 !== 0) return undefined;
  return fromBase64(joined);
}

/**
 * An anchored RegExp for a strictly formatted armoured block: full `lineWidth` lines,
 * then a last line of 1 to `lineWidth` characters where '=' may only close it.
 */
export function armourPattern(label: string, lineWidth = 64): RegExp {
  const body =
    `(?:[A-Za-z0-9+/]{${lineWidth}}\\n)*` +
    `(?=[A-Za-z0-9+/=]{1,${lineWidth}}\\n)[A-Za-z0-9+/]*={0,2}\\n`;
  return new RegExp(`^-----BEGIN ${label}-----\\n${body}-----END ${label}-----$`);
}
