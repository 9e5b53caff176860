import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveStubSeed, generateStub, STUB_SHAPES } from '../../../shared/stubs';

const developerKey = fc.uint8Array({ minLength: 32, maxLength: 32 });
const projectId = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => !text.includes('\0'));
const secretName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,30}$/);
const rotation = fc.nat({ max: 1_000_000 });
const shape = fc.constantFrom(...STUB_SHAPES);

describe('deriveStubSeed', () => {
  it('is HMAC-SHA256(developer key, projectId \\0 name \\0 rotation)', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i);
    const expected = createHmac('sha256', key).update(['proj-é', 'DATABASE_URL', '7'].join('\u0000'), 'utf8').digest();
    expect(Buffer.from(deriveStubSeed(key, 'proj-é', 'DATABASE_URL', 7)).equals(expected)).toBe(true);
  });

  it('returns 32 bytes', () => {
    expect(deriveStubSeed(new Uint8Array(32), 'p', 'n', 0)).toHaveLength(32);
  });

  it('refuses short keys, NUL in names and bad rotation counters', () => {
    expect(() => deriveStubSeed(new Uint8Array(8), 'p', 'n', 0)).toThrow(RangeError);
    expect(() => deriveStubSeed(new Uint8Array(32), 'p\0q', 'n', 0)).toThrow(RangeError);
    expect(() => deriveStubSeed(new Uint8Array(32), 'p', 'n\0', 0)).toThrow(RangeError);
    expect(() => deriveStubSeed(new Uint8Array(32), 'p', 'n', -1)).toThrow(RangeError);
    expect(() => deriveStubSeed(new Uint8Array(32), 'p', 'n', 1.5)).toThrow(RangeError);
  });

  it('keeps (project, name) pairs apart even when their text runs together', () => {
    const key = new Uint8Array(32).fill(5);
    expect(deriveStubSeed(key, 'ab', 'c', 0)).not.toEqual(deriveStubSeed(key, 'a', 'bc', 0));
  });
});

describe('stub stability properties', () => {
  it('two developers (different keys) get different stubs for the same project, name and rotation', () => {
    fc.assert(
      fc.property(shape, developerKey, developerKey, projectId, secretName, rotation, (s, keyA, keyB, project, name, r) => {
        fc.pre(Buffer.compare(keyA, keyB) !== 0);
        expect(generateStub(s, deriveStubSeed(keyA, project, name, r))).not.toBe(
          generateStub(s, deriveStubSeed(keyB, project, name, r)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the same developer gets the same stub until the rotation counter changes', () => {
    fc.assert(
      fc.property(shape, developerKey, projectId, secretName, rotation, fc.integer({ min: 1, max: 50 }), (s, key, project, name, r, step) => {
        const first = generateStub(s, deriveStubSeed(key, project, name, r));
        const again = generateStub(s, deriveStubSeed(Uint8Array.from(key), project, name, r));
        const rotated = generateStub(s, deriveStubSeed(key, project, name, r + step));
        expect(again).toBe(first);
        expect(rotated).not.toBe(first);
      }),
      { numRuns: 300 },
    );
  });

  it('different secret names or projects get different stubs', () => {
    fc.assert(
      fc.property(shape, developerKey, projectId, secretName, secretName, (s, key, project, nameA, nameB) => {
        fc.pre(nameA !== nameB);
        expect(generateStub(s, deriveStubSeed(key, project, nameA, 0))).not.toBe(
          generateStub(s, deriveStubSeed(key, project, nameB, 0)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('generateStub refuses seeds that are not 32 bytes', () => {
    const first = STUB_SHAPES[0];
    if (first === undefined) throw new Error('empty catalogue');
    expect(() => generateStub(first, new Uint8Array(31))).toThrow(RangeError);
  });
});
