import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isStubValue } from '../../../shared/stubs';
import { STUB_JWT_CLAIMS_MARKER } from '../../../shared/stubs/marker';

describe('isStubValue', () => {
  it.each([
    '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',
    'django-insecure-latchstubjm',
    'postgresql://latch_stub:pw@postgres.latchstub.invalid:5432/x',
    'SK528247882c7c664d5089e58f2eeefb67',
    '52824788-2997-4a99-87ef-dd6773d9ca33',
    'AGE-SECRET-KEY-1LATCHSTU8EM8E466CPQG5JL7SVU7EL7YRKNRA95395UVQX60M5FQ202G9K',
    `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${STUB_JWT_CLAIMS_MARKER}IiwiYXVkIjoiYSJ9.sig`,
  ])('recognises %s', (value) => {
    expect(isStubValue(value)).toBe(true);
  });

  it.each([
    'ghp' + '_zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ0mLq17',
    'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'postgresql://app:secret@db.example.com:5432/app',
    'xoxb' + '-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    '',
  ])('does not flag %s', (value) => {
    expect(isStubValue(value)).toBe(false);
  });

  it('does not flag random real-looking secrets', () => {
    for (let i = 0; i < 2000; i++) {
      expect(isStubValue(randomBytes(32).toString('hex'))).toBe(false);
      expect(isStubValue(randomBytes(48).toString('base64url'))).toBe(false);
      expect(isStubValue(randomUUID())).toBe(false);
    }
  });

  it('the JWT claims marker is the base64url of {"iss":"latch-stub"', () => {
    expect(STUB_JWT_CLAIMS_MARKER).toBe('eyJpc3MiOiJsYXRjaC1zdHVi');
  });
});
