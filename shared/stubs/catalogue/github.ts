// GitHub tokens. Format (GitHub blog, "Behind GitHub's new authentication token
// formats", 2021): a 3-letter type prefix and '_', then 30 random base62 characters and
// a 6-character base62 CRC-32 of those 30 characters: 40 characters in all.
// Fine-grained PATs: github_pat_ + 22 + '_' + 59 alphanumerics (no public checksum).

import { crc32Base62Tail, hasValidCrc32Base62Tail } from '../../scan/checksums';
import { BASE62 } from '../charsets';
import { defineShape, type StubShape } from '../shape';
import { markedChars } from './build';

const MARKER_TEXT = 'the 30-character random part begins with LATCHSTUB (the CRC-32 tail stays valid).';

function crcTokenShape(id: string, prefix: string, what: string): StubShape {
  const start = `${prefix}_`;
  return defineShape({
    id,
    provider: 'GitHub',
    summary: `${what}: ${start} + 30 base62 + 6-char base62 CRC-32 tail.`,
    pattern: new RegExp(`^${start}[0-9A-Za-z]{36}$`),
    marker: MARKER_TEXT,
    markerPattern: new RegExp(`^${start}LATCHSTUB`),
    checksum: {
      kind: 'crc32-base62',
      isValid: (value) => value.startsWith(start) && hasValidCrc32Base62Tail(value.slice(start.length)),
    },
    generate: (random) => {
      const body = markedChars(random, BASE62, 30);
      return start + body + crc32Base62Tail(body);
    },
  });
}

export const GITHUB_SHAPES: readonly StubShape[] = [
  crcTokenShape('github-pat', 'ghp', 'GitHub classic personal access token'),
  crcTokenShape('github-oauth', 'gho', 'GitHub OAuth app access token'),
  crcTokenShape('github-app-token', 'ghs', 'GitHub App installation (server-to-server) token'),
  crcTokenShape('github-user-to-server-token', 'ghu', 'GitHub App user-to-server token'),
  crcTokenShape('github-refresh-token', 'ghr', 'GitHub App refresh token'),
  defineShape({
    id: 'github-fine-grained-pat',
    provider: 'GitHub',
    summary: 'GitHub fine-grained personal access token: github_pat_ + 22 alphanumerics + _ + 59 alphanumerics.',
    pattern: /^github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}$/,
    marker: 'the first part is 11 then LATCHSTUB (as real ones start with 11), then random.',
    markerPattern: /^github_pat_11LATCHSTUB/,
    generate: (random) => `github_pat_11${markedChars(random, BASE62, 20)}_${random.chars(BASE62, 59)}`,
  }),
];
