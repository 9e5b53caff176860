// Package registry tokens: npm, PyPI, RubyGems, Docker Hub.

import { crc32Base62Tail, hasValidCrc32Base62Tail } from '../../scan/checksums';
import { BASE62, BASE64URL_CHARS } from '../charsets';
import { defineShape, type StubShape } from '../shape';
import { markedChars, markedHex } from './build';
import { generatePypiToken, isWellFormedPypiToken } from './pypi-macaroon';

export const REGISTRY_SHAPES: readonly StubShape[] = [
  defineShape({
    id: 'npm-token',
    provider: 'npm',
    summary:
      'npm access token (npm blog, 2021 token format): npm_ + 30 base62 + 6-char base62 CRC-32 of those 30.',
    pattern: /^npm_[0-9A-Za-z]{36}$/,
    marker: 'the 30-character random part begins with LATCHSTUB (the CRC-32 tail stays valid).',
    markerPattern: /^npm_LATCHSTUB/,
    checksum: {
      kind: 'crc32-base62',
      isValid: (value) => value.startsWith('npm_') && hasValidCrc32Base62Tail(value.slice(4)),
    },
    generate: (random) => {
      const body = markedChars(random, BASE62, 30);
      return `npm_${body}${crc32Base62Tail(body)}`;
    },
  }),
  defineShape({
    id: 'pypi-token',
    provider: 'PyPI',
    summary:
      'PyPI API token: pypi- + unpadded base64url of a v2 binary macaroon located at pypi.org ' +
      '(always starts pypi-AgEIcHlwaS5vcmc), with a user-scoped caveat and a random signature.',
    pattern: /^pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}$/,
    marker: 'the signature bytes are chosen so the base64 text shows LATCHSTUBKEY.',
    markerPattern: /LATCHSTUBKEY/,
    checksum: { kind: 'macaroon-structure', isValid: isWellFormedPypiToken },
    generate: generatePypiToken,
  }),
  defineShape({
    id: 'rubygems-api-key',
    provider: 'RubyGems',
    summary: 'RubyGems.org API key: rubygems_ + 48 lower-case hex digits.',
    pattern: /^rubygems_[0-9a-f]{48}$/,
    marker: 'the hex begins with 528247882 (LATCHSTUB on a phone keypad).',
    markerPattern: /^rubygems_528247882/,
    generate: (random) => `rubygems_${markedHex(random, 48)}`,
  }),
  defineShape({
    id: 'docker-hub-pat',
    provider: 'Docker Hub',
    summary: 'Docker Hub personal access token: dckr_pat_ + 27 characters of [A-Za-z0-9_-].',
    pattern: /^dckr_pat_[A-Za-z0-9_-]{27}$/,
    marker: 'the 27 characters begin with LATCHSTUB.',
    markerPattern: /^dckr_pat_LATCHSTUB/,
    generate: (random) => `dckr_pat_${markedChars(random, BASE64URL_CHARS, 27)}`,
  }),
];
