import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bech32Encode, hasValidBech32Checksum } from '../../../shared/stubs/encoding/bech32';
import { fromBase64, toBase64, toBase64Url, toHex, utf8Bytes } from '../../../shared/stubs/encoding/bytes';
import {
  derEncode,
  derSequence,
  derSmallInteger,
  derUnsignedInteger,
  isDerUnsignedInteger,
  readDerChildren,
  readDerElement,
} from '../../../shared/stubs/encoding/der';
import { armourPattern, pemDecode, pemEncode } from '../../../shared/stubs/encoding/pem';

describe('byte encodings', () => {
  it('base64 and base64url agree with Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
        expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
        expect(fromBase64(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });

  it('fromBase64 refuses non-canonical or malformed text', () => {
    expect(fromBase64('QQ==')).toEqual(Uint8Array.of(0x41));
    expect(fromBase64('QR==')).toBeUndefined(); // non-zero trailing bits
    expect(fromBase64('Q')).toBeUndefined(); // impossible length
    expect(fromBase64('QQ=')).toBeUndefined(); // bad padding
    expect(fromBase64('Q$==')).toBeUndefined(); // bad character
  });

  it('utf8Bytes agrees with Buffer, surrogate pairs included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(toHex(utf8Bytes(text))).toBe(Buffer.from(text, 'utf8').toString('hex'));
      }),
    );
    expect(toHex(utf8Bytes('\0é€😀'))).toBe(Buffer.from('\0é€😀', 'utf8').toString('hex'));
  });
});

describe('bech32 (BIP-173 vectors)', () => {
  it.each([
    'A12UEL5L',
    'a12uel5l',
    'an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs',
    'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw',
    `11${'q'.repeat(82)}c8247j`,
    'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w',
    '?1ezyfcl',
  ])('accepts %s', (valid) => {
    expect(hasValidBech32Checksum(valid)).toBe(true);
  });

  it.each(['A1G7SGD8', '10a06t8', '1qzzfhee', 'a12UEL5L', 'x1b4n0q5v', 'li1dgmt3', 'a12uel5m'])('rejects %s', (invalid) => {
    expect(hasValidBech32Checksum(invalid)).toBe(false);
  });

  it('encodes what it verifies', () => {
    expect(bech32Encode('a', [])).toBe('a12uel5l');
    expect(bech32Encode('abcdef', [...Array(32).keys()])).toBe('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw');
  });
});

describe('DER', () => {
  it('encodes unsigned integers minimally', () => {
    expect(toHex(derEncode(derSmallInteger(0)))).toBe('020100');
    expect(toHex(derEncode(derSmallInteger(65537)))).toBe('0203010001');
    expect(toHex(derEncode(derUnsignedInteger(Uint8Array.of(0x00, 0x00, 0x7f))))).toBe('02017f');
    expect(toHex(derEncode(derUnsignedInteger(Uint8Array.of(0x80))))).toBe('02020080');
    expect(toHex(derEncode(derUnsignedInteger(Uint8Array.of(0, 0))))).toBe('020100');
  });

  it('encodes long lengths and reads them back', () => {
    const element = derEncode(derUnsignedInteger(new Uint8Array(300).fill(0x11)));
    expect(toHex(element.subarray(0, 4))).toBe('0282012c');
    const node = readDerElement(element, 0);
    expect(node).toEqual({ tag: 2, contentStart: 4, end: 304 });
    expect(node && isDerUnsignedInteger(element, node)).toBe(true);
  });

  it('nests constructed values with exact lengths', () => {
    const der = derEncode(derSequence([derSmallInteger(1), derSequence([derSmallInteger(2)]), derUnsignedInteger(new Uint8Array(200).fill(0xff))]));
    const top = readDerElement(der, 0);
    expect(top?.end).toBe(der.length);
    const children = top && readDerChildren(der, top);
    expect(children?.map((child) => child.tag)).toEqual([0x02, 0x30, 0x02]);
    expect(children?.[2] && children[2].end - children[2].contentStart).toBe(201);
  });

  it('refuses non-minimal integers and lengths', () => {
    const padded = Uint8Array.of(0x02, 0x02, 0x00, 0x01);
    const node = readDerElement(padded, 0);
    expect(node && isDerUnsignedInteger(padded, node)).toBe(false);
    expect(readDerElement(Uint8Array.of(0x02, 0x81, 0x01, 0x00), 0)).toBeUndefined();
    expect(readDerElement(Uint8Array.of(0x02, 0x05, 0x00), 0)).toBeUndefined();
  });
});

describe('PEM armour', () => {
  const body = Uint8Array.from({ length: 100 }, (_, i) => i);

  it('wraps at the line width and decodes strictly', () => {
    const pem = pemEncode('TEST KEY', body);
    expect(pem.split('\n').map((line) => line.length)).toEqual([24, 64, 64, 8, 22]);
    expect(pemDecode(pem, 'TEST KEY')).toEqual(body);
    expect(armourPattern('TEST KEY').test(pem)).toBe(true);
  });

  it('rejects wrong labels, ragged lines and trailing junk', () => {
    const pem = pemEncode('TEST KEY', body);
    expect(pemDecode(pem, 'OTHER KEY')).toBeUndefined();
    const lines = pem.split('\n');
    const ragged = [lines[0], (lines[1] ?? '').slice(1), `${(lines[1] ?? '').slice(0, 1)}${lines[2]}`, lines[3], lines[4]].join('\n');
    expect(pemDecode(ragged, 'TEST KEY')).toBeUndefined();
    expect(armourPattern('TEST KEY').test(ragged)).toBe(false);
    expect(pemDecode(`${pem}\n`, 'TEST KEY')).toBeUndefined();
  });

  it('accepts a body that fills its last line exactly', () => {
    const pem = pemEncode('TEST KEY', new Uint8Array(96));
    expect(pem.split('\n')).toHaveLength(4);
    expect(armourPattern('TEST KEY').test(pem)).toBe(true);
    expect(pemDecode(pem, 'TEST KEY')).toEqual(new Uint8Array(96));
  });
});
