import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireKeyring, runLatch, secretToolLookup } from '../integration/support/latch-home';
import { ARTIFACTS_DIR, launchChromium, startUi, type BrowserSession, type UiSession } from './support/ui-session';

const GH_VALUE = 'ghp_' + 'pRoJe2e'.repeat(5) + 'Qz9x1';

const TEMPLATE = `version: 1
project: e2e-payments
description: Payments service (checkout, refunds, payouts)
defaults: { ttl: 10m, maxTtl: 1h }
secrets:
  STRIPE_SECRET_KEY:
    class: stub
    description: Stripe API key for local development (test mode)
    owner: payments-team
    docs: https://wiki.example.com/payments/stripe
    rotation: 90d
    shape: stripe-secret-key
  GITHUB_TOKEN:
    class: personal
    description: Pulls private packages from GitHub
    token: gh-e2e
    shape: github-pat
  PROD_DB_URL:
    class: prod
    description: Read-only access to the production database
    owner: payments-oncall
    provider: { type: postgres, resource: prod-db, grants: [SELECT ON ALL TABLES IN SCHEMA public] }
    ttl: 30m
    maxTtl: 2h
`;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

async function tokenId(session: UiSession, name: string): Promise<string> {
  return (JSON.parse((await runLatch(session.home, ['token', 'show', name, '--json'])).stdout) as { id: string }).id;
}

function status(page: Page, name: string): Promise<string | null> {
  return page.getByTestId(`secret-status-${name}`).getAttribute('data-status');
}

describe('Projects page, against a real broker and keychain', () => {
  let session: UiSession;
  let browser: BrowserSession;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    requireKeyring();
    dir = mkdtempSync(join(tmpdir(), 'latch-e2e-project-'));
    writeFileSync(join(dir, 'latch.yaml'), TEMPLATE);
    session = await startUi();
    browser = await launchChromium();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a project by its folder and shows each secret’s status for this developer', async () => {
    await page.goto(session.loginUrl);
    await page.getByTestId('nav-projects').click();
    await page.getByTestId('page-projects').getByTestId('empty-state').waitFor();
    await page.getByTestId('add-project').click();
    await page.getByTestId('project-path-input').fill('relative/path');
    await page.getByTestId('project-add-submit').click();
    await page.getByTestId('dialog-add-project').getByText('Use an absolute path').waitFor();
    await page.getByTestId('project-path-input').fill(dir);
    await page.getByTestId('project-add-submit').click();
    await page.getByTestId('project-detail').and(page.locator('[data-project="e2e-payments"]')).waitFor();
    await page.getByTestId('secrets-table').waitFor();
    expect(await status(page, 'STRIPE_SECRET_KEY')).toBe('stub');
    expect(await status(page, 'GITHUB_TOKEN')).toBe('missing-token');
    expect(await status(page, 'PROD_DB_URL')).toBe('needs-access');
    expect(await page.getByTestId('secret-hint-GITHUB_TOKEN').textContent()).toContain('latch token add gh-e2e');
    await page.getByTestId('missing-tokens').waitFor();
    const docs = page.getByTestId('docs-STRIPE_SECRET_KEY');
    expect(await docs.getAttribute('href')).toBe('https://wiki.example.com/payments/stripe');
    expect(await docs.getAttribute('target')).toBe('_blank');
    expect(await docs.getAttribute('rel')).toContain('noopener');
    expect(await page.getByTestId('secret-row-STRIPE_SECRET_KEY').textContent()).toContain('payments-team');
    expect(new URL(page.url()).hash).toBe('#/projects?project=e2e-payments');
    await shot(page, 'projects-missing-token');
  });

  it('refuses to open a shell while a personal token is missing, and says which', async () => {
    await page.getByTestId('project-open-shell').click();
    await page.getByTestId('project-shell-error').waitFor();
    const text = await page.getByTestId('project-shell-error').textContent();
    expect(text).toContain('latch token add gh-e2e');
    expect(await page.getByTestId('project-shell-error').getByTestId('error-banner').getAttribute('data-code')).toBe('NOT_FOUND');
  });

  it('adds the missing token from the page: prefilled name, value to the keychain, status turns ready live', async () => {
    await page.getByTestId('add-token-GITHUB_TOKEN').click();
    expect(await page.getByTestId('project-token-name').inputValue()).toBe('gh-e2e');
    expect(await page.getByTestId('project-token-kind').inputValue()).toBe('github');
    await page.getByTestId('project-token-value').fill(GH_VALUE);
    await shot(page, 'projects-add-token');
    await page.getByTestId('project-token-submit').click();
    await page.getByTestId('project-token-added').waitFor();
    await expect.poll(() => status(page, 'GITHUB_TOKEN')).toBe('ready');
    await page.getByTestId('missing-tokens').waitFor({ state: 'detached' });
    expect(secretToolLookup('latch', await tokenId(session, 'gh-e2e'))).toBe(GH_VALUE);
    expect(await page.content()).not.toContain(GH_VALUE);
    await shot(page, 'projects-detail');
  });

  it('follows tokens changed elsewhere (token.changed): removing it from the CLI turns the status back', async () => {
    expect((await runLatch(session.home, ['token', 'rm', 'gh-e2e', '--yes'])).code).toBe(0);
    await expect.poll(() => status(page, 'GITHUB_TOKEN')).toBe('missing-token');
    expect((await runLatch(session.home, ['token', 'add', 'gh-e2e'], GH_VALUE)).code).toBe(0);
    await expect.poll(() => status(page, 'GITHUB_TOKEN')).toBe('ready');
  });

  it('shows a stub only when asked, and rotates it', async () => {
    expect(await page.getByTestId('page-projects').textContent()).not.toContain('sk_test_');
    await page.getByTestId('show-stub-STRIPE_SECRET_KEY').click();
    const first = (await page.getByTestId('stub-value').textContent()) ?? '';
    expect(first).toMatch(/^sk_test_/);
    await shot(page, 'projects-show-stub');
    await page.getByTestId('stub-hide').click();
    await page.getByTestId('dialog-show-stub').waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(first);

    await page.getByTestId('rotate-stub-STRIPE_SECRET_KEY').click();
    await page.getByTestId('rotate-stub-confirm').click();
    await page.getByTestId('stub-rotated').waitFor();
    await page.getByTestId('show-stub-STRIPE_SECRET_KEY').click();
    const second = (await page.getByTestId('stub-value').textContent()) ?? '';
    expect(second).toMatch(/^sk_test_/);
    expect(second).not.toBe(first);
    await page.getByTestId('stub-hide').click();
    // The rotation date feeds the "rotation due" column (last rotation + 90 d).
    await expect.poll(async () => (await page.getByTestId('secret-row-STRIPE_SECRET_KEY').locator('time').count()) > 0).toBe(true);
  });

  it('refreshes when the template changes on disk (project.changed) and shows errors as FILE:LINE:COL', async () => {
    const file = join(dir, 'latch.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('class: prod', 'class: production'));
    await page.getByTestId('template-errors').waitFor();
    const line = (await page.getByTestId('template-error').first().textContent()) ?? '';
    expect(line).toMatch(new RegExp(`latch\\.yaml:\\d+:\\d+: .*production`));
    expect(await page.getByTestId('project-open-shell').isDisabled()).toBe(true);
    await shot(page, 'projects-template-error');
    writeFileSync(file, good);
    await page.getByTestId('template-errors').waitFor({ state: 'detached' });
    await page.getByTestId('secrets-table').waitFor();
    expect(await status(page, 'PROD_DB_URL')).toBe('needs-access');
  });

  it('shows the gallery of built-in stub shapes, each with an example', async () => {
    await page.getByTestId('projects-tab-shapes').click();
    await page.getByTestId('stub-shape-github-pat').waitFor();
    expect(await page.getByTestId('stub-shape-github-pat').textContent()).toContain('ghp_');
    const count = await page.locator('[data-testid^="stub-shape-"]').and(page.locator('li')).count();
    expect(count).toBeGreaterThan(20);
    await page.getByTestId('stub-shape-filter').fill('stripe secret');
    await page.getByTestId('stub-shape-stripe-secret-key').waitFor();
    await expect.poll(() => page.locator('li[data-testid^="stub-shape-"]').count()).toBeLessThan(count);
    await page.getByTestId('stub-shape-filter').fill('');
    await shot(page, 'projects-stub-shapes');
    await page.getByTestId('projects-tab-projects').click();
    await page.getByTestId('project-detail').waitFor();
  });

  it('removes the project (its files untouched)', async () => {
    await page.getByTestId('project-remove').click();
    await page.getByTestId('project-remove-confirm').click();
    await page.getByTestId('project-removed').waitFor();
    await page.getByTestId('page-projects').getByTestId('empty-state').waitFor();
    const listed = JSON.parse((await runLatch(session.home, ['project', 'ls', '--json'])).stdout) as unknown[];
    expect(listed).toEqual([]);
    expect(readFileSync(join(dir, 'latch.yaml'), 'utf8')).toBe(TEMPLATE);
  });
});
