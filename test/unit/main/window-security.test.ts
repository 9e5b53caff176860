import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  mainWindowOptions,
  secureWebPreferences,
} from '../../../electron/main/window-security';

describe('window security', () => {
  it('uses the secure webPreferences from Electron’s checklist', () => {
    expect(secureWebPreferences('/app/preload.js')).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      preload: '/app/preload.js',
    });
    expect(mainWindowOptions('/p.js').webPreferences.sandbox).toBe(true);
    expect(mainWindowOptions('/p.js').show).toBe(false);
  });

  it('has a strict CSP: no inline or eval scripts, no framing, nothing remote', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('recognises only its own custom-protocol origin as the app', () => {
    expect(isAppUrl('latch-app://ui/index.html#/tokens')).toBe(true);
    for (const url of ['file:///app/index.html', 'latch-app://evil/index.html', 'https://ui/', 'http://127.0.0.1:5173/', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('accepts IPC only from the top frame of the app page', () => {
    expect(isTrustedSender({ url: 'latch-app://ui/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'latch-app://ui/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('opens externally only http(s) links without credentials', () => {
    expect(isSafeExternalUrl('https://docs.github.com/en/authentication')).toBe(true);
    expect(isSafeExternalUrl('http://wiki.internal/page')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'https://user:pw@example.com/', 'latch-app://ui/', 'vscode://file/x']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
