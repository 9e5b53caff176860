// A signed JWT (RFC 7519, JWS compact serialisation RFC 7515) with stub claims, HS256.
//
// Signed with a fixed, published key (LATCH_STUB_JWT_SIGNING_KEY) so that anyone, the
// checksum check included, can verify a stub JWT is intact, and so that no real service
// (which has its own secret) would ever accept it. iat/exp are fixed, not the clock:
// a stub is a pure function of its seed. exp is 2100-01-01 so libraries do not reject
// it as expired.

import { hmacSha256 } from '../crypto/sha256';
import { asciiBytes, bytesToAscii, fromBase64, toBase64Url } from '../encoding/bytes';
import { BASE62 } from '../charsets';
import { STUB_JWT_CLAIMS_MARKER } from '../marker';
import type { StubRandom } from '../random';
import { defineShape, type StubShape } from '../shape';
import { uuidV4 } from './build';

export const LATCH_STUB_JWT_SIGNING_KEY = 'latchstub-jwt-signing-key-not-a-secret';
export const STUB_JWT_ISSUED_AT = 1_700_000_000;
export const STUB_JWT_EXPIRES_AT = 4_102_444_800;

const KEY_BYTES = asciiBytes(LATCH_STUB_JWT_SIGNING_KEY);
const HEADER = toBase64Url(asciiBytes(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));

function sign(signingInput: string): string {
  return toBase64Url(hmacSha256(KEY_BYTES, asciiBytes(signingInput)));
}

function generateJwt(random: StubRandom): string {
  const claims = {
    iss: 'latch-stub',
    sub: `latchstub-${random.chars(BASE62, 16)}`,
    aud: 'latch-stub',
    iat: STUB_JWT_ISSUED_AT,
    exp: STUB_JWT_EXPIRES_AT,
    jti: uuidV4(random),
    latch_stub: true,
  };
  const signingInput = `${HEADER}.${toBase64Url(asciiBytes(JSON.stringify(claims)))}`;
  return `${signingInput}.${sign(signingInput)}`;
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  const bytes = fromBase64(part);
  if (bytes === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(bytesToAscii(bytes));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** True for an HS256 JWT whose signature verifies under LATCH_STUB_JWT_SIGNING_KEY. */
export function isValidStubJwt(value: string): boolean {
  const parts = value.split('.');
  if (parts.length !== 3) return false;
  const [header, payload, signature] = parts as [string, string, string];
  if (decodeJsonObject(header)?.alg !== 'HS256' || decodeJsonObject(payload) === undefined) return false;
  return sign(`${header}.${payload}`) === signature;
}

export const JWT_SHAPE: StubShape = defineShape({
  id: 'jwt',
  provider: 'JSON Web Token',
  summary:
    'A compact JWS (RFC 7515/7519): base64url header . base64url claims . base64url HS256 signature (43 chars). ' +
    `Claims iss/aud latch-stub, sub latchstub-…, fixed iat ${STUB_JWT_ISSUED_AT} and exp ${STUB_JWT_EXPIRES_AT}; ` +
    'signed with the published key LATCH_STUB_JWT_SIGNING_KEY.',
  pattern: /^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/,
  marker:
    'the claims begin {"iss":"latch-stub" so the claims segment always begins eyJpc3MiOiJsYXRjaC1zdHVi; ' +
    'sub is latchstub-…, latch_stub is true, and only the published stub key produces the signature.',
  markerPattern: new RegExp(`^eyJ[A-Za-z0-9_-]+\\.${STUB_JWT_CLAIMS_MARKER}`),
  checksum: { kind: 'hs256-signature', isValid: isValidStubJwt },
  generate: generateJwt,
});
