// OpenSSH private key, unencrypted Ed25519 (OpenSSH PROTOCOL.key):
//   "openssh-key-v1\0", string ciphername "none", string kdfname "none", string kdfoptions "",
//   uint32 1, string publickey, string private section
// where the private section is uint32 checkint ×2 (equal), string "ssh-ed25519",
// string pk(32), string sk(64 = seed || pk), string comment, then padding 1,2,3… to a
// multiple of 8. Armour: BEGIN/END OPENSSH PRIVATE KEY, base64 at 70 columns.
//
// Decision: the structure is exact, but pk is random rather than derived from the seed
// (Ed25519 scalar multiplication in pure JS is too slow for stub throughput), so it is
// not a usable key pair. Comment: latch_stub@latchstub.invalid.

import { asciiBytes, bytesToAscii } from '../encoding/bytes';
import { armourPattern, pemDecode, pemEncode } from '../encoding/pem';
import { embedBase64Marker, STUB_HOST_DOMAIN, STUB_USER } from '../marker';
import type { StubRandom } from '../random';
import { defineShape, type StubShape } from '../shape';

const LABEL = 'OPENSSH PRIVATE KEY';
const LINE_WIDTH = 70;
const MAGIC = 'openssh-key-v1\0';
const KEY_TYPE = 'ssh-ed25519';
const COMMENT = `${STUB_USER}@${STUB_HOST_DOMAIN}`;
const BLOCK_SIZE = 8;

class SshWriter {
  private readonly parts: number[] = [];

  raw(bytes: Uint8Array | string): this {
    for (const byte of typeof bytes === 'string' ? asciiBytes(bytes) : bytes) this.parts.push(byte);
    return this;
  }

  uint32(value: number): this {
    this.parts.push((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
    return this;
  }

  string(bytes: Uint8Array | string): this {
    const data = typeof bytes === 'string' ? asciiBytes(bytes) : bytes;
    return this.uint32(data.length).raw(data);
  }

  get length(): number {
    return this.parts.length;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

function generateOpenSshKey(random: StubRandom): string {
  const publicKey = random.bytes(32);
  const seed = random.bytes(32);
  const checkInt = random.bytes(4);
  const publicBlob = new SshWriter().string(KEY_TYPE).string(publicKey).toBytes();
  const secret = new Uint8Array(64);
  secret.set(seed);
  secret.set(publicKey, 32);
  const privateSection = new SshWriter()
    .raw(checkInt)
    .raw(checkInt)
    .string(KEY_TYPE)
    .string(publicKey)
    .string(secret)
    .string(COMMENT);
  for (let pad = 1; privateSection.length % BLOCK_SIZE !== 0; pad++) privateSection.raw(Uint8Array.of(pad));
  const body = new SshWriter()
    .raw(MAGIC)
    .string('none')
    .string('none')
    .string('')
    .uint32(1)
    .string(publicBlob)
    .string(privateSection.toBytes())
    .toBytes();
  // The public key inside the public blob starts at byte 62; mark from 63 (a 3-byte
  // boundary): base64 characters 84-95, i.e. columns 14-25 of the second line. The
  // copy of the key in the private section gets the same bytes.
  embedBase64Marker(body, 63);
  const markedPublicKey = body.subarray(62, 94);
  const privateStart = body.length - privateSection.length;
  body.set(markedPublicKey, privateStart + 8 + 4 + KEY_TYPE.length + 4);
  body.set(markedPublicKey, privateStart + 8 + 4 + KEY_TYPE.length + 4 + 32 + 4 + 32);
  return pemEncode(LABEL, body, LINE_WIDTH);
}

class SshReader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  uint32(): number | undefined {
    if (this.at + 4 > this.bytes.length) return undefined;
    const b = this.bytes;
    const value =
      (((b[this.at] as number) << 24) | ((b[this.at + 1] as number) << 16) | ((b[this.at + 2] as number) << 8) | (b[this.at + 3] as number)) >>>
      0;
    this.at += 4;
    return value;
  }

  string(): Uint8Array | undefined {
    const length = this.uint32();
    if (length === undefined || this.at + length > this.bytes.length) return undefined;
    const data = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return data;
  }

  get remaining(): number {
    return this.bytes.length - this.at;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** True for an unencrypted single-key openssh-key-v1 Ed25519 file laid out as specified. */
export function isWellFormedOpenSshKey(value: string): boolean {
  const body = pemDecode(value, LABEL, LINE_WIDTH);
  if (body === undefined || bytesToAscii(body.subarray(0, MAGIC.length)) !== MAGIC) return false;
  const reader = new SshReader(body);
  reader.at = MAGIC.length;
  const cipher = reader.string();
  const kdf = reader.string();
  const kdfOptions = reader.string();
  if (cipher === undefined || kdf === undefined || kdfOptions === undefined) return false;
  if (bytesToAscii(cipher) !== 'none' || bytesToAscii(kdf) !== 'none' || kdfOptions.length !== 0) return false;
  if (reader.uint32() !== 1) return false;
  const publicBlob = reader.string();
  const privateSection = reader.string();
  if (publicBlob === undefined || privateSection === undefined || reader.remaining !== 0) return false;
  const publicReader = new SshReader(publicBlob);
  const publicType = publicReader.string();
  const publicKey = publicReader.string();
  if (publicType === undefined || publicKey === undefined || publicReader.remaining !== 0) return false;
  if (bytesToAscii(publicType) !== KEY_TYPE || publicKey.length !== 32) return false;
  if (privateSection.length % BLOCK_SIZE !== 0) return false;
  const privateReader = new SshReader(privateSection);
  const check1 = privateReader.uint32();
  const check2 = privateReader.uint32();
  const privateType = privateReader.string();
  const privatePublicKey = privateReader.string();
  const secret = privateReader.string();
  const comment = privateReader.string();
  if (check1 === undefined || check1 !== check2) return false;
  if (privateType === undefined || bytesToAscii(privateType) !== KEY_TYPE) return false;
  if (privatePublicKey === undefined || !sameBytes(privatePublicKey, publicKey)) return false;
  if (secret === undefined || secret.length !== 64 || !sameBytes(secret.subarray(32), publicKey)) return false;
  if (comment === undefined) return false;
  const padding = privateSection.subarray(privateReader.at);
  if (padding.length >= BLOCK_SIZE) return false;
  return padding.every((byte, i) => byte === i + 1);
}

export const OPENSSH_SHAPE: StubShape = defineShape({
  id: 'openssh-private-key',
  provider: 'OpenSSH',
  summary:
    'OpenSSH private key (openssh-key-v1, unencrypted, one ssh-ed25519 key) armoured as ' +
    '-----BEGIN OPENSSH PRIVATE KEY----- with base64 at 70 columns. Exact structure; the public ' +
    'key is random, not derived from the seed.',
  pattern: armourPattern(LABEL, LINE_WIDTH),
  marker: `public key bytes chosen so the second base64 line shows LATCHSTUBKEY; comment ${COMMENT}.`,
  markerPattern: /^-----BEGIN OPENSSH PRIVATE KEY-----\n[A-Za-z0-9+/]{70}\n[A-Za-z0-9+/]{14}LATCHSTUBKEY/,
  checksum: { kind: 'openssh-key-v1-structure', isValid: isWellFormedOpenSshKey },
  generate: generateOpenSshKey,
});
