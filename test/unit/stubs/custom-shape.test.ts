import { describe, expect, it } from 'vitest';
import { CHARSET_IDS } from '../../../shared/manifest/model/vocabulary';
import { hasValidCrc32Base62Tail } from '../../../shared/scan/checksums';
import {
  customStubShape,
  generateStub,
  isStubValue,
  validateCustomShape,
  type CustomShapeSpec,
} from '../../../shared/stubs';
import { testSeed } from './seeds';

const fieldsOf = (spec: unknown) => validateCustomShape(spec).map((issue) => issue.field);

describe('validateCustomShape', () => {
  it('accepts well-formed specs', () => {
    expect(validateCustomShape({ prefix: 'acme_', charset: 'base62', length: 30, checksum: 'crc32-base62' })).toEqual([]);
    expect(validateCustomShape({ charset: 'hex', length: 64 })).toEqual([]);
    expect(validateCustomShape({ prefix: 'X-', charset: 'ABCDEF0123456789', length: 20 })).toEqual([]);
  });

  it('rejects things that are not objects', () => {
    for (const spec of [null, 'base62', 42, ['base62']]) expect(fieldsOf(spec)).toEqual(['spec']);
  });

  it('reports unknown fields (typos)', () => {
    const issues = validateCustomShape({ charset: 'hex', lenght: 10, length: 10 });
    expect(issues).toEqual([{ field: 'spec', message: 'unknown field "lenght"' }]);
  });

  it('checks the prefix', () => {
    expect(fieldsOf({ prefix: 5, charset: 'hex', length: 10 })).toEqual(['prefix']);
    expect(fieldsOf({ prefix: 'has space', charset: 'hex', length: 10 })).toEqual(['prefix']);
    expect(fieldsOf({ prefix: 'é_', charset: 'hex', length: 10 })).toEqual(['prefix']);
    expect(fieldsOf({ prefix: 'x'.repeat(65), charset: 'hex', length: 10 })).toEqual(['prefix']);
  });

  it('checks the charset', () => {
    expect(fieldsOf({ charset: 7, length: 10 })).toEqual(['charset']);
    expect(fieldsOf({ length: 10 })).toEqual(['charset']);
    expect(fieldsOf({ charset: 'a', length: 10 })).toEqual(['charset']);
    expect(fieldsOf({ charset: 'a b', length: 10 })).toEqual(['charset']);
    const mistyped = validateCustomShape({ charset: 'alphanum', length: 10 });
    expect(mistyped).toHaveLength(1);
    expect(mistyped[0]?.message).toMatch(/^unknown charset "alphanum"; expected one of alphanumeric, /);
    const repeated = validateCustomShape({ charset: 'abcA', length: 10 }).concat(validateCustomShape({ charset: 'abcaB', length: 10 }));
    expect(repeated).toHaveLength(1);
    expect(repeated[0]?.message).toBe('charset repeats "a"');
  });

  it('checks the length', () => {
    for (const length of [0, -3, 1.5, 513, '12', undefined]) {
      expect(fieldsOf({ charset: 'hex', length }), String(length)).toEqual(['length']);
    }
  });

  it('checks the checksum', () => {
    expect(fieldsOf({ charset: 'base62', length: 36, checksum: 'luhn' })).toEqual(['checksum']);
    expect(fieldsOf({ charset: 'hex', length: 36, checksum: 'crc32-base62' })).toEqual([]);
    expect(fieldsOf({ charset: 'base64url', length: 1, checksum: 'crc32-base62' })).toEqual([]);
  });

  it("accepts every charset name the template (shared/manifest) offers", () => {
    for (const charset of CHARSET_IDS) expect(validateCustomShape({ charset, length: 32 }), charset).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ prefix: ' ', charset: 'x', length: 0, checksum: 'md5' }).sort()).toEqual(
      ['charset', 'checksum', 'length', 'prefix'],
    );
  });
});

describe('custom shapes generate like built-ins', () => {
  const cases: Array<[string, CustomShapeSpec, RegExp]> = [
    ['base62 + crc32 (random part 30, tail on top)', { prefix: 'acme_', charset: 'base62', length: 30, checksum: 'crc32-base62' }, /^acme_LATCHSTUB[0-9A-Za-z]{27}$/],
    ['alphanumeric (template name)', { prefix: 'pay_whsec_', charset: 'alphanumeric', length: 32 }, /^pay_whsec_LATCHSTUB[0-9A-Za-z]{23}$/],
    ['upper-hex + crc32', { charset: 'upper-hex', length: 40, checksum: 'crc32-base62' }, /^528247882[0-9A-F]{31}[0-9A-Za-z]{6}$/],
    ['lower-alphanumeric', { charset: 'lower-alphanumeric', length: 32 }, /^latchstub[a-z0-9]{23}$/],
    ['hex', { prefix: 'hx-', charset: 'hex', length: 40 }, /^hx-528247882[0-9a-f]{31}$/],
    ['alnum-lower', { charset: 'alnum-lower', length: 32 }, /^latchstub[a-z0-9]{23}$/],
    ['alnum-upper', { prefix: 'K', charset: 'alnum-upper', length: 30 }, /^KLATCHSTUB[A-Z0-9]{21}$/],
    ['digits', { charset: 'digits', length: 40 }, /^528247882[0-9]{31}$/],
    ['base64', { prefix: 'b64:', charset: 'base64', length: 44 }, /^b64:LATCHSTUB[A-Za-z0-9+/]{35}$/],
    ['literal with regex specials', { prefix: 'a.b*', charset: 'LATCHSUB-]^\\', length: 60 }, /^a\.b\*LATCHSTUB[-LATCHSUB\]^\\]{51}$/],
  ];

  it.each(cases)('%s', (_name, spec, expected) => {
    const shape = customStubShape(spec);
    for (let i = 0; i < 200; i++) {
      const stub = generateStub(spec, testSeed(`custom-${i}`));
      expect(stub).toMatch(expected);
      expect(shape.pattern.test(stub), stub).toBe(true);
      expect(shape.markerPattern?.test(stub), stub).toBe(true);
      expect(isStubValue(stub), stub).toBe(true);
      if (spec.checksum) {
        expect(hasValidCrc32Base62Tail(stub.slice((spec.prefix ?? '').length))).toBe(true);
        expect(shape.checksum?.isValid(stub)).toBe(true);
      }
    }
    expect(generateStub(spec, testSeed('same'))).toBe(generateStub(shape, testSeed('same')));
  });

  it('treats a named charset as the name, never as literal letters', () => {
    const stub = generateStub({ charset: 'hex', length: 64 }, testSeed('named'));
    expect(stub).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves the marker out when it would leave under 64 bits of randomness', () => {
    const shape = customStubShape({ charset: 'base62', length: 16 });
    expect(shape.markerPattern).toBeUndefined();
    expect(shape.marker).toMatch(/^none/);
    const stub = generateStub(shape, testSeed('short'));
    expect(stub).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(customStubShape({ charset: 'base62', length: 20 }).markerPattern).toBeInstanceOf(RegExp);
  });

  it('leaves the marker out when the charset cannot spell one', () => {
    const shape = customStubShape({ charset: 'abcdef', length: 64 });
    expect(shape.markerPattern).toBeUndefined();
    expect(generateStub(shape, testSeed('abc'))).toMatch(/^[a-f]{64}$/);
  });

  it('throws on an invalid spec, naming the problems', () => {
    expect(() => customStubShape({ charset: 'hex', length: 0 })).toThrow(/length/);
    expect(() => generateStub({ charset: 'q', length: 10 }, testSeed('x'))).toThrow(/charset/);
  });
});
