// PyPI API tokens are "pypi-" + base64url (unpadded) of a v2 binary macaroon whose
// location is "pypi.org" (hence the fixed start "pypi-AgEIcHlwaS5vcmc"). Binary v2
// layout (libmacaroons): version byte 2, then fields [type varint][length varint][data]:
// location (1), identifier (2), EOS (0); per caveat identifier (2) + EOS; EOS; then
// signature (6, 32 bytes).

import { asciiBytes, fromBase64, toBase64Url } from '../encoding/bytes';
import { embedBase64Marker } from '../marker';
import type { StubRandom } from '../random';
import { uuidV4 } from './build';

const FIELD_EOS = 0;
const FIELD_LOCATION = 1;
const FIELD_IDENTIFIER = 2;
const FIELD_SIGNATURE = 6;
const LOCATION = 'pypi.org';
/** The legacy user-scoped caveat PyPI issued for "entire account" tokens. */
const USER_CAVEAT = '{"version": 1, "permissions": "user"}';

export const PYPI_TOKEN_PREFIX = 'pypi-';

function field(type: number, data: Uint8Array): number[] {
  // Every field here is shorter than 128 bytes, so the varint length is one byte.
  return [type, data.length, ...data];
}

/** A structurally valid PyPI token with a random id and signature (never valid at PyPI). */
export function generatePypiToken(random: StubRandom): string {
  const head = [
    2,
    ...field(FIELD_LOCATION, asciiBytes(LOCATION)),
    ...field(FIELD_IDENTIFIER, asciiBytes(uuidV4(random))),
    FIELD_EOS,
    ...field(FIELD_IDENTIFIER, asciiBytes(USER_CAVEAT)),
    FIELD_EOS,
    FIELD_EOS,
    FIELD_SIGNATURE,
    32,
  ];
  const bytes = new Uint8Array(head.length + 32);
  bytes.set(head);
  bytes.set(random.bytes(32), head.length);
  // The signature starts at a multiple of 3, so the base64 of its first 9 bytes reads
  // LATCHSTUBKEY.
  embedBase64Marker(bytes, Math.ceil(head.length / 3) * 3);
  return PYPI_TOKEN_PREFIX + toBase64Url(bytes);
}

interface Cursor {
  readonly bytes: Uint8Array;
  at: number;
}

function readVarint(cursor: Cursor): number | undefined {
  let value = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    const byte = cursor.bytes[cursor.at++];
    if (byte === undefined) return undefined;
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return value;
  }
  return undefined;
}

/** Reads one field; type 0 (EOS) has no length or data. */
function readField(cursor: Cursor): { type: number; data: Uint8Array } | undefined {
  const type = readVarint(cursor);
  if (type === undefined) return undefined;
  if (type === FIELD_EOS) return { type, data: new Uint8Array(0) };
  const length = readVarint(cursor);
  if (length === undefined || cursor.at + length > cursor.bytes.length) return undefined;
  const data = cursor.bytes.subarray(cursor.at, cursor.at + length);
  cursor.at += length;
  return { type, data };
}

/** True when the token decodes to a well-formed v2 macaroon located at pypi.org. */
export function isWellFormedPypiToken(value: string): boolean {
  if (!value.startsWith(PYPI_TOKEN_PREFIX)) return false;
  const bytes = fromBase64(value.slice(PYPI_TOKEN_PREFIX.length));
  if (bytes === undefined || bytes[0] !== 2) return false;
  const cursor: Cursor = { bytes, at: 1 };
  let next = readField(cursor);
  if (next?.type !== FIELD_LOCATION || String.fromCharCode(...next.data) !== LOCATION) return false;
  next = readField(cursor);
  if (next?.type !== FIELD_IDENTIFIER || next.data.length === 0) return false;
  if (readField(cursor)?.type !== FIELD_EOS) return false;
  // Caveats: each is fields up to an EOS; an EOS straight away ends the list.
  for (;;) {
    next = readField(cursor);
    if (next === undefined) return false;
    if (next.type === FIELD_EOS) break;
    while (next.type !== FIELD_EOS) {
      next = readField(cursor);
      if (next === undefined) return false;
    }
  }
  next = readField(cursor);
  return next?.type === FIELD_SIGNATURE && next.data.length === 32 && cursor.at === bytes.length;
}
