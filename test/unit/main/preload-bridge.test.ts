import { describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../../../shared/contract/events';
import { METHOD_NAMES, type MethodName } from '../../../shared/contract/methods';
import { buildBridgeApi } from '../../../electron/preload/bridge-api';

function fakeTransport() {
  const invoked: Array<{ method: string; params: unknown }> = [];
  let emit: (event: string, payload: unknown) => void = () => {};
  let unsubscribed = 0;
  return {
    invoked,
    emit: (event: string, payload: unknown) => emit(event, payload),
    get unsubscribed() {
      return unsubscribed;
    },
    transport: {
      invoke: async (method: MethodName, params: unknown) => {
        invoked.push({ method, params });
        return { ok: true as const, value: { method } };
      },
      subscribe: (listener: (event: string, payload: unknown) => void) => {
        emit = listener;
        return () => {
          unsubscribed++;
        };
      },
    },
  };
}

describe('preload bridge (window.latch)', () => {
  it('exposes exactly the contract’s methods, and nothing raw', () => {
    const api = buildBridgeApi(METHOD_NAMES, EVENT_NAMES, fakeTransport().transport);
    expect([...api.methods].sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(api).sort()).toEqual(['call', 'methods', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards every contract method to IPC', async () => {
    const fake = fakeTransport();
    const api = buildBridgeApi(METHOD_NAMES, EVENT_NAMES, fake.transport);
    for (const method of METHOD_NAMES) {
      await expect(api.call(method, {} as never)).resolves.toEqual({ ok: true, value: { method } });
    }
    expect(fake.invoked.map((c) => c.method)).toEqual(METHOD_NAMES);
  });

  it('refuses a method outside the contract without touching IPC', async () => {
    const fake = fakeTransport();
    const api = buildBridgeApi(METHOD_NAMES, EVENT_NAMES, fake.transport);
    const result = await api.call('shell.openExternal' as MethodName, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(fake.invoked).toEqual([]);
  });

  it('delivers event payloads without Electron’s event object and returns an unsubscribe', () => {
    const fake = fakeTransport();
    const api = buildBridgeApi(METHOD_NAMES, EVENT_NAMES, fake.transport);
    const received: unknown[][] = [];
    const off = api.on('token.changed', (...args: unknown[]) => received.push(args));
    fake.emit('token.changed', { name: 'gh', change: 'added' });
    fake.emit('audit.appended', { seq: 1, action: 'x', outcome: 'ok' });
    expect(received).toEqual([[{ name: 'gh', change: 'added' }]]);
    off();
    expect(fake.unsubscribed).toBe(1);
    expect(() => api.on('no.such.event' as never, () => {})).toThrow(/unknown event/);
  });
});
