import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireKeyring, runLatch } from '../integration/support/latch-home';
import { ARTIFACTS_DIR, launchChromium, startUi, type BrowserSession, type UiSession } from './support/ui-session';

const GH_VALUE = 'ghp_' + 'sHeLLe2e'.repeat(4) + 'Wq7y';

function template(project: string, ttl: string): string {
  return `version: 1
project: ${project}
description: Shells end-to-end fixture
defaults: { ttl: ${ttl}, maxTtl: 1h }
secrets:
  STRIPE_SECRET_KEY: { class: stub, shape: stripe-secret-key, description: Stripe test-mode key }
  GITHUB_TOKEN: { class: personal, token: gh-shell, shape: github-pat, description: GitHub packages }
  PROD_DB_URL:
    class: prod
    description: Production database (never injected without an approved request)
    provider: { type: postgres, resource: prod-db, grants: [SELECT ON ALL TABLES IN SCHEMA public] }
`;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

function terminalText(page: Page): Promise<string> {
  return page.getByTestId('terminal').innerText();
}

async function typeLine(page: Page, line: string): Promise<void> {
  await page.getByTestId('terminal').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

function seconds(page: Page): Promise<number> {
  return page
    .getByTestId('lease-countdown')
    .getAttribute('data-seconds')
    .then((s) => Number(s));
}

describe('Shells page, against a real broker with real shells', () => {
  let session: UiSession;
  let browser: BrowserSession;
  let page: Page;
  let root: string;

  beforeAll(async () => {
    requireKeyring();
    root = mkdtempSync(join(tmpdir(), 'latch-e2e-shells-'));
    for (const [name, ttl] of [
      ['e2e-shells', '10m'],
      ['e2e-short', '12s'],
    ] as const) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'latch.yaml'), template(name, ttl));
    }
    session = await startUi({ LATCH_SHELL: 'bash --noprofile --norc -i' });
    expect((await runLatch(session.home, ['token', 'add', 'gh-shell', '--kind', 'github'], GH_VALUE)).code).toBe(0);
    expect((await runLatch(session.home, ['project', 'add', join(root, 'e2e-shells')])).code).toBe(0);
    expect((await runLatch(session.home, ['project', 'add', join(root, 'e2e-short')])).code).toBe(0);
    browser = await launchChromium();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await session?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('opens a dev shell from the Projects page and lands in its terminal', async () => {
    await page.goto(session.loginUrl);
    await page.getByTestId('nav-projects').click();
    await page.getByTestId('project-item-e2e-shells').click();
    await page.getByTestId('project-detail').and(page.locator('[data-project="e2e-shells"]')).waitFor();
    await page.getByTestId('project-open-shell').click();
    await page.waitForURL(/#\/shells\?shell=sh_/);
    await page.getByTestId('terminal').and(page.locator('[data-ready="true"]')).waitFor();
    await expect.poll(() => terminalText(page)).toContain('secrets injected until');
    expect(await page.getByTestId('lease-state').getAttribute('data-state')).toBe('active');
  });

  it('masks an injected value in the terminal; the page never holds it', async () => {
    await typeLine(page, 'echo "token=$GITHUB_TOKEN length=${#GITHUB_TOKEN}"');
    await expect.poll(() => terminalText(page)).toContain(`token=<concealed:GITHUB_TOKEN> length=${GH_VALUE.length}`);
    await typeLine(page, 'echo "prod=${PROD_DB_URL:-not-injected}"');
    await expect.poll(() => terminalText(page)).toContain('prod=not-injected');
    expect(await page.content()).not.toContain(GH_VALUE);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(GH_VALUE);
  });

  it('keeps Tab for the shell (completion) and lets Shift+Tab leave the terminal', async () => {
    const inTerminal = () => page.evaluate(() => document.activeElement?.closest('[data-testid="terminal"]') != null);
    await page.getByTestId('terminal').click();
    await page.keyboard.type('ech');
    await page.keyboard.press('Tab');
    await expect.poll(() => terminalText(page)).toMatch(/# echo\s*$/m);
    expect(await inTerminal()).toBe(true);
    await page.keyboard.press('Control+U');
    await page.keyboard.press('Shift+Tab');
    expect(await inTerminal()).toBe(false);
  });

  it('counts down, renews (expiry moves later) and shows the renewal', async () => {
    const first = await seconds(page);
    expect(first).toBeGreaterThan(500);
    expect(first).toBeLessThanOrEqual(600);
    await expect.poll(() => seconds(page), { timeout: 5000 }).toBeLessThan(first);
    const before = Date.parse((await page.getByTestId('lease-expires-at').getAttribute('datetime')) ?? '');
    await page.getByTestId('lease-renew').click();
    await page.getByTestId('lease-renewed').waitFor();
    await expect.poll(() => page.getByTestId('lease-renewals').textContent()).toBe('1');
    const after = Date.parse((await page.getByTestId('lease-expires-at').getAttribute('datetime')) ?? '');
    expect(after).toBeGreaterThan(before);
    await shot(page, 'shells-terminal');
  });

  it('revokes the lease: the shell ends and the page says so', async () => {
    await page.getByTestId('lease-revoke').click();
    await page.getByTestId('lease-revoke-confirm').click();
    await page.getByTestId('shell-ended').waitFor();
    await expect.poll(() => page.getByTestId('lease-state').getAttribute('data-state')).toBe('revoked');
    await expect.poll(() => page.getByTestId('shell-ended').getAttribute('data-exited')).toBe('true');
    expect(await page.getByTestId('shell-ended').textContent()).toContain('Lease revoked');
    expect(await page.getByTestId('terminal').getAttribute('data-ended')).toBe('true');
    expect(await page.getByTestId('lease-renew').count()).toBe(0);
    await expect.poll(() => terminalText(page)).toContain('ending this shell');
    const leases = JSON.parse((await runLatch(session.home, ['lease', 'ls', '--json'])).stdout) as Array<{
      project: string;
      state: string;
    }>;
    expect(leases.filter((l) => l.project === 'e2e-shells').map((l) => l.state)).toEqual(['revoked']);
    await shot(page, 'shells-ended');
  });

  it('opens a shell from `#/shells?project=<id>` (the tray’s link), once, then closes it', async () => {
    await page.goto(new URL('/#/shells?project=e2e-shells', session.origin).href);
    await page.waitForURL(/#\/shells\?shell=sh_/);
    await page.getByTestId('terminal').and(page.locator('[data-ready="true"]')).waitFor();
    const shellId = new URL(page.url()).hash.split('shell=')[1] as string;
    expect(await page.getByTestId('shell-view').getAttribute('data-shell')).toBe(shellId);
    await expect.poll(() => page.locator('[data-testid^="shell-item-"][data-live="true"]').count()).toBe(1);
    await typeLine(page, 'echo "stub=$STRIPE_SECRET_KEY"');
    await expect.poll(() => terminalText(page)).toContain('stub=<concealed:STRIPE_SECRET_KEY>');
    await page.getByTestId('shell-close').click();
    await page.getByTestId('shell-close-confirm').click();
    await page.getByTestId('shell-ended').waitFor();
    await expect.poll(() => page.getByTestId('lease-state').getAttribute('data-state')).toBe('revoked');
  });

  it('warns before a lease expires, then shows the expired shell', async () => {
    await page.goto(new URL('/#/shells?project=e2e-short', session.origin).href);
    await page.waitForURL(/#\/shells\?shell=sh_/);
    await page.getByTestId('terminal').and(page.locator('[data-ready="true"]')).waitFor();
    expect(await seconds(page)).toBeLessThanOrEqual(12);
    // A 12 s lease warns 5 s before its end.
    await page.getByTestId('lease-expiring-warning').waitFor({ timeout: 15_000 });
    await page.getByTestId('lease-expiring-toast').waitFor();
    expect(await page.getByTestId('lease-state').getAttribute('data-state')).toBe('expiring');
    await page.getByTestId('shell-ended').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('lease-state').getAttribute('data-state')).toBe('expired');
    expect(await page.getByTestId('shell-ended').textContent()).toContain('Lease expired');
  });

  it('opens a shell for a chosen project from the Open shell dialog', async () => {
    await page.getByTestId('open-shell').click();
    await page.getByTestId('open-shell-project').selectOption('e2e-shells');
    await page.getByTestId('open-shell-confirm').click();
    await page.waitForURL(/#\/shells\?shell=sh_/);
    await page.getByTestId('terminal').and(page.locator('[data-ready="true"]')).waitFor();
    expect(await page.getByTestId('shell-view').getAttribute('data-ended')).toBe('false');
    await expect.poll(() => page.locator('[data-testid^="shell-item-"]').count()).toBe(4);
    await page.getByTestId('lease-revoke').click();
    await page.getByTestId('lease-revoke-confirm').click();
    await page.getByTestId('shell-ended').waitFor();
  });
});
