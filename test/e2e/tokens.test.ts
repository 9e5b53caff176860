import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireKeyring, runLatch, secretToolLookup } from '../integration/support/latch-home';
import { ARTIFACTS_DIR, launchChromium, startUi, type BrowserSession, type UiSession } from './support/ui-session';

const VALUE = 'ghp_' + 'e2eValue'.repeat(4) + 'Zz9x';
const ROTATED = 'ghp_' + 'rotated1'.repeat(4) + 'Yy8w';

async function tokenId(session: UiSession, name: string): Promise<string> {
  return (JSON.parse((await runLatch(session.home, ['token', 'show', name, '--json'])).stdout) as { id: string }).id;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

describe('Tokens and Audit pages, against a real broker and keychain', () => {
  let session: UiSession;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    requireKeyring();
    session = await startUi();
    browser = await launchChromium();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await session?.stop();
  });

  it('signs in with the printed one-time URL and lands on the app', async () => {
    await page.goto(session.loginUrl);
    // The spent /login?token=… address is replaced by / as the app starts.
    expect(new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).search).toBe('');
    // The token list came embedded in the page (read once, then removed from the DOM).
    expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.name ?? '')).toContain('/login?token=');
    expect(await page.locator('#latch-boot').count()).toBe(0);
    await page.getByTestId('nav-tokens').click();
    await page.getByTestId('connection-state').and(page.locator('[data-state="connected"]')).waitFor();
    await page.getByTestId('empty-state').waitFor();
    await shot(page, 'tokens-empty');
  });

  it('adds a token: it lands in the Secret Service and its value is not in the DOM', async () => {
    await page.getByTestId('add-token').first().click();
    await page.getByTestId('token-form-name').fill('github-e2e');
    await page.getByTestId('token-form-value').fill(VALUE);
    await page.getByTestId('token-form-kind').fill('github');
    await page.getByTestId('token-form-owner').fill('me');
    await page.getByTestId('token-form-submit').click();
    await page.getByTestId('token-row-github-e2e').waitFor();
    expect(secretToolLookup('latch', await tokenId(session, 'github-e2e'))).toBe(VALUE);
    expect(await page.content()).not.toContain(VALUE);
    await shot(page, 'tokens');
  });

  it('reveals the value only after confirmation, and hides it again', async () => {
    await page.getByTestId('reveal-github-e2e').click();
    expect(await page.content()).not.toContain(VALUE);
    await page.getByTestId('reveal-confirm').click();
    await expect.poll(() => page.getByTestId('revealed-value').inputValue().catch(() => page.getByTestId('revealed-value').textContent())).toContain(VALUE);
    await shot(page, 'tokens-revealed');
    await page.getByTestId('hide-revealed').click();
    await expect.poll(async () => (await page.content()).includes(VALUE)).toBe(false);
  });

  it('rotates: the keychain holds the new value', async () => {
    await page.getByTestId('rotate-github-e2e').click();
    await page.getByTestId('rotate-value').fill(ROTATED);
    await page.getByTestId('rotate-confirm').click();
    await page.getByTestId('token-rotated').waitFor();
    expect(secretToolLookup('latch', await tokenId(session, 'github-e2e'))).toBe(ROTATED);
    expect(await page.content()).not.toContain(ROTATED);
  });

  it('removes after typing the name: the value leaves the keychain', async () => {
    const id = await tokenId(session, 'github-e2e');
    await page.getByTestId('remove-github-e2e').click();
    await page.getByTestId('remove-confirm-input').fill('github-e2e');
    await page.getByTestId('remove-confirm').click();
    await page.getByTestId('token-row-github-e2e').waitFor({ state: 'detached' });
    expect(secretToolLookup('latch', id)).toBeNull();
  });

  it('shows each action on the Audit page, and verifies the chain', async () => {
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    for (const action of ['token.add', 'token.reveal', 'token.rotate', 'token.remove']) expect(actions).toContain(action);
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').getAttribute('data-ok')).toBe('true');
    expect(await page.content()).not.toContain(VALUE);
    await shot(page, 'audit');
  });

  it('shows the broker and keychain health', async () => {
    await page.getByTestId('nav-health').click();
    await expect.poll(() => page.getByTestId('health-keychain-state').getAttribute('data-available')).toBe('true');
    await shot(page, 'health');
    for (const name of ['projects', 'shells', 'workspaces', 'access']) {
      await page.getByTestId(`nav-${name}`).click();
      await page.getByTestId(`page-${name}`).waitFor();
      await shot(page, `page-${name}`);
    }
  });
});
