import { describe, expect, it } from 'vitest';
import {
  base62,
  bech32Checksum,
  BECH32_ALPHABET,
  crc32Ascii,
  crc32Base62Tail,
  hasValidCrc32Base62Tail,
  isValidBech32,
} from '../../../shared/scan/checksums';

describe('crc32Ascii', () => {
  it('matches the standard CRC-32 check values', () => {
    expect(crc32Ascii('123456789')).toBe(0xcbf43926);
    expect(crc32Ascii('')).toBe(0);
    expect(crc32Ascii('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
  });
});

describe('base62', () => {
  it('encodes with 0-9A-Za-z and pads to the width', () => {
    expect(base62(0, 6)).toBe('000000');
    expect(base62(61, 2)).toBe('0z');
    expect(base62(62, 1)).toBe('10');
    expect(base62(0xffffffff, 6)).toBe('4gfFC3');
  });
});

describe('GitHub / npm checksum tail', () => {
  const body = 'abcdefghijklmnopqrstuvwxyz0123'; // 30 characters
  it('accepts a body followed by its own CRC-32 in base62', () => {
    expect(crc32Base62Tail(body)).toBe(base62(crc32Ascii(body), 6));
    expect(hasValidCrc32Base62Tail(body + crc32Base62Tail(body))).toBe(true);
  });
  it('rejects a changed body, a changed tail and short input', () => {
    const tail = crc32Base62Tail(body);
    expect(hasValidCrc32Base62Tail(`x${body.slice(1)}${tail}`)).toBe(false);
    expect(hasValidCrc32Base62Tail(body + tail.slice(0, 5) + (tail.endsWith('0') ? '1' : '0'))).toBe(false);
    expect(hasValidCrc32Base62Tail('abc')).toBe(false);
  });
});

describe('Bech32', () => {
  it('accepts the BIP-173 valid test vectors', () => {
    for (const valid of ['A12UEL5L', 'a12uel5l', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', 'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w', '?1ezyfcl']) {
      expect(isValidBech32(valid), valid).toBe(true);
    }
  });
  it('rejects the BIP-173 invalid test vectors and mixed case', () => {
    for (const invalid of ['pzry9x0s0muk', '1pzry9x0s0muk', 'x1b4n0q5v', 'li1dgmt3', 'A1G7SGD8', 'A12uEL5L']) {
      expect(isValidBech32(invalid), invalid).toBe(false);
    }
  });
  it('builds checksums that verify', () => {
    const data = [0, 1, 2, 3, 4, 31, 30];
    const text = `age-secret-key-1${[...data, ...bech32Checksum('age-secret-key-', data)].map((v) => BECH32_ALPHABET[v]).join('')}`;
    expect(isValidBech32(text)).toBe(true);
    expect(isValidBech32(text.toUpperCase())).toBe(true);
    expect(isValidBech32(`${text.slice(0, -1)}${text.endsWith('q') ? 'p' : 'q'}`)).toBe(false);
  });
});
