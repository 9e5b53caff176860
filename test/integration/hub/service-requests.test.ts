import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresProvider, MINTED_ROLE } from '../../../electron/broker/providers/postgres-provider';
import { ProviderError, type CredentialProvider } from '../../../electron/broker/providers/provider';
import { openSealedValues } from '../../../electron/hub/crypto/seal';
import { defaultGrantProviders, disableMember, type HubServiceInstance } from '../../../electron/hub/service';
import type { AccessRequestView } from '../../../electron/hub/service-types';
import { HubError } from '../../../electron/hub/service-types';
import type { ResourcePolicy } from '../../../shared/policy/hub-policy-types';
import { asAdmin, connectWith, outcome, roleExists } from '../providers/pg-test-server';
import { createHubTestDatabase, hubErrorCode, joinMember, resource, startHub, testPolicy, waitFor, type HubTestDatabase, type TestMember } from './hub-test-support';

const REASON = 'INC-4211: refunds stuck, need to read orders';

describe('hub service: requests, approvals, grants', () => {
  let db: HubTestDatabase;
  let hub: HubServiceInstance & { logger: { lines: Array<{ event: string; fields: Record<string, unknown> }> } };
  let dev: TestMember;
  let devAndSre: TestMember;
  let sre1: TestMember;
  let sre2: TestMember;
  let outsider: TestMember;
  let commandDir: string;
  const passwords: string[] = [];
  let policyExtras: ResourcePolicy[] = [];

  function request(member: TestMember, resourceId: string, durationSeconds: number, reason = REASON): Promise<AccessRequestView> {
    const body = { resource: resourceId, durationSeconds, reason };
    return hub.createRequest(member.view.id, body, member.proof('POST', '/v1/requests', body));
  }
  function approve(member: TestMember, id: string, input: { durationSeconds?: number; comment?: string } = {}): Promise<AccessRequestView> {
    return hub.approve(member.view.id, id, input, member.proof('POST', `/v1/requests/${id}/approve`, input));
  }
  async function roleOf(member: TestMember, id: string): Promise<{ url: string; role: string }> {
    const credential = await hub.credential(member.view.id, id);
    const values = openSealedValues(member.sealingPrivateKeyPem, credential.sealed, id);
    const url = values.DATABASE_URL ?? '';
    passwords.push(decodeURIComponent(new URL(url).password));
    return { url, role: decodeURIComponent(new URL(url).username) };
  }

  beforeAll(async () => {
    db = await createHubTestDatabase();
    commandDir = mkdtempSync(join(tmpdir(), 'latch-hub-cmd-'));
    const deployToken = resource('deploy-token', {
      approvals: 1,
      provider: {
        type: 'command',
        mint: ['node', '-e', 'process.stdout.write(JSON.stringify({ value: "tok-" + "9f8e7d6c5b4a", handle: { id: process.env.LATCH_LEASE_ID } }))'],
        revoke: ['node', '-e', `require("fs").writeFileSync(${JSON.stringify(join(commandDir, 'revoked'))}, process.env.LATCH_HANDLE)`],
      },
    });
    const flaky = resource('flaky-db', { approvals: 1 });
    const broken = resource('broken-db', { approvals: 1 });
    const real = defaultGrantProviders({ prod: db.server });
    let revokeFailures = 2;
    policyExtras = [deployToken, flaky, broken];
    hub = await startHub(db, {
      policy: testPolicy(policyExtras),
      providerFactory: (provider, resourceId) => {
        const base = real(provider, resourceId);
        if (resourceId === 'broken-db') {
          return { ...base, mint: () => Promise.reject(new ProviderError('postgres provider: cannot reach prod:5432 (connection refused)', true)) };
        }
        if (resourceId === 'flaky-db') {
          const flakyProvider: CredentialProvider = {
            ...base,
            revoke: (handle) => (revokeFailures-- > 0 ? Promise.reject(new ProviderError('postgres provider: revoke: server restarting', true)) : base.revoke(handle)),
          };
          return flakyProvider;
        }
        return base;
      },
    });
    hub.start();
    dev = await joinMember(hub, db.pool, 'Dev One', ['dev']);
    devAndSre = await joinMember(hub, db.pool, 'Dana Both', ['dev', 'sre']);
    sre1 = await joinMember(hub, db.pool, 'Sre One', ['sre']);
    sre2 = await joinMember(hub, db.pool, 'Sre Two', ['sre']);
    outsider = await joinMember(hub, db.pool, 'Out Sider', ['sales']);
  });

  afterAll(async () => {
    await hub?.close();
    // Whatever a failed test left behind on the "prod" server.
    await asAdmin(db.server, async (c) => {
      const roles = await c.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname ~ $1', [MINTED_ROLE.source]);
      for (const { rolname } of roles.rows) await createPostgresProvider(db.server).revoke({ role: rolname, host: db.server.host, port: db.server.port, database: 'app' }).catch(() => undefined);
    });
    await db?.drop();
    rmSync(commandDir, { recursive: true, force: true });
  });

  it('needs two distinct approvers, refuses self-approval, then mints a working, sealed credential', async () => {
    const created = await request(devAndSre, 'orders-db', 3600);
    expect(created).toMatchObject({ state: 'pending', requestedSeconds: 3600, grantedSeconds: 3600, approvalsRequired: 2, approvals: [], requesterName: 'Dana Both', reason: REASON });

    expect(await hubErrorCode(() => approve(devAndSre, created.id))).toBe('SELF_APPROVAL');
    expect(await hubErrorCode(() => approve(outsider, created.id))).toBe('NOT_AN_APPROVER');
    expect(await hubErrorCode(() => approve(dev, created.id))).toBe('NOT_AN_APPROVER');

    const once = await approve(sre1, created.id, { comment: 'ok for the incident' });
    expect(once.state).toBe('pending');
    expect(once.approvals).toEqual([expect.objectContaining({ approverId: sre1.view.id, approverName: 'Sre One', comment: 'ok for the incident' })]);
    expect(await hubErrorCode(() => approve(sre1, created.id))).toBe('ALREADY_APPROVED_BY_YOU');
    expect(await hubErrorCode(() => approve(sre2, created.id, { durationSeconds: 7200 }))).toMatch(/INVALID_DURATION|OVER_MAX_DURATION/);
    expect(await hubErrorCode(() => hub.credential(devAndSre.view.id, created.id))).toBe('INVALID_STATE');

    const active = await approve(sre2, created.id, { durationSeconds: 1800 });
    expect(active.state).toBe('active');
    expect(active.grantedSeconds).toBe(1800);
    expect(active.approvals.map((a) => a.approverId)).toEqual([sre1.view.id, sre2.view.id]);
    expect(Date.parse(active.endsAt ?? '') - Date.parse(active.startsAt ?? '')).toBe(1_800_000);
    expect(await hubErrorCode(() => approve(sre2, created.id))).toBe('INVALID_STATE');

    // Only the requester gets the (sealed) credential; it opens with their key only.
    expect(await hubErrorCode(() => hub.credential(sre1.view.id, created.id))).toBe('FORBIDDEN');
    const sealed = await hub.credential(devAndSre.view.id, created.id);
    expect(() => openSealedValues(sre1.sealingPrivateKeyPem, sealed.sealed, created.id)).toThrow(/authentication failed/);
    const { url, role } = await roleOf(devAndSre, created.id);
    const client = await connectWith(url);
    try {
      const rows = await client.query<{ item: string }>('SELECT item FROM public.orders ORDER BY id');
      expect(rows.rows.map((r) => r.item)).toEqual(['apple', 'pear']);
      expect(await outcome(() => client.query("INSERT INTO public.orders (item) VALUES ('plum')"))).toBe('42501');
    } finally {
      await client.end();
    }
    // The role cannot outlive the grant even if the hub vanished: VALID UNTIL its end.
    const validUntil = await asAdmin(db.server, (c) => c.query<{ v: Date }>('SELECT rolvaliduntil AS v FROM pg_roles WHERE rolname = $1', [role]));
    expect(validUntil.rows[0]?.v.toISOString()).toBe(active.endsAt);

    const actions = (await hub.audit(sre1.view.id, { requestId: created.id })).map((e) => e.action);
    expect(actions).toEqual(['request.created', 'request.approved', 'request.approved', 'grant.minted']);

    await hub.revoke(devAndSre.view.id, created.id, { comment: 'done' }, devAndSre.proof('POST', `/v1/requests/${created.id}/revoke`));
    expect(await roleExists(db.server, role)).toBe(false);
  });

  it('refuses requests the policy does not allow', async () => {
    expect(await hubErrorCode(() => request(dev, 'orders-db', 7200))).toBe('OVER_MAX_DURATION');
    expect(await hubErrorCode(() => request(dev, 'no-such-db', 60))).toBe('UNKNOWN_RESOURCE');
    expect(await hubErrorCode(() => request(sre1, 'orders-db', 60))).toBe('NOT_A_REQUESTER');
    expect(await hubErrorCode(() => request(dev, 'orders-db', 60, '   '))).toBe('REASON_REQUIRED');
    expect(await hubErrorCode(() => request(dev, 'orders-db', 0))).toBe('INVALID_DURATION');
    expect(await hubErrorCode(() => request(dev, 'orders-db', 1.5))).toBe('INVALID_DURATION');
    const error = await request(dev, 'orders-db', 7200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).status).toBe(403);
    const invalid = await request(dev, 'orders-db', -1).catch((e: unknown) => e);
    expect((invalid as HubError).status).toBe(400);
    expect(await hubErrorCode(() => hub.createRequest('no-such-member', { resource: 'orders-db', durationSeconds: 60, reason: REASON }, dev.proof('POST', '/v1/requests')))).toBe('UNKNOWN_MEMBER');
  });

  it('expires a short grant on time and drops the role', async () => {
    const created = await request(dev, 'quick-db', 3);
    const active = await approve(sre1, created.id);
    expect(active.state).toBe('active');
    const { url, role } = await roleOf(dev, created.id);
    const session = await connectWith(url);
    expect(await roleExists(db.server, role)).toBe(true);

    const endsAt = Date.parse(active.endsAt ?? '');
    const expired = await waitFor(async () => {
      const view = await hub.getRequest(dev.view.id, created.id);
      return view.state === 'expired' ? view : undefined;
    }, 15_000, 'expiry');
    expect(Date.now() - endsAt).toBeLessThan(2_500);
    expect(expired.revocationError).toBeUndefined();
    expect(await roleExists(db.server, role)).toBe(false);
    // The open session was ended too.
    expect(await outcome(() => session.query('SELECT 1'))).not.toBe('ok');
    await session.end().catch(() => undefined);
    expect(await hubErrorCode(() => hub.credential(dev.view.id, created.id))).toBe('INVALID_STATE');
    const actions = (await hub.audit(dev.view.id, { requestId: created.id })).map((e) => [e.action, e.actorId === null, e.details.atSource]);
    expect(actions.at(-1)).toEqual(['grant.expired', true, true]);
  });

  it('lets an approver revoke early (at the source at once); outsiders cannot', async () => {
    const created = await request(dev, 'quick-db', 600);
    await approve(sre2, created.id);
    const { role } = await roleOf(dev, created.id);
    expect(await hubErrorCode(() => hub.revoke(outsider.view.id, created.id, {}, outsider.proof('POST', 'x')))).toBe('FORBIDDEN');
    expect(await hubErrorCode(() => hub.cancel(dev.view.id, created.id, dev.proof('POST', 'x')))).toBe('INVALID_STATE');

    const revoked = await hub.revoke(sre1.view.id, created.id, { comment: 'incident closed' }, sre1.proof('POST', `/v1/requests/${created.id}/revoke`));
    expect(revoked).toMatchObject({ state: 'revoked', decidedBy: sre1.view.id, decidedByName: 'Sre One', comment: 'incident closed' });
    expect(Date.parse(revoked.endsAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(await roleExists(db.server, role)).toBe(false);
    expect(await hubErrorCode(() => hub.revoke(sre1.view.id, created.id, {}, sre1.proof('POST', 'x')))).toBe('INVALID_STATE');
    expect(await hubErrorCode(() => hub.credential(dev.view.id, created.id))).toBe('INVALID_STATE');
  });

  it('denies (approvers only) and cancels (requester only)', async () => {
    const toDeny = await request(dev, 'orders-db', 600);
    expect(await hubErrorCode(() => hub.deny(dev.view.id, toDeny.id, {}, dev.proof('POST', 'x')))).toBe('FORBIDDEN');
    expect(await hubErrorCode(() => hub.deny(outsider.view.id, toDeny.id, {}, outsider.proof('POST', 'x')))).toBe('FORBIDDEN');
    const denied = await hub.deny(sre1.view.id, toDeny.id, { comment: 'use the replica' }, sre1.proof('POST', `/v1/requests/${toDeny.id}/deny`));
    expect(denied).toMatchObject({ state: 'denied', decidedBy: sre1.view.id, comment: 'use the replica' });
    expect(await hubErrorCode(() => approve(sre2, toDeny.id))).toBe('INVALID_STATE');

    const toCancel = await request(dev, 'orders-db', 600);
    expect(await hubErrorCode(() => hub.cancel(sre1.view.id, toCancel.id, sre1.proof('POST', 'x')))).toBe('FORBIDDEN');
    const cancelled = await hub.cancel(dev.view.id, toCancel.id, dev.proof('POST', `/v1/requests/${toCancel.id}/cancel`));
    expect(cancelled).toMatchObject({ state: 'cancelled', decidedBy: dev.view.id });
    expect(await hubErrorCode(() => hub.cancel(dev.view.id, toCancel.id, dev.proof('POST', 'x')))).toBe('INVALID_STATE');
    expect(await hubErrorCode(() => hub.getRequest(dev.view.id, 'no-such-request'))).toBe('NOT_FOUND');
  });

  it('times out a request nobody decided', async () => {
    const created = await request(dev, 'quick-db', 60);
    const timedOut = await waitFor(async () => {
      const view = await hub.getRequest(dev.view.id, created.id);
      return view.state === 'timed-out' ? view : undefined;
    }, 10_000, 'time-out');
    expect(Date.parse(timedOut.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.pendingUntil));
    expect(await hubErrorCode(() => approve(sre1, created.id))).toBe('INVALID_STATE');
    const last = (await hub.audit(dev.view.id, { requestId: created.id })).at(-1);
    expect(last).toMatchObject({ action: 'request.timed-out', actorId: null, proof: null });
  });

  it('keeps a revocation owed when the source fails, and retries it with backoff until it succeeds', async () => {
    const created = await request(dev, 'flaky-db', 600);
    await approve(sre1, created.id);
    const { role } = await roleOf(dev, created.id);
    const revoked = await hub.revoke(dev.view.id, created.id, {}, dev.proof('POST', `/v1/requests/${created.id}/revoke`));
    expect(revoked.state).toBe('revoked');
    expect(revoked.revocationError).toMatch(/server restarting/);
    expect(await roleExists(db.server, role)).toBe(true);
    const done = await waitFor(async () => {
      const view = await hub.getRequest(dev.view.id, created.id);
      return view.revocationError === undefined ? view : undefined;
    }, 15_000, 'the retried revocation');
    expect(done.state).toBe('revoked');
    expect(await roleExists(db.server, role)).toBe(false);
    const actions = (await hub.audit(dev.view.id, { requestId: created.id })).map((e) => e.action);
    expect(actions.slice(-4)).toEqual(['grant.revoked', 'grant.revoke-failed', 'grant.revoke-failed', 'grant.revoked-at-source']);
    const grant = await db.pool.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM grants WHERE request_id = $1', [created.id]);
    expect(grant.rows[0]?.revoked_at).toBeInstanceOf(Date);
  });

  it('leaves the request pending when the source cannot mint (MINT_FAILED, approval not recorded)', async () => {
    const created = await request(dev, 'broken-db', 600);
    const error = await approve(sre1, created.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect(error).toMatchObject({ code: 'MINT_FAILED', status: 502 });
    expect((error as HubError).message).toMatch(/connection refused/);
    const view = await hub.getRequest(dev.view.id, created.id);
    expect(view).toMatchObject({ state: 'pending', approvals: [] });
    const last = (await hub.audit(sre1.view.id, { requestId: created.id })).at(-1);
    expect(last).toMatchObject({ action: 'grant.mint-failed', actorId: sre1.view.id, details: { approvalRecorded: false } });
    expect(last?.proof?.keyId).toBe(sre1.view.keyId);
  });

  it('delivers command-provider credentials under the resource id as env name, and revokes with the command', async () => {
    const created = await request(dev, 'deploy-token', 600);
    await approve(sre1, created.id);
    const credential = await hub.credential(dev.view.id, created.id);
    expect(openSealedValues(dev.sealingPrivateKeyPem, credential.sealed, created.id)).toEqual({ DEPLOY_TOKEN: 'tok-9f8e7d6c5b4a' });
    await hub.revoke(dev.view.id, created.id, {}, dev.proof('POST', 'x'));
    const revokedFile = join(commandDir, 'revoked');
    expect(existsSync(revokedFile)).toBe(true);
    expect(JSON.parse(readFileSync(revokedFile, 'utf8'))).toEqual({ id: created.id });
    passwords.push('tok-9f8e7d6c5b4a');
  });

  it('lists requests by scope and hides them from outsiders', async () => {
    const mine = await hub.listRequests(dev.view.id, { scope: 'mine' });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.requesterId === dev.view.id)).toBe(true);
    expect(mine.map((r) => r.createdAt)).toEqual([...mine.map((r) => r.createdAt)].sort().reverse());
    const review = await hub.listRequests(devAndSre.view.id, { scope: 'review' });
    expect(review.length).toBeGreaterThan(0);
    expect(review.every((r) => r.requesterId !== devAndSre.view.id)).toBe(true);
    const all = await hub.listRequests(devAndSre.view.id, { scope: 'all', states: ['revoked', 'expired'], limit: 2 });
    expect(all).toHaveLength(2);
    expect(all.every((r) => r.state === 'revoked' || r.state === 'expired')).toBe(true);
    expect(await hub.listRequests(outsider.view.id, { scope: 'all' })).toEqual([]);
    expect(await hubErrorCode(() => hub.getRequest(outsider.view.id, mine[0]?.id ?? ''))).toBe('FORBIDDEN');
    expect(await hubErrorCode(() => hub.listRequests(dev.view.id, { scope: 'all', states: ['bogus' as 'pending'] }))).toBe('INVALID_INPUT');
    expect(await hub.audit(outsider.view.id, {})).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'member.joined', actorId: outsider.view.id })]));
    expect((await hub.audit(outsider.view.id, {})).every((e) => e.actorId === outsider.view.id)).toBe(true);
  });

  it('ends the grants of a disabled member at once (the sweeper revokes them at the source)', async () => {
    const leaving = await joinMember(hub, db.pool, 'Leaving Dev', ['dev']);
    const created = await request(leaving, 'quick-db', 600);
    await approve(sre1, created.id);
    const { role } = await roleOf(leaving, created.id);
    const disabled = await disableMember(db.pool, leaving.view.id);
    expect(disabled.grantsEnded).toBe(1);
    const expired = await waitFor(async () => {
      const view = await hub.getRequest(sre1.view.id, created.id);
      return view.state === 'expired' ? view : undefined;
    }, 5_000, 'the grant to end');
    expect(Date.parse(expired.endsAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(await roleExists(db.server, role)).toBe(false);
    expect(await hubErrorCode(() => hub.credential(leaving.view.id, created.id))).toBe('UNKNOWN_MEMBER');
  });

  it('applies a swapped policy to new requests, and still revokes grants minted under the old one', async () => {
    const created = await request(dev, 'quick-db', 600);
    await approve(sre2, created.id);
    const { role } = await roleOf(dev, created.id);
    const original = testPolicy();
    try {
      hub.setPolicy({ version: 1, resources: new Map([...original.resources].filter(([id]) => id !== 'quick-db')) });
      expect(await hubErrorCode(() => request(dev, 'quick-db', 60))).toBe('UNKNOWN_RESOURCE');
      // The resource is gone from the policy: the requester can still end the grant, the way it was minted.
      const revoked = await hub.revoke(dev.view.id, created.id, {}, dev.proof('POST', 'x'));
      expect(revoked.state).toBe('revoked');
      expect(revoked.revocationError).toBeUndefined();
      expect(await roleExists(db.server, role)).toBe(false);
    } finally {
      hub.setPolicy(testPolicy([...policyExtras]));
    }
  });

  it('never stores or logs a credential', async () => {
    expect(passwords.length).toBeGreaterThan(3);
    const tables = ['members', 'invites', 'requests', 'approvals', 'grants', 'audit', 'nonces'];
    const dump = (await Promise.all(tables.map((t) => db.pool.query(`SELECT row_to_json(t)::text AS row FROM ${t} t`)))).flatMap((r) => r.rows.map((row: { row: string }) => row.row)).join('\n');
    const logs = JSON.stringify(hub.logger.lines);
    for (const secret of passwords) {
      expect(secret.length).toBeGreaterThan(8);
      expect(dump).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });
});
