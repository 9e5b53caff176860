import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeLatchHome, runLatch, type LatchHome } from '../../integration/support/latch-home';

export interface UiSession {
  home: LatchHome;
  /** One-time login URL printed by `latch ui`. */
  loginUrl: string;
  origin: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A private Latch user with the browser UI served by its broker (`latch ui --no-open --detach`).
 * `extraEnv` reaches the CLI and the broker it starts (e.g. `LATCH_SHELL` for shells).
 */
export async function startUi(extraEnv: NodeJS.ProcessEnv = {}): Promise<UiSession> {
  const home = makeLatchHome(extraEnv);
  const opened = await runLatch(home, ['ui', '--no-open', '--detach']);
  if (opened.code !== 0) throw new Error(`latch ui failed (${opened.code}): ${opened.stderr}`);
  const loginUrl = opened.stdout.trim();
  const url = new URL(loginUrl);
  return {
    home,
    loginUrl,
    origin: url.origin,
    port: Number(url.port),
    async stop() {
      await home.cleanup();
    },
  };
}

/** A fresh one-time login URL for the running UI. */
export async function newLoginUrl(session: UiSession): Promise<string> {
  const opened = await runLatch(session.home, ['ui', '--no-open', '--detach']);
  return opened.stdout.trim();
}

export interface BrowserSession {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium through playwright-core (Playwright gives it a throwaway profile). */
export async function launchChromium(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: process.env.LATCH_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  return {
    browser,
    page,
    async close() {
      await browser.close();
    },
  };
}

export const ARTIFACTS_DIR = join(import.meta.dirname, '..', '..', '..', 'test-results', 'screenshots');
