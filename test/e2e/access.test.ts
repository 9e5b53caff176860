// Temporary production access end to end: a team hub (two instances on one PostgreSQL
// database), a requester (Ada) and an approver (Bob) with separate homes, brokers and
// keychains. Bob approves on his Access page in Chromium; Ada, connected to the OTHER hub
// instance, is told at once and her shell can query prod; when the grant ends the role is
// gone at the source even though the instance that minted it was killed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATCH_BIN, makeLatchHome, runLatch, type LatchHome } from '../integration/support/latch-home';
import { createTestHub, type HubInstance, type TestHub } from '../integration/support/hub-process';
import { startOwnKeyringBroker } from '../integration/support/own-keyring-broker';
import { asAdmin, requirePgServer } from '../integration/providers/pg-test-server';
import { ARTIFACTS_DIR, launchChromium, type BrowserSession } from './support/ui-session';

const POLICY = `version: 1
defaults:
  approvals: 1
  max_duration: 1h
  reason_required: true
  request_timeout: 10m
resources:
  orders-db:
    description: Production orders database, read-only
    provider:
      type: postgres
      server: prod
      grants:
        - SELECT ON ALL TABLES IN SCHEMA public
    requesters: [developers]
    approvers: [sre]
`;

const TEMPLATE = `version: 1
project: shop
secrets:
  PROD_DB_URL:
    class: prod
    description: Read-only access to the production orders database
    provider: { type: postgres, resource: orders-db }
  STRIPE_KEY: { class: stub, shape: stripe-secret-key }
`;

const GRANT_SECONDS = 40;

async function mintedRoles(): Promise<string[]> {
  const pg = requirePgServer();
  return asAdmin(pg, async (c) => (await c.query<{ rolname: string }>("SELECT rolname FROM pg_roles WHERE rolname LIKE 'latch\\_%' ORDER BY 1")).rows.map((r) => r.rolname));
}

function shot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

describe('temporary production access (two brokers, two hub instances, Chromium)', () => {
  let hub: TestHub;
  let instanceA: HubInstance;
  let instanceB: HubInstance;
  let ada: LatchHome;
  let bob: Awaited<ReturnType<typeof startOwnKeyringBroker>>;
  let projectDir: string;
  let ui: BrowserSession;

  beforeAll(async () => {
    hub = await createTestHub(requirePgServer(), POLICY);
    instanceA = await hub.start();
    instanceB = await hub.start();
    ada = makeLatchHome();
    bob = await startOwnKeyringBroker();
    projectDir = mkdtempSync(join(tmpdir(), 'latch-shop-'));
    writeFileSync(join(projectDir, 'latch.yaml'), TEMPLATE);
    expect((await runLatch(ada, ['project', 'add', projectDir])).code).toBe(0);
    const adaJoin = await runLatch(ada, ['hub', 'join', await hub.invite('ada', ['developers'], instanceA.url)]);
    expect(adaJoin.stderr).toBe('');
    expect(adaJoin.code).toBe(0);
    const bobJoin = await runLatch(bob, ['hub', 'join', await hub.invite('bob', ['sre'], instanceB.url)]);
    expect(bobJoin.code, bobJoin.stderr).toBe(0);
    ui = await launchChromium();
  });

  afterAll(async () => {
    await ui?.close();
    await bob?.cleanup();
    await ada?.cleanup();
    await hub?.cleanup();
    if (projectDir) rmSync(projectDir, { recursive: true, force: true });
  });

  it('refuses what the policy does not allow, with the reason', async () => {
    const over = await runLatch(ada, ['request', 'orders-db', '--for', '2h', '--reason', 'too long']);
    expect(over.code).toBe(11);
    expect(over.stderr).toMatch(/at most 1h/);
    const unknown = await runLatch(ada, ['request', 'billing-db', '--for', '10m', '--reason', 'no such resource']);
    expect(unknown.code).toBe(11);
    expect(unknown.stderr).toMatch(/billing-db/);
    const noReason = await runLatch(ada, ['request', 'orders-db', '--for', '10m', '--reason', '']);
    expect(noReason.code).toBe(11);
    expect(noReason.stderr).toMatch(/reason/i);
    const notARequester = await runLatch(bob, ['request', 'orders-db', '--for', '10m', '--reason', 'bob is sre only']);
    expect(notARequester.code).toBe(11);
    expect(notARequester.stderr).toMatch(/developers/);
  });

  it('without a grant the shell gets no prod value', async () => {
    const run = await runLatch(ada, ['run', '--project', projectDir, '--', 'sh', '-c', 'echo "prod=${PROD_DB_URL:-none} stub=${STRIPE_KEY:+set}"']);
    expect(run.stdout.trim()).toBe('prod=none stub=set');
  });

  it('Ada asks, Bob approves on his Access page, Ada is told at once and queries prod; at the end the role is gone', async () => {
    const before = await mintedRoles();
    // Ada waits for the decision through hub instance A.
    const waiting = spawn(process.execPath, [LATCH_BIN, 'request', 'orders-db', '--for', `${GRANT_SECONDS}s`, '--reason', 'INC-42: refunds stuck since 9:00', '--wait'], {
      env: ada.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let waitedOut = '';
    waiting.stdout.setEncoding('utf8').on('data', (d: string) => (waitedOut += d));
    const waited = new Promise<number>((resolve) => waiting.on('close', (code) => resolve(code ?? -1)));

    // Bob's broker hears about it (through instance B) and his UI shows it.
    const opened = await runLatch(bob, ['ui', '--no-open', '--detach']);
    expect(opened.code, opened.stderr).toBe(0);
    const { page } = ui;
    await page.goto(opened.stdout.trim());
    await page.getByTestId('nav-access').click();
    const card = page.locator('[data-testid^="review-req"], [data-testid^="review-"]').filter({ hasText: 'INC-42' }).first();
    await card.waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await runLatch(bob, ['hub', 'status', '--json'])).stdout).toMatch(/"pendingReviews": 1/);
    await shot(page, 'access-review');
    const approve = card.getByRole('button', { name: 'Approve' });
    const approvedAt = Date.now();
    await approve.click();
    await page.getByTestId('review-approved').waitFor();

    // Ada's `latch request --wait` returns as soon as the grant is active.
    expect(await waited).toBe(0);
    expect(Date.now() - approvedAt).toBeLessThan(10_000);
    expect(waitedOut).toMatch(/is active for 40s/);
    const roles = (await mintedRoles()).filter((r) => !before.includes(r));
    expect(roles).toHaveLength(1);

    // Ada's shell gets the credential and can read prod (and only read).
    const query = await runLatch(ada, ['run', '--project', projectDir, '--', 'sh', '-c', `${'/usr/lib/postgresql/15/bin/psql'} "$PROD_DB_URL" -tAc "select count(*) >= 0 from public.orders"`]);
    expect(query.stderr).toBe('');
    expect(query.stdout.trim()).toBe('t');
    const write = await runLatch(ada, ['run', '--project', projectDir, '--', 'sh', '-c', `${'/usr/lib/postgresql/15/bin/psql'} "$PROD_DB_URL" -tAc "delete from public.orders"`]);
    expect(write.stderr).toMatch(/permission denied/);

    // Bob's Access page shows it as active, and the history records every step.
    await page.reload();
    await page.getByTestId('access-requests').waitFor();
    await expect.poll(async () => page.locator('[data-testid^="access-row-"]').first().getAttribute('data-state')).toBe('active');
    await shot(page, 'access-active');

    // The instance Bob approved through (B) dies; instance A still revokes on time.
    await instanceB.stop('SIGKILL');
    await expect
      .poll(async () => (await mintedRoles()).filter((r) => roles.includes(r)), { timeout: (GRANT_SECONDS + 20) * 1000, interval: 500 })
      .toEqual([]);
    const list = JSON.parse((await runLatch(ada, ['access', 'ls', '--mine', '--json'])).stdout) as Array<{ state: string; resource: string }>;
    expect(list.find((r) => r.resource === 'orders-db' && r.state !== 'denied')?.state).toBe('expired');
    const after = await runLatch(ada, ['run', '--project', projectDir, '--', 'sh', '-c', 'echo "prod=${PROD_DB_URL:-none}"']);
    expect(after.stdout.trim()).toBe('prod=none');
  });

  it('keeps a verifiable, signed audit trail on the hub', async () => {
    const verify = await hub.latchHub(['audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    const trail = JSON.parse((await runLatch(ada, ['access', 'audit', '--json'])).stdout) as Array<{ action: string; signed: boolean }>;
    const actions = trail.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['request.created', 'request.approved', 'grant.minted', 'grant.expired']));
    expect(trail.find((e) => e.action === 'request.approved')?.signed).toBe(true);
  });
});
