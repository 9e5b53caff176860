// Stubs must be accepted by real parsers: node:crypto (OpenSSL) for keys and JWTs.
import { createHmac, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateStub, LATCH_STUB_JWT_SIGNING_KEY, stubShapeById } from '../../../shared/stubs';
import { bech32Encode } from '../../../shared/stubs/encoding/bech32';
import { testSeed } from './seeds';

function stub(id: string, i = 0): string {
  const shape = stubShapeById(id);
  if (shape === undefined) throw new Error(`no shape ${id}`);
  return generateStub(shape, testSeed(id, i));
}

describe('interoperability with real parsers', () => {
  it('OpenSSL loads the RSA stub as a 2048-bit RSA key', () => {
    for (let i = 0; i < 20; i++) {
      const key = createPrivateKey(stub('rsa-private-key-pem', i));
      expect(key.asymmetricKeyType).toBe('rsa');
      expect(key.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    }
  });

  it('OpenSSL loads the EC stub as a P-256 key and derives its public key', () => {
    for (let i = 0; i < 20; i++) {
      const key = createPrivateKey(stub('ec-private-key-pem', i));
      expect(key.asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' });
      expect(key.export({ format: 'jwk' })).toHaveProperty('x');
    }
  });

  it('the stub JWT verifies under the published key with node HMAC, and carries stub claims', () => {
    const jwt = stub('jwt');
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const expected = createHmac('sha256', LATCH_STUB_JWT_SIGNING_KEY).update(`${header}.${payload}`).digest('base64url');
    expect(signature).toBe(expected);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: 'latch-stub', aud: 'latch-stub', latch_stub: true });
    expect(claims.sub).toMatch(/^latchstub-/);
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
  });

  it('the PyPI stub is a v2 macaroon for pypi.org with a 32-byte signature', () => {
    const bytes = Buffer.from(stub('pypi-token').slice('pypi-'.length), 'base64url');
    expect(bytes[0]).toBe(2);
    expect(bytes.subarray(1, 11).toString('latin1')).toBe('\x01\x08pypi.org');
    expect(bytes.subarray(-34, -32)).toEqual(Buffer.from([6, 32]));
  });

  it('the age stub decodes to exactly 32 bytes', () => {
    const key = stub('age-secret-key');
    const data = key.slice('AGE-SECRET-KEY-1'.length, -6).toLowerCase();
    const alphabet = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
    const groups = [...data].map((char) => alphabet.indexOf(char));
    expect(groups).toHaveLength(52);
    expect(bech32Encode('age-secret-key-', groups).toUpperCase()).toBe(key);
    expect((groups[51] ?? -1) & 0x0f).toBe(0);
  });

  it('database URLs parse as URLs pointing at reserved .invalid hosts', () => {
    for (const id of ['postgres-url', 'mysql-url', 'redis-url', 'mongodb-url', 'amqp-url']) {
      const url = new URL(stub(id));
      expect(url.username, id).toBe('latch_stub');
      expect(url.hostname.endsWith('.latchstub.invalid'), id).toBe(true);
      expect(url.password.length, id).toBe(24);
    }
    expect(new URL(stub('sentry-dsn')).hostname).toMatch(/\.latchstub\.invalid$/);
  });

  it('the RSA marker sits on the first base64 line', () => {
    expect(stub('rsa-private-key-pem').split('\n')[1]).toMatch(/^MIIE.{16}LATCHSTUBKEY/);
  });
});
