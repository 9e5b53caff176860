// Electron main: lifecycle, tray, window, notifications and the IPC bridge. Thin by design:
// every decision that can be a pure function lives beside it (tray-menu, window-security,
// notifications) and is unit tested; all secret handling is in the broker.
import { app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, protocol, session, shell, Tray, type MenuItemConstructorOptions } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { EventFrame, Result } from '../../shared/contract';
import { isMethodName } from '../../shared/contract/methods';
import { resolvePaths } from '../broker/paths';
import type { BrokerClient } from '../cli/broker-client';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../preload/bridge-api';
import { connectBroker } from './broker-link';
import { notificationFor } from './notifications';
import { buildTrayMenu, trayTitle, type TrayAction, type TrayMenuItem, type TrayState } from './tray-menu';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl, isSafeExternalUrl, isTrustedSender, mainWindowOptions } from './window-security';

declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
const devServer = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
const rendererDir = join(import.meta.dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME);

let window: BrowserWindow | null = null;
let tray: Tray | null = null;
let broker: BrokerClient | null = null;
let trayState: TrayState = { connected: false, projects: [], pendingAccessRequests: 0, reviews: [], openFindings: 0, activeLeases: 0, locked: false };

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow('#/tokens'));
  app.whenReady().then(start, (error: unknown) => {
    console.error('Latch failed to start:', error instanceof Error ? error.message : String(error));
    app.quit();
  });
}

function trusted(url: string): boolean {
  return isAppUrl(url) || (devServer !== undefined && url.startsWith(devServer));
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
    const file = join(rendererDir, relative);
    if (!file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'clipboard-sanitized-write'));

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, params: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    const isMainFrame = frame !== null && frame === event.sender.mainFrame;
    if (!isTrustedSender(frame ? { url: devServer && frame.url.startsWith(devServer) ? APP_ORIGIN + '/' : frame.url, isMainFrame } : null)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'IPC refused: message did not come from the Latch window' } };
    }
    if (typeof method !== 'string' || !isMethodName(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'unknown method' } };
    if (!broker) return { ok: false, error: { code: 'BROKER_UNAVAILABLE', message: 'not connected to the Latch broker' } };
    return broker.call(method, params as never);
  });

  tray = new Tray(nativeImage.createEmpty());
  tray.on('click', () => showWindow('#/tokens'));
  await connect();
}

async function connect(): Promise<void> {
  const paths = resolvePaths();
  try {
    broker = await connectBroker(paths.socketPath, join(import.meta.dirname, 'broker.js'));
    broker.onEvent(onBrokerEvent);
    broker.onClose(() => {
      broker = null;
      trayState = { ...trayState, connected: false };
      renderTray();
    });
    trayState = { ...trayState, connected: true };
    await refreshTrayState();
  } catch (error) {
    new Notification({ title: 'Latch', body: `Could not start the broker: ${error instanceof Error ? error.message : String(error)}` }).show();
  }
  renderTray();
}

/**
 * Tray state from the broker: projects (with missing secrets), open findings, live leases,
 * access reviews. The reviews are a round trip to the team hub: only when they may have changed.
 */
async function refreshTrayState(reviewsToo = true): Promise<void> {
  if (!broker) return;
  const [projects, metrics, leases, access] = await Promise.all([
    broker.call('project.list', {}),
    broker.call('workspace.metrics', {}),
    broker.call('lease.list', {}),
    broker.call('access.status', {}),
  ]);
  // Only members of a hub have reviews; the hub may be unreachable (keep what we had).
  const reviews = reviewsToo && access.ok && access.value.joined ? await broker.call('access.list', { scope: 'review', states: ['pending'] }) : null;
  trayState = {
    ...trayState,
    connected: true,
    projects: projects.ok ? projects.value.map((p) => ({ id: p.id, name: p.name, missing: p.counts.missing })) : trayState.projects,
    openFindings: metrics.ok ? metrics.value.open : trayState.openFindings,
    activeLeases: leases.ok ? leases.value.filter((l) => l.state === 'active' || l.state === 'expiring').length : trayState.activeLeases,
    pendingAccessRequests: access.ok ? access.value.pendingReviews : trayState.pendingAccessRequests,
    reviews: reviews?.ok
      ? reviews.value.filter((r) => r.canReview).map((r) => ({ id: r.id, requesterName: r.requesterName, resource: r.resource, requestedSeconds: r.requestedSeconds, reason: r.reason }))
      : access.ok && !access.value.joined
        ? []
        : trayState.reviews,
  };
  renderTray();
}

function onBrokerEvent(frame: EventFrame): void {
  window?.webContents.send(IPC_EVENT_CHANNEL, { event: frame.event, payload: frame.payload });
  const text = notificationFor(frame.event, frame.payload);
  if (text && Notification.isSupported()) {
    const notification = new Notification({ title: text.title, body: text.body });
    notification.on('click', () => showWindow(text.route));
    notification.show();
  }
  if (frame.event !== 'shell.output' && frame.event !== 'audit.appended') void refreshTrayState(frame.event.startsWith('access.'));
}

function toMenuTemplate(items: TrayMenuItem[]): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.type === 'separator') return { type: 'separator' };
    if (item.type === 'submenu') return { label: item.label, submenu: toMenuTemplate(item.items) };
    return { label: item.label, enabled: item.enabled, click: () => void runTrayAction(item.action) };
  });
}

function renderTray(): void {
  if (!tray) return;
  tray.setToolTip(trayTitle(trayState));
  tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(buildTrayMenu(trayState))));
}

async function runTrayAction(action: TrayAction): Promise<void> {
  switch (action.kind) {
    case 'open-window':
      return showWindow(action.route);
    case 'open-shell':
      return showWindow(`#/shells?project=${encodeURIComponent(action.projectId)}`);
    case 'lock':
      await broker?.call('system.lock', {});
      trayState = { ...trayState, locked: true, activeLeases: 0 };
      return renderTray();
    case 'approve':
    case 'deny': {
      const result =
        action.kind === 'approve'
          ? await broker?.call('access.approve', { id: action.requestId, ...(action.durationSeconds !== undefined && { durationSeconds: action.durationSeconds }) })
          : await broker?.call('access.deny', { id: action.requestId, comment: 'denied from the tray' });
      if (result && !result.ok) new Notification({ title: 'Latch: could not decide', body: result.error.message }).show();
      return refreshTrayState();
    }
    case 'reconnect':
      return connect();
    case 'quit':
      app.quit();
  }
}

function showWindow(route: string): void {
  if (!window) {
    window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, 'preload.js')));
    const contents = window.webContents;
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!trusted(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    window.once('ready-to-show', () => window?.show());
    window.on('closed', () => {
      window = null;
    });
  }
  const base = devServer ?? `${APP_ORIGIN}/index.html`;
  void window.loadURL(`${base}${route}`);
  window.focus();
}

// A tray app keeps running with no window open.
app.on('window-all-closed', () => undefined);
