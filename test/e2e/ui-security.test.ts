import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { requireKeyring } from '../integration/support/latch-home';
import { newLoginUrl, startUi, type UiSession } from './support/ui-session';

interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function login(session: UiSession): Promise<string> {
  const url = new URL(await newLoginUrl(session));
  const res = await get(session.port, url.pathname + url.search);
  expect(res.status).toBe(200);
  const cookie = (res.headers['set-cookie'] as string[])[0] as string;
  return cookie.split(';')[0] as string;
}

function openWs(port: number, headers: Record<string, string>): Promise<{ ws: WebSocket | null; status: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers });
    ws.once('open', () => resolve({ ws, status: null }));
    ws.once('unexpected-response', (_req, res) => resolve({ ws: null, status: res.statusCode ?? 0 }));
    ws.once('error', () => resolve({ ws: null, status: -1 }));
  });
}

describe('browser transport security', () => {
  let session: UiSession;
  beforeAll(async () => {
    requireKeyring();
    session = await startUi();
  });
  afterAll(() => session.stop());

  it('listens on 127.0.0.1 and prints a one-time login URL', () => {
    expect(session.loginUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('serves nothing before authentication except the login redirect', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/ws', '/#/tokens']) {
      const res = await get(session.port, path);
      expect(res.status, path).toBe(401);
      expect(res.body).toContain('latch ui');
    }
  });

  it('refuses a wrong or missing token', async () => {
    expect((await get(session.port, '/login')).status).toBe(401);
    expect((await get(session.port, '/login?token=wrong')).status).toBe(401);
    const real = new URL(session.loginUrl).searchParams.get('token') as string;
    const tampered = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
    expect((await get(session.port, `/login?token=${tampered}`)).status).toBe(401);
  });

  it('exchanges the token once for an HttpOnly SameSite=Strict cookie, and refuses a replay', async () => {
    const url = new URL(await newLoginUrl(session));
    const first = await get(session.port, url.pathname + url.search);
    // The answer is the app itself (it drops the spent address as it starts), not a redirect.
    expect(first.status).toBe(200);
    expect(first.headers.location).toBeUndefined();
    expect(first.body).toContain('<div id="root">');
    const cookie = (first.headers['set-cookie'] as string[])[0] as string;
    expect(cookie).toMatch(/^latch_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const replay = await get(session.port, url.pathname + url.search);
    expect(replay.status).toBe(401);
    expect(replay.headers['set-cookie']).toBeUndefined();
    const page = await get(session.port, '/', { Cookie: cookie.split(';')[0] as string });
    expect([200, 503]).toContain(page.status);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('refuses a forged session cookie', async () => {
    const res = await get(session.port, '/', { Cookie: 'latch_session=' + 'A'.repeat(43) });
    expect(res.status).toBe(401);
  });

  it('refuses a request whose Host is not loopback (DNS rebinding), even with a valid cookie', async () => {
    const cookie = await login(session);
    for (const host of ['evil.example', `evil.example:${session.port}`, '127.0.0.1.evil.example', `localhost:${session.port + 1}`]) {
      const res = await get(session.port, '/', { Host: host, Cookie: cookie });
      expect(res.status, host).toBe(421);
    }
    expect((await get(session.port, '/', { Host: `localhost:${session.port}`, Cookie: cookie })).status).not.toBe(421);
  });

  it('accepts a WebSocket from its own origin with the session cookie, and it speaks the contract', async () => {
    const cookie = await login(session);
    const { ws } = await openWs(session.port, { Cookie: cookie, Origin: `http://127.0.0.1:${session.port}` });
    expect(ws).not.toBeNull();
    const reply = await new Promise<string>((resolve) => {
      ws!.on('message', (data) => {
        const text = data.toString();
        if (text.includes('"response"')) resolve(text);
      });
      ws!.send(JSON.stringify({ type: 'request', id: 1, method: 'system.status', params: {} }));
    });
    expect(JSON.parse(reply)).toMatchObject({ type: 'response', id: 1, result: { ok: true, value: { keychain: { available: true } } } });
    ws!.close();
  });

  it('refuses a WebSocket from another Origin, without a cookie, or with a foreign Host', async () => {
    const cookie = await login(session);
    const own = `http://127.0.0.1:${session.port}`;
    expect((await openWs(session.port, { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await openWs(session.port, { Cookie: cookie, Origin: `http://localhost:${session.port}` })).status).toBe(403);
    expect((await openWs(session.port, { Cookie: cookie })).status).toBe(403);
    expect((await openWs(session.port, { Origin: own })).status).toBe(401);
    expect((await openWs(session.port, { Cookie: cookie, Origin: own, Host: 'evil.example' })).status).toBe(421);
  });
});
