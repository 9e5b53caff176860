// The hub transport with the real service on PostgreSQL: joining by invite with CA pinning,
// signed calls, and every refusal of the authentication layer (forged, replayed, stale,
// unknown, oversized, unsigned WebSocket).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSealingKeyPair, openSealedValues } from '../../../electron/hub/crypto/seal';
import { generateSigningKeyPair } from '../../../electron/hub/crypto/signing';
import { HubClient } from '../../../electron/hub/client/hub-client';
import { encodeInvite } from '../../../electron/hub/client/invite';
import { createInvite } from '../../../electron/hub/service';
import type { HubEvent } from '../../../electron/hub/service-types';
import { generateHubTls, type HubTls } from '../../../electron/hub/tls/generate-tls';
import { connectWith } from '../providers/pg-test-server';
import { errorCode, freshNonce, rawCall, refusal, signed, signedCall, tryUpgrade } from '../../support/hub-raw-call';
import { createHubTestDatabase, type HubTestDatabase } from './hub-test-support';
import { inviteString, joinThroughHub, serveHub, type JoinedMember, type ServedHub } from './transport-support';

describe('hub transport on PostgreSQL: authentication', () => {
  let db: HubTestDatabase;
  let tls: HubTls;
  let hub: ServedHub;
  let dev: JoinedMember;
  let sre: JoinedMember;

  beforeAll(async () => {
    db = await createHubTestDatabase();
    tls = await generateHubTls({ hosts: ['hub.test'] });
    hub = await serveHub(db, tls);
    dev = await joinThroughHub(db, hub.server.url, tls, 'Dana Dev', ['dev']);
    sre = await joinThroughHub(db, hub.server.url, tls, 'Sam SRE', ['sre']);
  });

  afterAll(async () => {
    dev?.client.close();
    sre?.client.close();
    await hub?.close();
    await db?.drop();
  });

  it('joins through an invite string: the hub records the member’s keys and groups', async () => {
    const me = await dev.client.me();
    expect(me).toMatchObject({ name: 'Dana Dev', groups: ['dev'], signingKey: dev.signing.publicKey, sealingKey: dev.sealing.publicKey });
  });

  it('refuses to join when the hub’s CA does not match the invite (nothing sent, invite still usable)', async () => {
    const { code } = await createInvite(db.pool, { name: 'Mallory', groups: ['dev'], ttlSeconds: 600 });
    const wrong = encodeInvite({ url: hub.server.url, code, caFingerprint: '00'.repeat(32) });
    const signing = generateSigningKeyPair();
    const error = await refusal(HubClient.join({ invite: wrong, signingKey: signing, sealingKey: generateSealingKeyPair().publicKey }));
    expect(error.code).toBe('UNTRUSTED_HUB');
    const right = encodeInvite({ url: hub.server.url, code, caFingerprint: (await import('../../../electron/hub/tls/fingerprint')).certificateFingerprint(tls.caCertPem) });
    const joined = await HubClient.join({ invite: right, signingKey: signing, sealingKey: generateSealingKeyPair().publicKey });
    expect(joined.member.name).toBe('Mallory');
  });

  it('an invite works once', async () => {
    const invite = await inviteString(db, hub.server.url, tls, 'Once', ['dev']);
    await HubClient.join({ invite, signingKey: generateSigningKeyPair(), sealingKey: generateSealingKeyPair().publicKey });
    const error = await refusal(HubClient.join({ invite, signingKey: generateSigningKeyPair(), sealingKey: generateSealingKeyPair().publicKey }));
    expect(error.code).toBe('INVALID_INVITE');
  });

  it('a client pinned to another CA refuses the hub', async () => {
    const other = await generateHubTls();
    const client = new HubClient({ url: hub.server.url, caCertPem: other.caCertPem, signingKey: dev.signing });
    expect((await refusal(client.me())).code).toBe('UNTRUSTED_HUB');
    client.close();
  });

  it('runs request → approval → sealed credential through signed calls, with events to both sides', async () => {
    const devEvents: HubEvent[] = [];
    const sreEvents: HubEvent[] = [];
    const stops = [dev.client.subscribe((e) => devEvents.push(e)), sre.client.subscribe((e) => sreEvents.push(e))];
    await expect.poll(() => devEvents.length + sreEvents.length).toBe(2); // two hellos
    const created = await dev.client.createRequest({ resource: 'prod-db', durationSeconds: 600, reason: 'investigate incident 7' });
    expect(created.state).toBe('pending');
    await expect.poll(() => sreEvents.some((e) => e.type === 'request.changed' && e.request.id === created.id)).toBe(true);
    expect((await sre.client.listRequests({ scope: 'review', states: ['pending'] })).map((r) => r.id)).toContain(created.id);
    expect((await refusal(dev.client.approve(created.id))).code).toBe('NOT_AN_APPROVER');
    const approved = await sre.client.approve(created.id, { durationSeconds: 300, comment: 'go' });
    expect(approved).toMatchObject({ state: 'active', grantedSeconds: 300 });
    await expect.poll(() => devEvents.some((e) => e.type === 'request.changed' && e.request.id === created.id && e.request.state === 'active')).toBe(true);
    const credential = await dev.client.credential(created.id);
    const values = openSealedValues(dev.sealing.privateKeyPem, credential.sealed, created.id);
    const url = values.DATABASE_URL as string;
    const pgClient = await connectWith(url);
    expect((await pgClient.query('SELECT count(*)::int AS n FROM public.orders')).rows[0]).toEqual({ n: 2 });
    await pgClient.end();
    expect((await refusal(sre.client.credential(created.id))).status).toBe(403);
    expect((await dev.client.revoke(created.id, { comment: 'done' })).state).toBe('revoked');
    const audit = await sre.client.audit({ requestId: created.id });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['request.created', 'request.approved', 'grant.minted']));
    const signedEntry = audit.find((e) => e.action === 'request.created');
    expect(signedEntry?.proof).toMatchObject({ method: 'POST', path: '/v1/requests', keyId: dev.view.keyId });
    for (const stop of stops) stop();
    // Nothing secret in the transport's log lines.
    expect(JSON.stringify(hub.lines)).not.toContain(url);
  });

  it('refuses a forged signature with 401 BAD_SIGNATURE', async () => {
    const headers = signed(dev.signing, 'GET', '/v1/me', Buffer.alloc(0));
    const forged = { ...headers, 'Latch-Signature': signed(sre.signing, 'GET', '/v1/me', Buffer.alloc(0))['Latch-Signature'] as string };
    const answer = await rawCall(hub.server.url, tls.caCertPem, 'GET', '/v1/me', forged);
    expect([answer.status, errorCode(answer)]).toEqual([401, 'BAD_SIGNATURE']);
  });

  it('refuses a replayed nonce — also when the replay goes to another instance', async () => {
    const body = Buffer.from(JSON.stringify({ resource: 'prod-db', durationSeconds: 60, reason: 'replay test' }));
    const headers = signed(dev.signing, 'POST', '/v1/requests', body);
    const first = await rawCall(hub.server.url, tls.caCertPem, 'POST', '/v1/requests', headers, body);
    expect(first.status).toBe(201);
    const again = await rawCall(hub.server.url, tls.caCertPem, 'POST', '/v1/requests', headers, body);
    expect([again.status, errorCode(again)]).toEqual([401, 'REPLAYED_NONCE']);
    const other = await serveHub(db, tls);
    try {
      const elsewhere = await rawCall(other.server.url, tls.caCertPem, 'POST', '/v1/requests', headers, body);
      expect(errorCode(elsewhere)).toBe('REPLAYED_NONCE');
    } finally {
      await other.close();
    }
    const mine = await dev.client.listRequests({ scope: 'mine' });
    expect(mine.filter((r) => r.reason === 'replay test')).toHaveLength(1);
  });

  it('refuses a stale or future timestamp with STALE_TIMESTAMP', async () => {
    for (const skew of [-61_000, 61_000]) {
      const answer = await signedCall(hub.server.url, tls.caCertPem, dev.signing, 'GET', '/v1/me', undefined, { timestampMs: Date.now() + skew });
      expect([answer.status, errorCode(answer)]).toEqual([401, 'STALE_TIMESTAMP']);
    }
    const fine = await signedCall(hub.server.url, tls.caCertPem, dev.signing, 'GET', '/v1/me', undefined, { timestampMs: Date.now() - 30_000 });
    expect(fine.status).toBe(200);
  });

  it('refuses an unknown key with UNKNOWN_MEMBER', async () => {
    const answer = await signedCall(hub.server.url, tls.caCertPem, generateSigningKeyPair(), 'GET', '/v1/me');
    expect([answer.status, errorCode(answer)]).toEqual([401, 'UNKNOWN_MEMBER']);
  });

  it('refuses an oversized body with 413 and stores nothing', async () => {
    const big = Buffer.from(JSON.stringify({ resource: 'prod-db', durationSeconds: 60, reason: 'x'.repeat(80 * 1024) }));
    const answer = await rawCall(hub.server.url, tls.caCertPem, 'POST', '/v1/requests', signed(dev.signing, 'POST', '/v1/requests', big), big);
    expect([answer.status, errorCode(answer)]).toEqual([413, 'INVALID_INPUT']);
  });

  it('validates bodies with clear 400 INVALID_INPUT messages', async () => {
    const answer = await signedCall(hub.server.url, tls.caCertPem, dev.signing, 'POST', '/v1/requests', { resource: 'prod-db', durationSeconds: '10m', reason: 'x' });
    expect([answer.status, errorCode(answer)]).toEqual([400, 'INVALID_INPUT']);
    expect((answer.body as { error: { message: string } }).error.message).toMatch(/durationSeconds must be a number of seconds/);
    const policy = await signedCall(hub.server.url, tls.caCertPem, dev.signing, 'POST', '/v1/requests', { resource: 'nope', durationSeconds: 60, reason: 'x' });
    expect(errorCode(policy)).toBe('UNKNOWN_RESOURCE');
  });

  it('refuses a WebSocket upgrade without a valid signature', async () => {
    expect(await tryUpgrade(hub.server.url, tls.caCertPem, {})).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const headers = { ...signed(dev.signing, 'GET', '/v1/events', Buffer.alloc(0)), 'Latch-Nonce': freshNonce() };
    expect(await tryUpgrade(hub.server.url, tls.caCertPem, headers)).toEqual({ status: 401, code: 'BAD_SIGNATURE' });
    const stranger = signed(generateSigningKeyPair(), 'GET', '/v1/events', Buffer.alloc(0));
    expect(await tryUpgrade(hub.server.url, tls.caCertPem, stranger)).toEqual({ status: 401, code: 'UNKNOWN_MEMBER' });
    expect(await tryUpgrade(hub.server.url, tls.caCertPem, signed(dev.signing, 'GET', '/v1/events', Buffer.alloc(0)))).toEqual({ status: 101 });
  });

  it('logs one line per call, no bodies and no signatures', () => {
    const calls = hub.lines.filter((l) => l.event === 'hub.request');
    expect(calls.length).toBeGreaterThan(10);
    for (const line of calls) expect(line.fields).toEqual(expect.objectContaining({ method: expect.any(String), route: expect.any(String), status: expect.any(Number), ms: expect.any(Number) }));
    const text = JSON.stringify(hub.lines);
    expect(text).not.toMatch(/investigate incident 7|replay test|Latch-Signature/);
  });
});
