import { describe, expect, it } from 'vitest';
import type { LatchApi } from '../../../shared/contract/api';
import { connectionLabel } from '../../../renderer/api/connection-state';
import { createIpcConnection, type IpcDeps } from '../../../renderer/api/ipc-connection';
import { createSocketConnection, type SocketDeps, type SocketLike } from '../../../renderer/api/socket-connection';

/** Timers we fire by hand, a clock we move by hand. */
function manualClock() {
  let now = 1_000_000;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimeout(fn: () => void, ms: number) {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle: unknown) {
      timers.delete(handle as number);
    },
    random: () => 0.5,
    /** Move the clock and fire what is due. */
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.fn();
        }
      }
    },
    pending: () => timers.size,
  };
}

class FakeSocket implements SocketLike {
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  sent: Array<{ id: number; method: string; params: unknown }> = [];
  send(text: string) {
    this.sent.push(JSON.parse(text) as { id: number; method: string; params: unknown });
  }
  close() {
    this.onclose?.({ code: 1000, reason: '' });
  }
  open() {
    this.onopen?.();
  }
  reply(id: number, result: unknown) {
    this.onmessage?.({ data: JSON.stringify({ type: 'response', id, result }) });
  }
  event(event: string, payload: unknown) {
    this.onmessage?.({ data: JSON.stringify({ type: 'event', event, payload }) });
  }
  drop(code = 1006) {
    this.onclose?.({ code, reason: '' });
  }
}

function socketHarness() {
  const clock = manualClock();
  const sockets: FakeSocket[] = [];
  const deps: SocketDeps = {
    open: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    now: clock.now,
    random: clock.random,
  };
  const connection = createSocketConnection('ws://127.0.0.1:1/ws', deps);
  const last = () => sockets[sockets.length - 1] as FakeSocket;
  return { clock, sockets, connection, last };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('socket connection', () => {
  it('starts connecting, then connected with epoch 1', () => {
    const { connection, last } = socketHarness();
    expect(connection.getSnapshot()).toEqual({ state: { kind: 'connecting', transport: 'websocket' }, epoch: 0 });
    last().open();
    expect(connection.getSnapshot()).toEqual({ state: { kind: 'connected', transport: 'websocket' }, epoch: 1 });
  });

  it('holds calls made while the socket opens and sends them once open', async () => {
    const { connection, last } = socketHarness();
    const pending = connection.api.call('token.list', {});
    expect(last().sent).toEqual([]);
    last().open();
    await flush();
    const [request] = last().sent;
    expect(request).toMatchObject({ method: 'token.list', params: {} });
    last().reply(request?.id ?? -1, { ok: true, value: [] });
    await expect(pending).resolves.toEqual({ ok: true, value: [] });
  });

  it('reconnects with backoff after a drop, keeps event listeners, and bumps the epoch', async () => {
    const { connection, sockets, last, clock } = socketHarness();
    const seen: string[] = [];
    connection.api.on('token.changed', (p) => seen.push(`${p.name}:${p.change}`));
    last().open();
    last().event('token.changed', { name: 'a', change: 'added' });

    const inflight = connection.api.call('token.list', {});
    last().drop();
    await expect(inflight).resolves.toMatchObject({ ok: false, error: { code: 'BROKER_UNAVAILABLE' } });
    const state = connection.getSnapshot().state;
    expect(state).toMatchObject({ kind: 'reconnecting', attempt: 1, retryAt: clock.now() + 500 });
    expect(connection.getSnapshot().epoch).toBe(1);

    // While waiting, calls fail at once instead of hanging.
    await expect(connection.api.call('token.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'BROKER_UNAVAILABLE' } });

    clock.advance(499);
    expect(sockets).toHaveLength(1);
    clock.advance(1);
    expect(sockets).toHaveLength(2);
    last().drop(); // second attempt fails too: the delay doubles
    expect(connection.getSnapshot().state).toMatchObject({ kind: 'reconnecting', attempt: 2, retryAt: clock.now() + 1000 });
    clock.advance(1000);
    last().open();
    expect(connection.getSnapshot()).toEqual({ state: { kind: 'connected', transport: 'websocket' }, epoch: 2 });
    last().event('token.changed', { name: 'b', change: 'removed' });
    expect(seen).toEqual(['a:added', 'b:removed']);
  });

  it('retries at once on retryNow and stops for good on close', () => {
    const { connection, sockets, last, clock } = socketHarness();
    last().drop();
    expect(sockets).toHaveLength(1);
    connection.retryNow();
    expect(sockets).toHaveLength(2);
    expect(clock.pending()).toBe(0);
    connection.close();
    expect(sockets).toHaveLength(2);
    expect(clock.pending()).toBe(0);
  });

  it('explains a refused session and a stopping broker', () => {
    const { connection, last, clock } = socketHarness();
    last().drop(4401);
    expect(connection.getSnapshot().state).toMatchObject({ reason: expect.stringContaining('refused') });
    clock.advance(500);
    last().open();
    last().event('broker.stopping', { reason: 'latch daemon stop' });
    expect(connection.getSnapshot().state).toEqual({ kind: 'stopping', transport: 'websocket', reason: 'latch daemon stop' });
    last().drop();
    expect(connection.getSnapshot().state).toMatchObject({ kind: 'reconnecting', reason: expect.stringContaining('latch daemon stop') });
  });

  it('unsubscribes listeners', () => {
    const { connection, last } = socketHarness();
    last().open();
    const seen: unknown[] = [];
    const off = connection.api.on('audit.appended', (p) => seen.push(p));
    last().event('audit.appended', { seq: 1, action: 'x', outcome: 'ok' });
    off();
    last().event('audit.appended', { seq: 2, action: 'x', outcome: 'ok' });
    expect(seen).toHaveLength(1);
  });
});

describe('ipc connection', () => {
  function ipcHarness(answers: Array<'ok' | 'down'>) {
    const clock = manualClock();
    const calls: string[] = [];
    const listeners = new Map<string, (payload: unknown) => void>();
    const latch: LatchApi = {
      call: (method) => {
        calls.push(method);
        const answer = answers.shift() ?? 'ok';
        return Promise.resolve(
          answer === 'ok'
            ? ({ ok: true, value: {} } as never)
            : ({ ok: false, error: { code: 'BROKER_UNAVAILABLE', message: 'the broker is not running' } } as never),
        );
      },
      on: (event, listener) => {
        listeners.set(event, listener as (payload: unknown) => void);
        return () => listeners.delete(event);
      },
    };
    const deps: IpcDeps = { setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, now: clock.now, random: clock.random };
    return { connection: createIpcConnection(latch, deps), clock, calls, listeners };
  }

  it('is connected from the start', () => {
    const { connection } = ipcHarness([]);
    expect(connection.getSnapshot()).toEqual({ state: { kind: 'connected', transport: 'ipc' }, epoch: 1 });
  });

  it('goes to reconnecting on BROKER_UNAVAILABLE and probes system.status until it answers', async () => {
    const { connection, clock, calls } = ipcHarness(['down', 'down', 'ok']);
    await connection.api.call('token.list', {});
    expect(connection.getSnapshot().state).toMatchObject({ kind: 'reconnecting', transport: 'ipc', attempt: 1 });
    clock.advance(500);
    await flush();
    expect(calls).toEqual(['token.list', 'system.status']);
    expect(connection.getSnapshot().state).toMatchObject({ kind: 'reconnecting', attempt: 2 });
    clock.advance(1000);
    await flush();
    expect(connection.getSnapshot()).toEqual({ state: { kind: 'connected', transport: 'ipc' }, epoch: 2 });
  });

  it('treats broker.stopping as a lost broker', () => {
    const { connection, listeners } = ipcHarness([]);
    listeners.get('broker.stopping')?.({ reason: 'quit from the tray' });
    expect(connection.getSnapshot().state).toMatchObject({ kind: 'reconnecting', reason: expect.stringContaining('quit from the tray') });
  });
});

describe('connectionLabel', () => {
  it('counts down while reconnecting', () => {
    const state = { kind: 'reconnecting', transport: 'websocket', attempt: 1, retryAt: 10_000, reason: 'gone' } as const;
    expect(connectionLabel(state, 7_500)).toMatchObject({ text: 'Disconnected — reconnecting in 3 s', tone: 'bad', detail: 'gone' });
    expect(connectionLabel(state, 10_000).text).toBe('Disconnected — reconnecting…');
  });
  it('labels the other states', () => {
    expect(connectionLabel({ kind: 'connected', transport: 'ipc' }, 0)).toMatchObject({ text: 'Connected', tone: 'ok' });
    expect(connectionLabel({ kind: 'connecting', transport: 'websocket' }, 0).text).toBe('Connecting…');
    expect(connectionLabel({ kind: 'unavailable', reason: 'r' }, 0).tone).toBe('bad');
    expect(connectionLabel({ kind: 'stopping', transport: 'ipc', reason: 'r' }, 0).tone).toBe('warn');
  });
});
