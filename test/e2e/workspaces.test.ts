import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE62_ALPHABET, crc32Base62Tail } from '../../shared/scan/checksums';
import { requireKeyring, runLatch, secretToolLookup } from '../integration/support/latch-home';
import { ARTIFACTS_DIR, launchChromium, startUi, type BrowserSession, type UiSession } from './support/ui-session';

/** A GitHub token with a valid CRC-32 tail, made at run time so no token sits in the repository. */
function githubToken(): string {
  let body = '';
  for (let i = 0; i < 30; i++) body += BASE62_ALPHABET[Math.floor(Math.random() * BASE62_ALPHABET.length)];
  return 'ghp' + '_' + body + crc32Base62Tail(body);
}

/** The whole page: <main> scrolls, so the viewport is stretched to its content for the picture. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? main.getBoundingClientRect().top + main.scrollHeight : document.documentElement.scrollHeight;
  });
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.ceil(height) });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
}

/** Toasts sit over the right-hand Fix column: clear them before clicking there. */
async function dismissToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Dismiss notification' });
  for (let round = 0; round < 10 && (await buttons.count()) > 0; round++) await buttons.first().click({ timeout: 2000 }).catch(() => undefined);
}

function findingRow(page: Page, file: string, state = 'open'): Locator {
  return page.locator(`[data-testid="finding-row"][data-file="${file}"][data-state="${state}"]`);
}

describe('Workspaces page: live secret warnings, against a real broker and keychain', () => {
  const tracked = githubToken();
  const saved = githubToken();
  const sample = githubToken();
  let session: UiSession;
  let browser: BrowserSession;
  let page: Page;
  let scratch: string;
  let dir: string;
  let editorLog: string;

  const htmlHasNoSecret = async () => {
    const html = await page.content();
    for (const value of [tracked, saved, sample]) expect(html).not.toContain(value);
  };

  beforeAll(async () => {
    requireKeyring();
    scratch = mkdtempSync(join(tmpdir(), 'latch-e2e-ws-'));
    // "Open in editor" runs $LATCH_EDITOR FILE: a script that records what it was asked to open.
    editorLog = join(scratch, 'editor.log');
    const editor = join(scratch, 'fake-editor');
    writeFileSync(editor, `#!/bin/sh\necho "$@" >> '${editorLog}'\n`);
    chmodSync(editor, 0o755);
    // A git repository with a committed config file holding a token: "already exposed".
    dir = join(scratch, 'payments-api');
    mkdirSync(join(dir, 'config'), { recursive: true });
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(join(dir, 'config', 'settings.json'), `{\n  "region": "eu-west-1",\n  "github_token": "${tracked}"\n}\n`);
    writeFileSync(join(dir, 'README.md'), '# payments-api\n');
    execFileSync('git', ['-C', dir, 'add', '.']);
    execFileSync('git', ['-C', dir, '-c', 'user.email=e2e@example.test', '-c', 'user.name=e2e', 'commit', '-qm', 'init']);
    session = await startUi({ LATCH_EDITOR: editor });
    browser = await launchChromium();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await session?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('starts empty, with a way to add a folder', async () => {
    await page.goto(session.loginUrl);
    await page.getByTestId('connection-state').and(page.locator('[data-state="connected"]')).waitFor();
    await page.getByTestId('nav-workspaces').click();
    await page.getByTestId('page-workspaces').waitFor();
    await page.getByTestId('empty-state').waitFor();
    await shot(page, 'workspaces-empty');
  });

  it('adds a folder through the UI: it is watched, and the committed token shows as already exposed', async () => {
    await page.getByTestId('add-workspace').first().click();
    await page.getByTestId('workspace-add-submit').click();
    await page.getByTestId('dialog-add-workspace').getByText('Enter the folder’s absolute path.').waitFor();
    await page.getByTestId('workspace-path-input').fill('relative/path');
    await page.getByTestId('workspace-add-submit').click();
    await page.getByTestId('dialog-add-workspace').getByText('Use an absolute path').waitFor();
    await page.getByTestId('workspace-path-input').fill(dir);
    await page.getByTestId('workspace-add-submit').click();
    await page.getByTestId('workspace-added').waitFor();

    const row = page.locator(`[data-testid="workspace-row"][data-path="${dir}"]`);
    await row.waitFor();
    await expect.poll(() => row.getByTestId('workspace-status').getAttribute('data-status')).toBe('watching');
    expect(Number(await row.getByTestId('workspace-files').textContent())).toBeGreaterThanOrEqual(2);
    await expect.poll(() => row.getByTestId('workspace-open').textContent()).toBe('1');

    const exposed = findingRow(page, join('config', 'settings.json'));
    await exposed.waitFor();
    expect(await exposed.getAttribute('data-tracked')).toBe('true');
    await exposed.getByTestId('finding-exposed').waitFor();
    const incident = page.getByTestId('finding-incident').first();
    expect(await incident.textContent()).toMatch(/rotate it at GitHub[\s\S]*git filter-repo[\s\S]*bfg/);
    expect(await exposed.getByTestId('finding-redacted').textContent()).toMatch(/^ghp_/);
    await htmlHasNoSecret();
  });

  it('shows a secret saved into .env within a second, without a reload, highlighted as new', async () => {
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    writeFileSync(join(dir, '.env'), `# local settings\nAPI_TOKEN=${saved}\nPORT=3000\n`);
    const row = findingRow(page, '.env');
    await row.waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await row.getAttribute('data-new')).toBe('true');
    await page.getByTestId('finding-opened').waitFor();
    expect(await row.getByTestId('finding-location').textContent()).toBe('.env:2');
    expect(await row.getByTestId('finding-severity').getAttribute('data-severity')).toMatch(/critical|high/);
    expect(await row.getByTestId('finding-rule').textContent()).toContain('github');
    const preview = (await row.getByTestId('finding-redacted').textContent()) ?? '';
    expect(preview.startsWith('ghp_')).toBe(true);
    expect(saved).not.toContain(preview);
    for (const action of ['move-to-keychain', 'gitignore', 'ignore', 'open-in-editor']) await row.getByTestId(`fix-${action}`).waitFor();
    await expect.poll(() => page.getByTestId('findings-count-open').textContent()).toBe('2');
    await expect.poll(() => page.getByTestId('metric-open').textContent()).toBe('2');
    await htmlHasNoSecret();
    await shot(page, 'workspaces');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'workspaces-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 760 });
    await shot(page, 'workspaces-narrow');
    if (viewport) await page.setViewportSize(viewport);
  });

  it('moves the .env value to the keychain after confirmation: out of the file, into the Secret Service', async () => {
    const row = findingRow(page, '.env');
    await dismissToasts(page);
    await row.getByTestId('fix-move-to-keychain').click();
    const dialog = page.getByTestId('dialog-move-to-keychain');
    await dialog.waitFor();
    await htmlHasNoSecret();
    await shot(page, 'workspaces-move-dialog');
    // Cancelling changes nothing.
    await dialog.getByTestId('dialog-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    expect(readFileSync(join(dir, '.env'), 'utf8')).toContain(saved);

    await row.getByTestId('fix-move-to-keychain').click();
    await page.getByTestId('move-confirm').click();
    await page.getByTestId('fix-result').filter({ hasText: 'ws-api-token' }).waitFor();
    await row.waitFor({ state: 'detached' });

    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('# local settings\nAPI_TOKEN=\nPORT=3000\n');
    const tokens = JSON.parse((await runLatch(session.home, ['token', 'ls', '--json'])).stdout) as Array<{ name: string; id: string }>;
    const moved = tokens.find((t) => t.name === 'ws-api-token');
    expect(moved).toBeDefined();
    expect(secretToolLookup('latch', moved!.id)).toBe(saved);

    await page.getByTestId('findings-tab-fixed').click();
    const fixed = findingRow(page, '.env', 'fixed');
    await fixed.waitFor();
    await expect.poll(() => page.getByTestId('metric-fixed').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('metric-median').textContent()).not.toBe('—');
    await htmlHasNoSecret();
    await shot(page, 'workspaces-fixed');
  });

  it('ignores a finding: its fingerprint lands in .latchignore and it moves to the Ignored tab', async () => {
    await page.getByTestId('findings-tab-open').click();
    writeFileSync(join(dir, 'docs-sample.txt'), `sample token for the docs: ${sample}\n`);
    const row = findingRow(page, 'docs-sample.txt');
    await row.waitFor({ timeout: 5000 });
    const fingerprint = await row.getAttribute('data-fingerprint');
    expect(fingerprint).toMatch(/^[0-9a-f]{8,64}$/);
    // The toast's "Show" takes keyboard focus to the new row.
    await page.getByTestId('finding-opened').filter({ hasText: 'docs-sample.txt' }).getByTestId('finding-opened-show').click();
    await expect.poll(() => row.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await dismissToasts(page);
    // Only .env and config files can be moved to the keychain.
    expect(await row.getByTestId('fix-move-to-keychain').count()).toBe(0);
    await row.getByTestId('fix-ignore').click();
    await page.getByTestId('fix-result').filter({ hasText: '.latchignore' }).waitFor();
    await row.waitFor({ state: 'detached' });
    expect(readFileSync(join(dir, '.latchignore'), 'utf8')).toContain(`fingerprint:${fingerprint}`);

    // Keyboard: the tabs follow the arrow keys.
    await page.getByTestId('findings-tab-open').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('findings-tab-ignored').getAttribute('aria-selected')).toBe('true');
    await findingRow(page, 'docs-sample.txt', 'ignored').waitFor();
    await expect.poll(() => page.getByTestId('metric-ignored').textContent()).toBe('1');
    await htmlHasNoSecret();
    await shot(page, 'workspaces-ignored');
  });

  it('adds a tracked file to .gitignore (saying it must also leave git) and opens a finding in the editor', async () => {
    await page.getByTestId('findings-tab-open').click();
    const row = findingRow(page, join('config', 'settings.json'));
    await dismissToasts(page);
    await row.getByTestId('fix-gitignore').click();
    await page.getByTestId('fix-result').filter({ hasText: 'git rm --cached' }).waitFor();
    expect(readFileSync(join(dir, '.gitignore'), 'utf8').split('\n')).toContain('config/settings.json');

    await dismissToasts(page);
    await row.getByTestId('fix-open-in-editor').click();
    await page.getByTestId('fix-result').filter({ hasText: 'settings.json:3' }).waitFor();
    await expect.poll(() => (existsSync(editorLog) ? readFileSync(editorLog, 'utf8') : '')).toContain(join(dir, 'config', 'settings.json'));
    await htmlHasNoSecret();
  });

  it('stops watching a folder after confirmation; its findings stay as history', async () => {
    await page.locator(`[data-testid="workspace-row"][data-path="${dir}"]`).getByTestId('workspace-remove').click();
    await page.getByTestId('workspace-remove-confirm').click();
    await page.getByTestId('workspace-removed').waitFor();
    await page.locator(`[data-testid="workspace-row"][data-path="${dir}"]`).waitFor({ state: 'detached' });
    const listed = JSON.parse((await runLatch(session.home, ['workspace', 'ls', '--json'])).stdout) as Array<{ path: string }>;
    expect(listed.map((w) => w.path)).not.toContain(dir);
    await findingRow(page, join('config', 'settings.json')).waitFor();
    await htmlHasNoSecret();
  });

  it('shows a degraded watcher prominently, with what to run', async () => {
    expect((await runLatch(session.home, ['workspace', 'add', dir])).code).toBe(0);
    // The inotify limit is machine-wide: rather than exhaust it, put the broker's own message for
    // it into the real workspace.list answers on their way to the page.
    const problem = 'the inotify watch limit was hit: saved files are not rescanned live (degraded). Raise it: sudo sysctl fs.inotify.max_user_watches=524288';
    await page.routeWebSocket(/\/ws$/, (socket) => {
      const server = socket.connectToServer();
      const listCalls = new Set<number>();
      socket.onMessage((message) => {
        const frame = JSON.parse(String(message)) as { id?: number; method?: string };
        if (frame.method === 'workspace.list' && typeof frame.id === 'number') listCalls.add(frame.id);
        server.send(message);
      });
      server.onMessage((message) => {
        const frame = JSON.parse(String(message)) as { id?: number; result?: { ok: boolean; value?: Array<Record<string, unknown>> } };
        if (typeof frame.id === 'number' && listCalls.has(frame.id) && frame.result?.ok && frame.result.value) {
          frame.result.value = frame.result.value.map((ws) => ({ ...ws, problem }));
          socket.send(JSON.stringify(frame));
          return;
        }
        socket.send(message);
      });
    });
    await page.reload();
    await page.getByTestId('workspaces-degraded').waitFor();
    const row = page.locator(`[data-testid="workspace-row"][data-path="${dir}"]`);
    expect(await row.getByTestId('workspace-status').getAttribute('data-status')).toBe('degraded');
    expect(await page.getByTestId('workspace-problem').textContent()).toContain('sudo sysctl fs.inotify.max_user_watches=524288');
    await htmlHasNoSecret();
    await shot(page, 'workspaces-degraded');
  });
});
