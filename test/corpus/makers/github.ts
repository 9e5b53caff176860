// Checksummed GitHub / npm tokens.

import { crc32Base62Tail } from '../../../shared/scan/checksums';
import { ALNUM, type Rng } from '../rng';
import { shaped, type SecretMaker } from './maker';

export function githubStyleToken(prefix: string, rng: Rng): string {
  const body = rng.string(ALNUM, 30);
  return `${prefix}${body}${crc32Base62Tail(body)}`;
}

/** A GitHub/npm-style token whose checksum is wrong (last character changed). */
export function badChecksumToken(prefix: string, rng: Rng): string {
  const good = githubStyleToken(prefix, rng);
  const last = good[good.length - 1] as string;
  const other = ALNUM[(ALNUM.indexOf(last) + 1 + rng.int(ALNUM.length - 1)) % ALNUM.length] as string;
  return good.slice(0, -1) + other;
}

export function githubStyle(name: string, prefix: string): SecretMaker {
  const base = shaped(name, [prefix, [ALNUM, 36]]);
  return {
    ...base,
    make: (rng) => {
      const text = githubStyleToken(prefix, rng);
      return { text, secret: text };
    },
    lookalikes: (rng) => [
      { text: badChecksumToken(prefix, rng), why: 'checksum-invalid look-alike', decoy: true },
      { text: `${prefix}${rng.string(ALNUM, 36)}`, why: 'random tail instead of a CRC-32 checksum', decoy: true },
      ...base.lookalikes(rng),
    ],
  };
}
