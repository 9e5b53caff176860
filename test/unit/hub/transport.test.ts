// The hub transport against an in-memory fake service: TLS + CA pinning via invite, signed calls,
// every refusal the authentication layer makes, validation, events over the WebSocket, logs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyIdOf } from '../../../electron/hub/crypto/signing';
import { HubClient } from '../../../electron/hub/client/hub-client';
import { encodeInvite } from '../../../electron/hub/client/invite';
import type { HubEvent } from '../../../electron/hub/service-types';
import { certificateFingerprint } from '../../../electron/hub/tls/fingerprint';
import { generateHubTls, type HubTls } from '../../../electron/hub/tls/generate-tls';
import { startHubServer, type HubServer } from '../../../electron/hub/transport';
import { errorCode, freshNonce, rawCall, refusal, signed, signedCall, tryUpgrade } from '../../support/hub-raw-call';
import { createFakeHubService, type FakeHub } from './fake-hub-service';

const lines: string[] = [];
const logger = {
  info: (event: string, fields?: object) => void lines.push(JSON.stringify({ event, ...fields })),
  warn: (event: string, fields?: object) => void lines.push(JSON.stringify({ event, ...fields })),
  error: (event: string, fields?: object) => void lines.push(JSON.stringify({ event, ...fields })),
};

let tls: HubTls;
let service: FakeHub;
let server: HubServer;
const requester = generateSigningKeyPair();
const approver = generateSigningKeyPair();
const sealingKey = Buffer.alloc(32, 7).toString('base64url');
let requesterClient: HubClient;
let approverClient: HubClient;

function invite(code: string, fingerprint = certificateFingerprint(tls.caCertPem)): string {
  service.invites.add(code);
  return encodeInvite({ url: server.url, code, caFingerprint: fingerprint });
}

beforeAll(async () => {
  tls = await generateHubTls({ hosts: ['hub.test'] });
  service = createFakeHubService();
  server = await startHubServer({ service, logger, tls: { certPem: tls.certPem, keyPem: tls.keyPem, caCertPem: tls.caCertPem } });
  const joined = await HubClient.join({ invite: invite('code-1'), name: 'Rita', signingKey: requester, sealingKey });
  expect(joined.caCertPem).toBe(tls.caCertPem);
  requesterClient = new HubClient({ url: joined.url, caCertPem: joined.caCertPem, signingKey: requester });
  const joined2 = await HubClient.join({ invite: invite('code-2'), name: 'Alex', signingKey: approver, sealingKey });
  approverClient = new HubClient({ url: joined2.url, caCertPem: joined2.caCertPem, signingKey: approver });
}, 30_000);

afterAll(async () => {
  requesterClient?.close();
  approverClient?.close();
  await server?.close();
});

describe('hub transport (fake service)', () => {
  it('serves health unsigned and over TLS', async () => {
    const answer = await rawCall(server.url, tls.caCertPem, 'GET', '/v1/health', {});
    expect(answer).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('joins with an invite: CA fetched, checked against the fingerprint, pinned; member recorded', async () => {
    const me = await requesterClient.me();
    expect(me).toMatchObject({ name: 'Rita', keyId: keyIdOf(requester.publicKey), signingKey: requester.publicKey, sealingKey });
  });

  it('refuses to join when the CA does not match the invite fingerprint', async () => {
    const key = generateSigningKeyPair();
    const error = await refusal(HubClient.join({ invite: invite('code-x', 'ab'.repeat(32)), signingKey: key, sealingKey }));
    expect(error.code).toBe('UNTRUSTED_HUB');
    expect(service.invites.has('code-x')).toBe(true); // never sent
  });

  it('refuses a used or unknown invite code with the service’s error', async () => {
    const key = generateSigningKeyPair();
    const used = encodeInvite({ url: server.url, code: 'code-1', caFingerprint: certificateFingerprint(tls.caCertPem) });
    const error = await refusal(HubClient.join({ invite: used, signingKey: key, sealingKey }));
    expect(error).toMatchObject({ code: 'INVALID_INVITE', status: 403 });
    expect((await refusal(HubClient.join({ invite: 'lh1_garbage!', signingKey: key, sealingKey }))).code).toBe('INVALID_INVITE');
  });

  it('join must be signed by the key it registers', async () => {
    const key = generateSigningKeyPair();
    const other = generateSigningKeyPair();
    service.invites.add('code-pop');
    const body = Buffer.from(JSON.stringify({ code: 'code-pop', signingKey: key.publicKey, sealingKey }));
    const answer = await rawCall(server.url, tls.caCertPem, 'POST', '/v1/join', signed(other, 'POST', '/v1/join', body), body);
    expect(answer.status).toBe(401);
    expect(errorCode(answer)).toBe('BAD_SIGNATURE');
    expect(service.invites.has('code-pop')).toBe(true);
  });

  it('a client pinned to another CA refuses the hub', async () => {
    const other = await generateHubTls();
    const client = new HubClient({ url: server.url, caCertPem: other.caCertPem, signingKey: requester });
    expect((await refusal(client.me())).code).toBe('UNTRUSTED_HUB');
    client.close();
  });

  it('runs the request flow through signed calls and hands the proof to the service', async () => {
    const created = await requesterClient.createRequest({ resource: 'prod-db', durationSeconds: 900, reason: 'incident 42' });
    expect(created).toMatchObject({ state: 'pending', resource: 'prod-db', requestedSeconds: 900 });
    const proof = service.proofs.at(-1);
    expect(proof).toMatchObject({ keyId: keyIdOf(requester.publicKey), method: 'POST', path: '/v1/requests' });
    expect((await requesterClient.listRequests({ scope: 'mine', limit: 5 })).map((r) => r.id)).toContain(created.id);
    expect((await approverClient.getRequest(created.id)).id).toBe(created.id);
    const selfApproval = await refusal(requesterClient.approve(created.id, {}));
    expect(selfApproval).toMatchObject({ code: 'SELF_APPROVAL', status: 403 });
    expect((await approverClient.approve(created.id, { comment: 'ok' })).state).toBe('active');
    expect((await requesterClient.credential(created.id)).requestId).toBe(created.id);
    expect((await requesterClient.revoke(created.id, { comment: 'done' })).state).toBe('revoked');
    const other = await requesterClient.createRequest({ resource: 'prod-db', durationSeconds: 60, reason: '' });
    expect((await requesterClient.cancel(other.id)).state).toBe('cancelled');
    const third = await requesterClient.createRequest({ resource: 'prod-db', durationSeconds: 60, reason: '' });
    expect((await approverClient.deny(third.id, { comment: 'no' })).state).toBe('denied');
    expect((await approverClient.audit({ afterSeq: 3, limit: 2 }))[0]).toMatchObject({ seq: 4, details: { limit: 2 } });
    expect((await refusal(requesterClient.getRequest('nope'))).code).toBe('NOT_FOUND');
  });

  it('refuses a forged signature, a replayed nonce, a stale timestamp, an unknown key, a missing header', async () => {
    const path = '/v1/me';
    const headers = signed(requester, 'GET', path, Buffer.alloc(0));
    const forged = { ...headers, 'Latch-Signature': signed(approver, 'GET', path, Buffer.alloc(0))['Latch-Signature'] as string };
    const badSig = await rawCall(server.url, tls.caCertPem, 'GET', path, forged);
    expect([badSig.status, errorCode(badSig)]).toEqual([401, 'BAD_SIGNATURE']);

    const first = await rawCall(server.url, tls.caCertPem, 'GET', path, headers);
    expect(first.status).toBe(200);
    const replay = await rawCall(server.url, tls.caCertPem, 'GET', path, headers);
    expect([replay.status, errorCode(replay)]).toEqual([401, 'REPLAYED_NONCE']);

    const stale = await signedCall(server.url, tls.caCertPem, requester, 'GET', path, undefined, { timestampMs: Date.now() - 61_000 });
    expect([stale.status, errorCode(stale)]).toEqual([401, 'STALE_TIMESTAMP']);
    const future = await signedCall(server.url, tls.caCertPem, requester, 'GET', path, undefined, { timestampMs: Date.now() + 61_000 });
    expect(errorCode(future)).toBe('STALE_TIMESTAMP');

    const unknown = await signedCall(server.url, tls.caCertPem, generateSigningKeyPair(), 'GET', path);
    expect([unknown.status, errorCode(unknown)]).toEqual([401, 'UNKNOWN_MEMBER']);

    const unsigned = await rawCall(server.url, tls.caCertPem, 'GET', path, {});
    expect([unsigned.status, errorCode(unsigned)]).toEqual([401, 'UNAUTHENTICATED']);
    const shortNonce = await signedCall(server.url, tls.caCertPem, requester, 'GET', path, undefined, { nonce: 'short' });
    expect(errorCode(shortNonce)).toBe('UNAUTHENTICATED');
  });

  it('a signature covers the body and the query: changing either fails', async () => {
    const body = Buffer.from(JSON.stringify({ resource: 'prod-db', durationSeconds: 60, reason: 'a' }));
    const headers = signed(requester, 'POST', '/v1/requests', body);
    const tampered = Buffer.from(JSON.stringify({ resource: 'prod-db', durationSeconds: 6000, reason: 'a' }));
    const answer = await rawCall(server.url, tls.caCertPem, 'POST', '/v1/requests', headers, tampered);
    expect(errorCode(answer)).toBe('BAD_SIGNATURE');
    const q = signed(requester, 'GET', '/v1/requests?scope=mine', Buffer.alloc(0));
    expect(errorCode(await rawCall(server.url, tls.caCertPem, 'GET', '/v1/requests?scope=all', q))).toBe('BAD_SIGNATURE');
  });

  it('refuses an oversized body with 413 before authenticating it', async () => {
    const big = Buffer.alloc(70 * 1024, 'a');
    const answer = await rawCall(server.url, tls.caCertPem, 'POST', '/v1/requests', signed(requester, 'POST', '/v1/requests', big), big);
    expect([answer.status, errorCode(answer)]).toEqual([413, 'INVALID_INPUT']);
  });

  it('validates bodies and queries with clear messages (400 INVALID_INPUT)', async () => {
    const cases: [string, string, unknown, RegExp][] = [
      ['POST', '/v1/requests', { resource: 'prod-db', durationSeconds: 1.5, reason: '' }, /durationSeconds must be a whole number/],
      ['POST', '/v1/requests', { durationSeconds: 60 }, /resource is required/],
      ['POST', '/v1/requests', { resource: 'x', durationSeconds: 60, reason: '', extra: 1 }, /unknown field "extra"/],
      ['POST', '/v1/requests', [1, 2], /JSON object/],
      ['GET', '/v1/requests?scope=everything', undefined, /scope must be mine, review or all/],
      ['GET', '/v1/requests?state=open', undefined, /state must be one of/],
      ['GET', '/v1/requests?limit=0', undefined, /limit must be a whole number from 1 to 500/],
      ['GET', '/v1/audit?after=-1', undefined, /after must be a whole number/],
      ['GET', '/v1/requests/bad%20id', undefined, /request id/],
    ];
    for (const [method, path, body, message] of cases) {
      const answer = await signedCall(server.url, tls.caCertPem, requester, method, path, body);
      expect(answer.status, path).toBe(400);
      expect(errorCode(answer)).toBe('INVALID_INPUT');
      expect((answer.body as { error: { message: string } }).error.message).toMatch(message);
    }
    const notJson = Buffer.from('{nope');
    const answer = await rawCall(server.url, tls.caCertPem, 'POST', '/v1/requests', signed(requester, 'POST', '/v1/requests', notJson), notJson);
    expect((answer.body as { error: { message: string } }).error.message).toBe('the body is not valid JSON');
  });

  it('answers 404 and 405 in the same error shape', async () => {
    const missing = await rawCall(server.url, tls.caCertPem, 'GET', '/v1/nothing', {});
    expect([missing.status, errorCode(missing)]).toEqual([404, 'NOT_FOUND']);
    const wrong = await rawCall(server.url, tls.caCertPem, 'DELETE', '/v1/me', {});
    expect(wrong.status).toBe(405);
  });

  it('refuses an unsigned, forged or replayed WebSocket upgrade; accepts a signed one', async () => {
    expect(await tryUpgrade(server.url, tls.caCertPem, {})).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const headers = signed(requester, 'GET', '/v1/events', Buffer.alloc(0));
    const forged = { ...headers, 'Latch-Nonce': freshNonce() };
    expect(await tryUpgrade(server.url, tls.caCertPem, forged)).toEqual({ status: 401, code: 'BAD_SIGNATURE' });
    expect(await tryUpgrade(server.url, tls.caCertPem, headers)).toEqual({ status: 101 });
    expect(await tryUpgrade(server.url, tls.caCertPem, headers)).toEqual({ status: 401, code: 'REPLAYED_NONCE' });
  });

  it('pushes request.changed to the requester and the reviewer over the event stream', async () => {
    const seen: HubEvent[] = [];
    const states: string[] = [];
    let hello!: () => void;
    const ready = new Promise<void>((resolve) => (hello = resolve));
    const stop = approverClient.subscribe(
      (event) => {
        seen.push(event);
        if (event.type === 'hello') hello();
      },
      (state) => states.push(state),
    );
    await ready;
    const created = await requesterClient.createRequest({ resource: 'prod-db', durationSeconds: 60, reason: 'ws' });
    await expect.poll(() => seen.some((e) => e.type === 'request.changed' && e.request.id === created.id)).toBe(true);
    stop();
    await expect.poll(() => states.at(-1)).toBe('closed');
    expect(states[0]).toBe('connecting');
    expect(states).toContain('open');
    await expect.poll(() => [...service.listeners.values()].reduce((n, s) => n + s.size, 0)).toBe(0);
  });

  it('reconnects the event stream after the hub restarts', async () => {
    const first = await startHubServer({ service, logger, tls: { certPem: tls.certPem, keyPem: tls.keyPem } });
    const client = new HubClient({ url: first.url, caCertPem: tls.caCertPem, signingKey: requester });
    const states: string[] = [];
    let hellos = 0;
    const stop = client.subscribe(
      (e) => {
        if (e.type === 'hello') hellos++;
      },
      (s) => states.push(s),
    );
    await expect.poll(() => hellos).toBe(1);
    await first.close();
    await expect.poll(() => states.at(-1)).not.toBe('open');
    const second = await startHubServer({ service, logger, port: first.port, tls: { certPem: tls.certPem, keyPem: tls.keyPem } });
    await expect.poll(() => hellos, { timeout: 5_000 }).toBe(2);
    stop();
    client.close();
    await second.close();
    expect(states.filter((s) => s === 'open')).toHaveLength(2);
    expect(states).toContain('closed');
  });

  it('logs one line per call with route template, status, ms and member — no bodies, no signatures', () => {
    const requestLines = lines.filter((l) => l.includes('"hub.request"')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(requestLines.length).toBeGreaterThan(20);
    for (const line of requestLines) expect(Object.keys(line).sort()).toEqual(expect.arrayContaining(['event', 'method', 'route', 'status', 'ms']));
    expect(requestLines.some((l) => l.route === '/v1/requests/:id/approve' && l.status === 200)).toBe(true);
    // A call refused after authentication still names who made it; one refused before does not.
    expect(requestLines.find((l) => l.code === 'SELF_APPROVAL')).toMatchObject({ status: 403, member: expect.any(String) });
    expect(requestLines.find((l) => l.code === 'BAD_SIGNATURE')).toMatchObject({ status: 401, member: null });
    const all = lines.join('\n');
    expect(all).not.toMatch(/incident 42|Latch-Signature|"signature"/);
    for (const key of [requester, approver]) expect(all).not.toContain(key.publicKey);
  });
});
