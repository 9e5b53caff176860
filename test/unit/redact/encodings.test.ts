import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Encode, embeddedBase64Forms, uriComponentEncode } from '../../../shared/redact/encodings';
import { indexOfBytes, latin1, utf8 } from './bytes';

describe('base64Encode', () => {
  it('matches Node for both alphabets, padded and not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const node = Buffer.from(bytes);
        expect(latin1(base64Encode(bytes, 'standard', true))).toBe(node.toString('base64'));
        expect(latin1(base64Encode(bytes, 'standard', false))).toBe(node.toString('base64').replace(/=+$/, ''));
        expect(latin1(base64Encode(bytes, 'url-safe', false))).toBe(node.toString('base64url'));
        expect(latin1(base64Encode(bytes, 'url-safe', true))).toBe(
          node.toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
        );
      }),
    );
  });

  it('encodes known vectors', () => {
    expect(latin1(base64Encode(utf8('hunter2'), 'standard', true))).toBe('aHVudGVyMg==');
    expect(latin1(base64Encode(Uint8Array.of(0xfb, 0xff), 'url-safe', true))).toBe('-_8=');
    expect(latin1(base64Encode(new Uint8Array(0), 'standard', true))).toBe('');
  });
});

describe('embeddedBase64Forms', () => {
  it('finds the value inside a larger base64 text at every offset', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        fc.uint8Array({ maxLength: 8 }),
        fc.uint8Array({ maxLength: 8 }),
        fc.constantFrom('standard' as const, 'url-safe' as const),
        (value, before, after, alphabet) => {
          const whole = new Uint8Array([...before, ...value, ...after]);
          const encoded = base64Encode(whole, alphabet, true);
          const form = embeddedBase64Forms(value, alphabet)[before.length % 3] as Uint8Array;
          expect(indexOfBytes(encoded, form)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('keeps only characters made of value bits', () => {
    // 'hunter2' is 7 bytes = 56 bits: 9 whole characters at offsets 0 and 2, 8 at offset 1.
    const forms = embeddedBase64Forms(utf8('hunter2'), 'standard').map(latin1);
    expect(forms).toEqual(['aHVudGVyM', 'h1bnRlcj', 'odW50ZXIy']);
    expect(Buffer.from('xhunter2!').toString('base64')).toBe('eGh1bnRlcjIh');
    expect(Buffer.from('xxhunter2').toString('base64')).toBe('eHhodW50ZXIy');
  });
});

describe('uriComponentEncode', () => {
  it('matches encodeURIComponent on well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (value) => {
        expect(latin1(uriComponentEncode(utf8(value)))).toBe(encodeURIComponent(value));
      }),
    );
    expect(latin1(uriComponentEncode(utf8("a b/c?d=é&!'()*~")))).toBe(encodeURIComponent("a b/c?d=é&!'()*~"));
  });

  it('does not throw on a lone surrogate (encodeURIComponent would)', () => {
    expect(() => encodeURIComponent('\ud800')).toThrow();
    expect(latin1(uriComponentEncode(utf8('\ud800')))).toBe('%EF%BF%BD');
  });
});
