// Generic secrets with no provider format of their own: random keys, UUIDs, passwords,
// framework secrets. The "documented format" here is the conventional one (e.g. what
// `openssl rand -hex 32` / `-base64 32` print).

import { ALNUM_LOWER, BASE62, DIGITS } from '../charsets';
import { toBase64 } from '../encoding/bytes';
import { embedBase64Marker } from '../marker';
import { defineShape, type StubShape } from '../shape';
import { markedChars, markedHex, uuidV4 } from './build';

const KEYPAD_MARKER = 'the hex begins with 528247882 (LATCHSTUB on a phone keypad).';
/** Symbols that need no quoting in .env files or shells ('#', '$', quotes and '!' avoided). */
const PASSWORD_SYMBOLS = '-_.~@+';
/** A subset of Django's get_random_secret_key alphabet that is safe unquoted in .env. */
const DJANGO_SAFE = `${ALNUM_LOWER}@%^-_=+`;

export const GENERIC_SHAPES: readonly StubShape[] = [
  defineShape({
    id: 'hex-32',
    provider: 'generic',
    summary: 'A 32-byte random key as 64 lower-case hex digits (openssl rand -hex 32).',
    pattern: /^[0-9a-f]{64}$/,
    marker: KEYPAD_MARKER,
    markerPattern: /^528247882/,
    generate: (random) => markedHex(random, 64),
  }),
  defineShape({
    id: 'base64-32',
    provider: 'generic',
    summary: 'A 32-byte random key as padded standard base64, 44 characters (openssl rand -base64 32).',
    pattern: /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/,
    marker: 'the first 9 bytes are chosen so the base64 begins LATCHSTUBKEY.',
    markerPattern: /^LATCHSTUBKEY/,
    generate: (random) => {
      const key = random.bytes(32);
      embedBase64Marker(key, 0);
      return toBase64(key);
    },
  }),
  defineShape({
    id: 'uuid',
    provider: 'generic',
    summary: 'An RFC 4122 version-4 UUID, lower case (also the format of many legacy API keys).',
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    marker: 'the UUID begins 52824788-2 (LATCHSTUB on a phone keypad, across the first dash).',
    markerPattern: /^52824788-2/,
    generate: (random) => `52824788-2${uuidV4(random).slice(10)}`,
  }),
  defineShape({
    id: 'password',
    provider: 'generic',
    summary:
      `A 32-character password with upper case, lower case, digits and symbols (${PASSWORD_SYMBOLS}), safe unquoted in .env files and shells.`,
    pattern: /^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])(?=.*[^A-Za-z0-9])[\x21-\x7e]{32}$/,
    marker: 'the password begins with LatchStub-.',
    markerPattern: /^LatchStub-/,
    generate: (random) =>
      `LatchStub-${random.chars(BASE62 + PASSWORD_SYMBOLS, 20)}${random.chars(DIGITS, 2)}`,
  }),
  defineShape({
    id: 'jwt-signing-secret',
    provider: 'generic',
    summary: 'An HMAC (HS256/HS512) JWT signing secret: 64 alphanumerics (over 256 bits of randomness).',
    pattern: /^[A-Za-z0-9]{64}$/,
    marker: 'the secret begins with LATCHSTUB.',
    markerPattern: /^LATCHSTUB/,
    generate: (random) => markedChars(random, BASE62, 64),
  }),
  defineShape({
    id: 'django-secret-key',
    provider: 'Django',
    summary:
      'Django SECRET_KEY as startproject generates it: django-insecure- + 50 characters of ' +
      'a-z 0-9 !@#$%^&*(-_=+) (stubs draw from the subset safe unquoted in .env).',
    pattern: /^django-insecure-[a-z0-9!@#$%^&*(\-_=+)]{50}$/,
    marker: 'the key reads django-insecure-latchstub….',
    markerPattern: /^django-insecure-latchstub/,
    generate: (random) => `django-insecure-${markedChars(random, DJANGO_SAFE, 50, 'latchstub')}`,
  }),
  defineShape({
    id: 'rails-secret-key-base',
    provider: 'Ruby on Rails',
    summary: 'Rails secret_key_base as `bin/rails secret` prints it: 128 lower-case hex digits.',
    pattern: /^[0-9a-f]{128}$/,
    marker: KEYPAD_MARKER,
    markerPattern: /^528247882/,
    generate: (random) => markedHex(random, 128),
  }),
];
