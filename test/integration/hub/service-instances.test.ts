import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINTED_ROLE } from '../../../electron/broker/providers/postgres-provider';
import type { CredentialProvider } from '../../../electron/broker/providers/provider';
import { openSealedValues } from '../../../electron/hub/crypto/seal';
import { defaultGrantProviders, type GrantProviderFactory, type HubServiceInstance } from '../../../electron/hub/service';
import type { AccessRequestView, HubEvent } from '../../../electron/hub/service-types';
import { asAdmin, roleExists } from '../providers/pg-test-server';
import { collectEvents, createHubTestDatabase, hubErrorCode, joinMember, newPool, startHub, waitFor, type HubTestDatabase, type TestMember } from './hub-test-support';

const REASON = 'deploy hotfix';

describe('hub service: several instances on one database', () => {
  let db: HubTestDatabase;
  let a: HubServiceInstance;
  let b: HubServiceInstance;
  let dev: TestMember;
  let sre1: TestMember;
  let sre2: TestMember;
  let sre3: TestMember;
  let outsider: TestMember;
  let mints = 0;
  const extraPools: Array<{ end(): Promise<void> }> = [];

  /** The real postgres provider, counting mints and slowed down to widen any race. */
  function countingProviders(): GrantProviderFactory {
    const real = defaultGrantProviders({ prod: db.server });
    return (provider, resourceId) => {
      const base = real(provider, resourceId);
      const counted: CredentialProvider = {
        ...base,
        mint: async (request) => {
          mints += 1;
          await new Promise((resolve) => setTimeout(resolve, 200));
          return base.mint(request);
        },
      };
      return counted;
    };
  }

  async function instance(): Promise<HubServiceInstance> {
    const pool = newPool(db.server, db.name);
    extraPools.push(pool);
    const hub = await startHub(db, { pool, providerFactory: countingProviders() });
    hub.start();
    return hub;
  }

  function request(hub: HubServiceInstance, member: TestMember, resource: string, durationSeconds: number): Promise<AccessRequestView> {
    const body = { resource, durationSeconds, reason: REASON };
    return hub.createRequest(member.view.id, body, member.proof('POST', '/v1/requests', body));
  }
  function approve(hub: HubServiceInstance, member: TestMember, id: string): Promise<AccessRequestView> {
    return hub.approve(member.view.id, id, {}, member.proof('POST', `/v1/requests/${id}/approve`));
  }

  beforeAll(async () => {
    db = await createHubTestDatabase();
    a = await instance();
    b = await instance();
    dev = await joinMember(a, db.pool, 'Dev', ['dev']);
    sre1 = await joinMember(b, db.pool, 'Sre 1', ['sre']);
    sre2 = await joinMember(a, db.pool, 'Sre 2', ['sre']);
    sre3 = await joinMember(b, db.pool, 'Sre 3', ['sre']);
    outsider = await joinMember(a, db.pool, 'Outsider', ['sales']);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const pool of extraPools) await pool.end().catch(() => undefined);
    await db?.drop();
  });

  it('delivers a change made on A to the members concerned subscribed on B, and back', async () => {
    const reviewerOnB = collectEvents(b, sre1.view.id);
    const outsiderOnB = collectEvents(b, outsider.view.id);
    const requesterOnA = collectEvents(a, dev.view.id);
    try {
      const created = await request(a, dev, 'quick-db', 600);
      const first = await waitFor(() => reviewerOnB.events.find((e): e is Extract<HubEvent, { type: 'request.changed' }> => e.type === 'request.changed' && e.request.id === created.id), 5_000, 'the event on B');
      expect(first.request).toMatchObject({ state: 'pending', requesterId: dev.view.id, resource: 'quick-db' });

      await approve(b, sre1, created.id);
      const active = await waitFor(() => requesterOnA.events.find((e) => e.type === 'request.changed' && e.request.id === created.id && e.request.state === 'active'), 5_000, 'the activation on A');
      expect(active).toBeDefined();
      await waitFor(() => reviewerOnB.events.find((e) => e.type === 'request.changed' && e.request.state === 'active'), 5_000, 'the activation on B');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(outsiderOnB.events).toEqual([]);
      expect(JSON.stringify([...reviewerOnB.events, ...requesterOnA.events])).not.toMatch(/postgresql:\/\//);
      await a.revoke(dev.view.id, created.id, {}, dev.proof('POST', 'x'));
    } finally {
      reviewerOnB.stop();
      outsiderOnB.stop();
      requesterOnA.stop();
    }
  });

  it('stops delivering after unsubscribe', async () => {
    const reviewer = collectEvents(b, sre2.view.id);
    reviewer.stop();
    const created = await request(a, dev, 'quick-db', 60);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reviewer.events).toEqual([]);
    await a.cancel(dev.view.id, created.id, dev.proof('POST', 'x'));
  });

  it('keeps delivering after its LISTEN connection is killed (reconnects, forgets cached members)', async () => {
    const reviewerOnB = collectEvents(b, sre1.view.id);
    try {
      const killed = await asAdmin(db.server, (c) =>
        c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'", [db.name]),
      );
      expect(killed.rowCount).toBeGreaterThanOrEqual(2);
      await waitFor(async () => {
        const listening = await asAdmin(db.server, (c) => c.query("SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'", [db.name]));
        return (listening.rowCount ?? 0) >= 2 ? true : undefined;
      }, 10_000, 'both instances to listen again');
      const created = await request(a, dev, 'quick-db', 60);
      await waitFor(() => reviewerOnB.events.find((e) => e.type === 'request.changed' && e.request.id === created.id), 5_000, 'the event after the reconnect');
      await a.cancel(dev.view.id, created.id, dev.proof('POST', 'x'));
    } finally {
      reviewerOnB.stop();
    }
  });

  it('mints exactly once when the last approvals arrive on two instances at the same time', async () => {
    for (let round = 0; round < 3; round += 1) {
      const created = await request(a, dev, 'orders-db', 600);
      if (round > 0) await approve(a, sre1, created.id);
      mints = 0;
      const approvers = round === 0 ? [sre1, sre2, sre3] : [sre2, sre3];
      const results = await Promise.all(approvers.map((member, i) => hubErrorCode(() => approve(i % 2 === 0 ? a : b, member, created.id))));
      expect(mints).toBe(1);
      expect(results.filter((r) => r === 'ok').length).toBeGreaterThanOrEqual(approvers.length === 3 ? 2 : 1);
      expect(results.filter((r) => r !== 'ok').every((r) => r === 'INVALID_STATE')).toBe(true);
      const grants = await db.pool.query('SELECT 1 FROM grants WHERE request_id = $1', [created.id]);
      expect(grants.rowCount).toBe(1);
      const view = await a.getRequest(dev.view.id, created.id);
      expect(view.state).toBe('active');
      expect(view.approvals).toHaveLength(2);
      const minted = (await a.audit(dev.view.id, { requestId: created.id })).filter((e) => e.action === 'grant.minted');
      expect(minted).toHaveLength(1);
      await b.revoke(sre3.view.id, created.id, {}, sre3.proof('POST', 'x'));
    }
    const left = await asAdmin(db.server, (c) => c.query('SELECT rolname FROM pg_roles WHERE rolname ~ $1', [MINTED_ROLE.source]));
    expect(left.rowCount).toBe(0);
  });

  it('revokes on time a grant whose instance was closed mid-grant (another instance takes over)', async () => {
    const c = await instance();
    const created = await request(c, dev, 'quick-db', 3);
    const active = await approve(c, sre2, created.id);
    const credential = await c.credential(dev.view.id, created.id);
    const role = decodeURIComponent(new URL(openSealedValues(dev.sealingPrivateKeyPem, credential.sealed, created.id).DATABASE_URL ?? '').username);
    await c.close();
    expect(await roleExists(db.server, role)).toBe(true);

    const expired = await waitFor(async () => {
      const view = await b.getRequest(dev.view.id, created.id);
      return view.state === 'expired' ? view : undefined;
    }, 15_000, 'expiry by another instance');
    expect(Date.now() - Date.parse(active.endsAt ?? '')).toBeLessThan(2_500);
    expect(expired.revocationError).toBeUndefined();
    expect(await roleExists(db.server, role)).toBe(false);
  });

  it('lets a restarted instance finish what ran out while no instance was up', async () => {
    await a.close();
    await b.close();
    const c = await instance();
    const created = await request(c, dev, 'quick-db', 2);
    await approve(c, sre1, created.id);
    const credential = await c.credential(dev.view.id, created.id);
    const role = decodeURIComponent(new URL(openSealedValues(dev.sealingPrivateKeyPem, credential.sealed, created.id).DATABASE_URL ?? '').username);
    await c.close();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await roleExists(db.server, role)).toBe(true);

    // A fresh instance, as after a restart: its first sweep ends the grant.
    a = await instance();
    b = await instance();
    await waitFor(async () => ((await a.getRequest(dev.view.id, created.id)).state === 'expired' ? true : undefined), 5_000, 'expiry after the restart');
    expect(await roleExists(db.server, role)).toBe(false);
  });
});
