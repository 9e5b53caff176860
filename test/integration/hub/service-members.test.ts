import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSealingKeyPair } from '../../../electron/hub/crypto/seal';
import { generateSigningKeyPair, keyIdOf } from '../../../electron/hub/crypto/signing';
import { createHubService, createInvite, disableMember, HUB_SCHEMA_VERSION, listMembers, migrateHubDatabase, type HubServiceInstance } from '../../../electron/hub/service';
import { createHubTestDatabase, hubErrorCode, joinMember, newPool, recordingLogger, startHub, testPolicy, waitFor, type HubTestDatabase } from './hub-test-support';

function keys(): { signingKey: string; sealingKey: string } {
  return { signingKey: generateSigningKeyPair().publicKey, sealingKey: generateSealingKeyPair().publicKey };
}

describe('hub service: schema, members, invites, nonces', () => {
  let db: HubTestDatabase;
  let a: HubServiceInstance;
  let b: HubServiceInstance;

  beforeAll(async () => {
    db = await createHubTestDatabase();
    // Several instances migrating the same fresh database at once: applied exactly once.
    const pools = [newPool(db.server, db.name), newPool(db.server, db.name), newPool(db.server, db.name)];
    const applied = await Promise.all(pools.map((pool) => migrateHubDatabase(pool)));
    await Promise.all(pools.map((pool) => pool.end()));
    expect(applied.flat()).toEqual([HUB_SCHEMA_VERSION]);
    a = await startHub(db);
    b = await startHub(db, { pool: newPool(db.server, db.name) });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('records each migration once', async () => {
    const rows = await db.pool.query<{ version: number }>('SELECT version FROM hub_migrations ORDER BY version');
    expect(rows.rows.map((r) => r.version)).toEqual([1]);
  });

  it('owns (and ends) a pool it made from a connection config', async () => {
    const own = await createHubService({
      pool: { host: db.server.host, port: db.server.port, database: db.name, user: db.server.adminUser, password: db.server.adminPassword, maxConnections: 2 },
      policy: testPolicy(),
      servers: {},
      logger: recordingLogger(),
    });
    expect(await own.rememberNonce('own-key', 'own-nonce', Date.now())).toBe(true);
    await own.close();
    await own.close();
  });

  it('joins with an invite: groups from the invite, key id from the signing key, code stored only as a hash', async () => {
    const { code, expiresAt } = await createInvite(db.pool, { name: 'Ada Lovelace', groups: ['dev', 'sre'], ttlSeconds: 600 });
    expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(590_000);
    const stored = await db.pool.query('SELECT row_to_json(i)::text AS row FROM invites i');
    expect(stored.rows.map((r: { row: string }) => r.row).join()).not.toContain(code);

    const k = keys();
    const member = await a.join({ code, ...k });
    expect(member).toMatchObject({ name: 'Ada Lovelace', groups: ['dev', 'sre'], signingKey: k.signingKey, sealingKey: k.sealingKey, keyId: keyIdOf(k.signingKey) });
    expect(member.keyId).toHaveLength(22);
    expect(await a.me(member.id)).toEqual(member);

    // Used once only, on either instance.
    expect(await hubErrorCode(() => b.join({ code, ...keys() }))).toBe('INVALID_INVITE');
    expect(await hubErrorCode(() => a.join({ code: 'made-up-code', ...keys() }))).toBe('INVALID_INVITE');
  });

  it('refuses an expired invite', async () => {
    const { code } = await createInvite(db.pool, { name: 'Late', groups: ['dev'], ttlSeconds: 60 }, () => new Date(Date.now() - 120_000));
    expect(await hubErrorCode(() => a.join({ code, ...keys() }))).toBe('INVALID_INVITE');
  });

  it('lets exactly one of two racing joins use a code', async () => {
    const { code } = await createInvite(db.pool, { name: 'Racer', groups: ['dev'], ttlSeconds: 600 });
    const results = await Promise.all([hubErrorCode(() => a.join({ code, ...keys() })), hubErrorCode(() => b.join({ code, ...keys() }))]);
    expect(results.sort()).toEqual(['INVALID_INVITE', 'ok']);
  });

  it('refuses bad or already registered keys, and then leaves the invite unused', async () => {
    const { code } = await createInvite(db.pool, { name: 'Keys', groups: ['dev'], ttlSeconds: 600 });
    expect(await hubErrorCode(() => a.join({ code, signingKey: 'short', sealingKey: keys().sealingKey }))).toBe('INVALID_INPUT');
    expect(await hubErrorCode(() => a.join({ code, signingKey: keys().signingKey, sealingKey: `${keys().sealingKey}A` }))).toBe('INVALID_INPUT');
    const existing = (await listMembers(db.pool))[0];
    expect(await hubErrorCode(() => a.join({ code, signingKey: existing?.signingKey ?? '', sealingKey: keys().sealingKey }))).toBe('INVALID_INPUT');
    expect(await hubErrorCode(() => a.join({ code, ...keys() }))).toBe('ok');
  });

  it('refuses invalid invites at creation', async () => {
    expect(await hubErrorCode(() => createInvite(db.pool, { name: '', groups: ['dev'], ttlSeconds: 60 }))).toBe('INVALID_INPUT');
    expect(await hubErrorCode(() => createInvite(db.pool, { name: 'X', groups: ['Not A Group'], ttlSeconds: 60 }))).toBe('INVALID_INPUT');
    expect(await hubErrorCode(() => createInvite(db.pool, { name: 'X', groups: ['dev'], ttlSeconds: 0 }))).toBe('INVALID_INPUT');
  });

  it('answers memberByKeyId from a cache that every instance drops when a member is disabled', async () => {
    const member = await joinMember(a, db.pool, 'Cached', ['dev']);
    // Let the join's own NOTIFY arrive first (it invalidates the key, as it should).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await a.memberByKeyId(member.view.keyId))?.id).toBe(member.view.id);
    expect((await b.memberByKeyId(member.view.keyId))?.id).toBe(member.view.id);
    expect(await a.memberByKeyId('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();

    // Cached: a change made behind the hub's back (no NOTIFY) is not seen…
    await db.pool.query('UPDATE members SET name = $2 WHERE id = $1', [member.view.id, 'Renamed']);
    expect((await a.memberByKeyId(member.view.keyId))?.name).toBe('Cached');

    // …while disableMember notifies every instance (it runs without any hub instance).
    const pending = await a.createRequest(member.view.id, { resource: 'orders-db', durationSeconds: 60, reason: 'check' }, member.proof('POST', '/v1/requests'));
    const disabled = await disableMember(db.pool, member.view.id);
    expect(disabled).toMatchObject({ requestsCancelled: 1, grantsEnded: 0, member: { disabled: true } });
    await waitFor(async () => ((await a.memberByKeyId(member.view.keyId)) === null ? true : undefined), 5_000, 'instance A to forget the member');
    await waitFor(async () => ((await b.memberByKeyId(member.view.keyId)) === null ? true : undefined), 5_000, 'instance B to forget the member');
    expect(await hubErrorCode(() => a.me(member.view.id))).toBe('UNKNOWN_MEMBER');
    expect((await a.getRequest((await joinMember(a, db.pool, 'Reviewer', ['sre'])).view.id, pending.id)).state).toBe('cancelled');
    expect((await listMembers(db.pool)).find((m) => m.id === member.view.id)?.disabled).toBe(true);
    expect(await hubErrorCode(() => disableMember(db.pool, 'no-such-member'))).toBe('NOT_FOUND');

    // A key that joins after a negative lookup is found at once (the join notifies too).
    const later = keys();
    expect(await b.memberByKeyId(keyIdOf(later.signingKey))).toBeNull();
    const { code } = await createInvite(db.pool, { name: 'Later', groups: ['dev'], ttlSeconds: 600 });
    await a.join({ code, ...later });
    await waitFor(async () => ((await b.memberByKeyId(keyIdOf(later.signingKey))) !== null ? true : undefined), 5_000, 'instance B to see the new member');
  });

  it('remembers nonces across instances and purges expired ones', async () => {
    const now = Date.now();
    expect(await a.rememberNonce('key-1', 'nonce-1', now)).toBe(true);
    expect(await a.rememberNonce('key-1', 'nonce-1', now)).toBe(false);
    expect(await b.rememberNonce('key-1', 'nonce-1', now)).toBe(false);
    expect(await b.rememberNonce('key-2', 'nonce-1', now)).toBe(true);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).rememberNonce('key-3', 'same', now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await hubErrorCode(() => a.rememberNonce('key-1', 'x'.repeat(500), now))).toBe('INVALID_INPUT');

    const short = await startHub(db, { nonceRetentionMs: 1 });
    try {
      expect(await short.rememberNonce('key-4', 'old', now - 60_000)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const report = await short.sweepNow();
      expect(report.noncesPurged).toBeGreaterThanOrEqual(1);
      expect(await short.rememberNonce('key-4', 'old', now - 60_000)).toBe(true);
      // Still-valid nonces stay.
      expect(await short.rememberNonce('key-1', 'nonce-1', now)).toBe(false);
    } finally {
      await short.close();
    }
  });
});
