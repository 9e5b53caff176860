import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { grantStatement, parseGrant } from '../../../electron/broker/providers/postgres-grants';
import { mintedRoleName, MINTED_ROLE, postgresUrl } from '../../../electron/broker/providers/postgres-provider';
import { ProviderError } from '../../../electron/broker/providers/provider';
import { scramSha256Verifier } from '../../../electron/broker/providers/scram-verifier';
import { isPlainIdentifier, quoteIdent, quoteLiteral } from '../../../electron/broker/providers/sql-identifiers';
import { requirePgServer } from './pg-test-server';

const NASTY = [
  "it's",
  "'; DROP TABLE orders; --",
  'back\\slash',
  "\\'; SELECT 1; --",
  "\\\\''\\",
  'dollar $$ quote $tag$',
  'new\nline\ttab',
  'ünïcødé ✓ 🔑',
  '"double" "quotes"',
  '',
];

describe('SQL quoting helpers', () => {
  it('quotes identifiers and literals', () => {
    expect(quoteIdent('orders')).toBe('"orders"');
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('a\\b')).toBe("E'a\\\\b'");
    expect(quoteLiteral("\\'")).toBe("E'\\\\'''");
    expect(() => quoteIdent('')).toThrow(RangeError);
    expect(() => quoteIdent('a\0b')).toThrow(RangeError);
    expect(() => quoteIdent('x'.repeat(64))).toThrow(RangeError);
    expect(() => quoteLiteral('a\0b')).toThrow(RangeError);
    expect(isPlainIdentifier('orders_2')).toBe(true);
    expect(isPlainIdentifier('2orders')).toBe(false);
    expect(isPlainIdentifier('a-b')).toBe(false);
  });

  it('makes role names that match the revocable pattern, whatever the lease id', () => {
    for (const leaseId of ['L-8f3a2c9d-77', '', '---', 'ÄÖÜ', 'x'.repeat(100), '"; DROP ROLE x; --']) {
      const role = mintedRoleName(leaseId);
      expect(role).toMatch(MINTED_ROLE);
      expect(isPlainIdentifier(role)).toBe(true);
    }
    expect(mintedRoleName('abc')).not.toBe(mintedRoleName('abc'));
  });

  it('encodes every URL part', () => {
    const url = postgresUrl({ user: 'u@x', password: 'p:/?#[]@!$&', host: 'db.local', port: 5433, database: 'my db' });
    expect(url).toBe('postgresql://u%40x:p%3A%2F%3F%23%5B%5D%40!%24%26@db.local:5433/my%20db');
    const parsed = new URL(url);
    expect(decodeURIComponent(parsed.password)).toBe('p:/?#[]@!$&');
    expect(postgresUrl({ user: 'u', password: 'p', host: '::1', port: 5432, database: 'd', ssl: true })).toBe('postgresql://u:p@[::1]:5432/d?sslmode=require');
  });

  it('matches the RFC 7677 SCRAM-SHA-256 example exchange', () => {
    // RFC 7677 section 3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, i=4096.
    const verifier = scramSha256Verifier('pencil', Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'));
    const match = /^SCRAM-SHA-256\$4096:W22ZaJ0SNY7soEsUEjb6gQ==\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)$/.exec(verifier);
    expect(match).not.toBeNull();
    const storedKey = Buffer.from(match?.[1] ?? '', 'base64');
    const serverKey = Buffer.from(match?.[2] ?? '', 'base64');
    const nonce = 'rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0';
    const authMessage = `n=user,r=rOprNGfwEbeRWgbNEkqO,r=${nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=${nonce}`;
    const serverSignature = createHmac('sha256', serverKey).update(authMessage).digest('base64');
    expect(serverSignature).toBe('6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=');
    // The client proof in the RFC, checked the way a server does: H(proof XOR ClientSignature) = StoredKey.
    const clientSignature = createHmac('sha256', storedKey).update(authMessage).digest();
    const proof = Buffer.from('dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=', 'base64');
    const clientKey = Buffer.from(proof.map((byte, i) => byte ^ (clientSignature[i] ?? 0)));
    expect(createHash('sha256').update(clientKey).digest().equals(storedKey)).toBe(true);
    expect(() => scramSha256Verifier('pâssword')).toThrow(RangeError);
  });
});

describe('grant grammar', () => {
  const render = (grant: string): string => grantStatement(parseGrant(grant), 'latch_r_0123456789ab');

  it('turns valid grants into fully quoted GRANT statements', () => {
    expect(render('SELECT ON ALL TABLES IN SCHEMA public')).toBe('GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "latch_r_0123456789ab"');
    expect(render('select, insert on table Orders')).toBe('GRANT SELECT, INSERT ON TABLE "orders" TO "latch_r_0123456789ab"');
    expect(render('USAGE ON SCHEMA public')).toBe('GRANT USAGE ON SCHEMA "public" TO "latch_r_0123456789ab"');
    expect(render('CONNECT ON DATABASE app')).toBe('GRANT CONNECT ON DATABASE "app" TO "latch_r_0123456789ab"');
    expect(render('SELECT (id, item), UPDATE (item) ON billing.invoices, orders')).toBe(
      'GRANT SELECT ("id", "item"), UPDATE ("item") ON TABLE "billing"."invoices", "orders" TO "latch_r_0123456789ab"',
    );
    expect(render('ALL PRIVILEGES ON SEQUENCE orders_id_seq')).toBe('GRANT ALL PRIVILEGES ON SEQUENCE "orders_id_seq" TO "latch_r_0123456789ab"');
    expect(render('EXECUTE ON ALL FUNCTIONS IN SCHEMA api, util')).toBe('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA "api", "util" TO "latch_r_0123456789ab"');
    expect(render('  TEMP  ON   DATABASE app ')).toBe('GRANT TEMP ON DATABASE "app" TO "latch_r_0123456789ab"');
  });

  it.each([
    ['SELECT ON t; DROP TABLE x', 'unexpected character ";"'],
    ['ALL ON x TO admin', 'unexpected "TO"'],
    ["SELECT ON 'x'", 'unexpected character'],
    ['SELECT ON "x"', 'unexpected character'],
    ['SELECT ON `x`', 'unexpected character'],
    ['SELECT ON x WITH GRANT OPTION', 'unexpected "WITH"'],
    ['SELECT ON x -- c', 'unexpected character "-"'],
    ['SELECT ON x/**/', 'unexpected character "/"'],
    ['SELECT ON x\u0000', 'unexpected character'],
    ['SELECT ON x.y.z', 'unexpected "."'],
    ['SELECT ON', 'expected a table name, found end of grant'],
    ['SELECT orders', 'expected ON'],
    ['ON orders', 'expected a privilege'],
    ['SUPERUSER ON orders', 'expected a privilege'],
    ['SELECT ON DATABASE app', 'SELECT does not apply to DATABASE'],
    ['CONNECT ON orders', 'CONNECT does not apply to TABLE'],
    ['EXECUTE ON FUNCTION f', 'FUNCTION objects are not supported'],
    ['EXECUTE ON orders', 'EXECUTE does not apply to TABLE'],
    ['USAGE ON FOREIGN DATA WRAPPER w', 'FOREIGN objects are not supported'],
    ['SELECT (id) ON SCHEMA s', 'does not apply'],
    ['DELETE (id) ON orders', 'column list is only allowed'],
    ['SELECT ON ALL VIEWS IN SCHEMA public', 'expected TABLES'],
    ['SELECT ON ALL TABLES public', 'expected IN'],
    [`SELECT ON ${'x'.repeat(64)}`, 'longer than 63'],
    ['', 'empty grant'],
    ['SELECT ON orders,', 'expected a table name'],
  ])('rejects %j', (grant, reason) => {
    let error: unknown;
    try {
      parseGrant(grant);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).retryable).toBe(false);
    expect((error as ProviderError).message).toContain(reason);
  });
});

describe('quoting round-trips through a real PostgreSQL', () => {
  let client: pg.Client;
  beforeAll(async () => {
    const server = requirePgServer();
    client = new pg.Client({ host: server.host, port: server.port, database: server.database, user: server.adminUser, password: server.adminPassword });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  it.each(['on', 'off'])('quoteLiteral is exact with standard_conforming_strings = %s', async (setting) => {
    await client.query(`SET standard_conforming_strings = ${setting}`);
    await client.query('SET escape_string_warning = off');
    for (const value of NASTY) {
      const result = await client.query<{ v: string }>(`SELECT ${quoteLiteral(value)}::text AS v`);
      expect(result.rows[0]?.v).toBe(value);
    }
  });

  it('quoteIdent is exact', async () => {
    for (const value of NASTY.filter((v) => v.length > 0 && Buffer.byteLength(v) <= 63)) {
      const result = await client.query<Record<string, number>>(`SELECT 1 AS ${quoteIdent(value)}`);
      expect(result.fields[0]?.name).toBe(value);
    }
  });
});
