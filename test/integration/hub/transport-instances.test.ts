// Two hub instances (each its own service, pool, LISTEN connection and HTTPS server) on one
// database: what happens through one is seen through the other, events included.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSealedValues } from '../../../electron/hub/crypto/seal';
import { HubClient } from '../../../electron/hub/client/hub-client';
import type { HubEvent } from '../../../electron/hub/service-types';
import { generateHubTls, type HubTls } from '../../../electron/hub/tls/generate-tls';
import { createHubTestDatabase, type HubTestDatabase } from './hub-test-support';
import { joinThroughHub, serveHub, type JoinedMember, type ServedHub } from './transport-support';

describe('hub transport: two instances on one database', () => {
  let db: HubTestDatabase;
  let tls: HubTls;
  let a: ServedHub;
  let b: ServedHub;
  let dev: JoinedMember;
  let sre: JoinedMember;
  let sreOnB: HubClient;

  beforeAll(async () => {
    db = await createHubTestDatabase();
    tls = await generateHubTls();
    a = await serveHub(db, tls);
    b = await serveHub(db, tls);
    dev = await joinThroughHub(db, a.server.url, tls, 'Dana Dev', ['dev']);
    // The approver joins through instance B and uses B.
    sre = await joinThroughHub(db, b.server.url, tls, 'Sam SRE', ['sre']);
    sreOnB = sre.client;
  });

  afterAll(async () => {
    dev?.client.close();
    sre?.client.close();
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('a request made through A and approved through B reaches the requester’s subscription on A', async () => {
    expect(a.server.port).not.toBe(b.server.port);
    const devEvents: HubEvent[] = [];
    const stop = dev.client.subscribe((e) => devEvents.push(e));
    await expect.poll(() => devEvents.some((e) => e.type === 'hello')).toBe(true);
    const reviewEvents: HubEvent[] = [];
    const stopReview = sreOnB.subscribe((e) => reviewEvents.push(e));
    await expect.poll(() => reviewEvents.some((e) => e.type === 'hello')).toBe(true);

    const created = await dev.client.createRequest({ resource: 'prod-db', durationSeconds: 900, reason: 'cross-instance check' });
    // The reviewer, subscribed on B, hears of the request made on A.
    await expect.poll(() => reviewEvents.some((e) => e.type === 'request.changed' && e.request.id === created.id), { timeout: 5_000 }).toBe(true);

    const approved = await sreOnB.approve(created.id, { comment: 'approved on B' });
    expect(approved.state).toBe('active');
    await expect
      .poll(() => devEvents.find((e): e is Extract<HubEvent, { type: 'request.changed' }> => e.type === 'request.changed' && e.request.id === created.id && e.request.state === 'active'), { timeout: 5_000 })
      .toBeTruthy();

    // The credential minted through B is fetched through A and opens with the requester's key.
    const credential = await dev.client.credential(created.id);
    expect(Object.keys(openSealedValues(dev.sealing.privateKeyPem, credential.sealed, created.id))).toEqual(['DATABASE_URL']);
    stop();
    stopReview();
  });

  it('both instances answer the same state', async () => {
    const viaB = new HubClient({ url: b.server.url, caCertPem: tls.caCertPem, signingKey: dev.signing });
    const mineA = await dev.client.listRequests({ scope: 'mine' });
    const mineB = await viaB.listRequests({ scope: 'mine' });
    expect(mineB.map((r) => [r.id, r.state])).toEqual(mineA.map((r) => [r.id, r.state]));
    viaB.close();
  });

  it('the requester keeps its subscription on A while B closes', async () => {
    const events: HubEvent[] = [];
    const stop = dev.client.subscribe((e) => events.push(e));
    await expect.poll(() => events.some((e) => e.type === 'hello')).toBe(true);
    const other = await serveHub(db, tls);
    const viaOther = new HubClient({ url: other.server.url, caCertPem: tls.caCertPem, signingKey: dev.signing });
    const created = await viaOther.createRequest({ resource: 'prod-db', durationSeconds: 60, reason: 'third instance' });
    viaOther.close();
    await other.close();
    await expect.poll(() => events.some((e) => e.type === 'request.changed' && e.request.id === created.id), { timeout: 5_000 }).toBe(true);
    stop();
  });
});
