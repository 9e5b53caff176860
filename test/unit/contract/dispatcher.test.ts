import { describe, expect, it } from 'vitest';
import {
  ContractFailure,
  createDispatcher,
  METHOD_NAMES,
  METHODS,
  type Handlers,
  type MethodName,
  type Result,
} from '../../../shared/contract';
import { VALID_INPUTS } from './samples';

interface Ctx {
  calls: Array<{ method: string; input: unknown }>;
}

/** Handlers that record what reached them and answer NOT_FOUND (valid for every output schema). */
function recordingHandlers(): Handlers<Ctx> {
  const entries = METHOD_NAMES.map((method) => [
    method,
    (input: unknown, ctx: Ctx) => {
      ctx.calls.push({ method, input });
      throw new ContractFailure('NOT_FOUND', `${method} reached`);
    },
  ]);
  return Object.fromEntries(entries) as unknown as Handlers<Ctx>;
}

function expectInvalid(result: Result<unknown>, method: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe('INVALID_INPUT');
  expect(result.error.message.startsWith(`${method}: `)).toBe(true);
  return result.error.message;
}

/** Values of the wrong type for a field whose valid sample is `sample`. */
function wrongTypesFor(sample: unknown): unknown[] {
  if (typeof sample === 'string') return [42, true, null, { a: 1 }, ['x']];
  if (typeof sample === 'number') return ['7', 1.5, -1e12, true, null];
  if (Array.isArray(sample)) return ['a,b', 3, [1, 2], { 0: 'x' }];
  if (typeof sample === 'object' && sample !== null) return ['x', 3, [], null];
  return ['x', 3, {}];
}

describe('contract dispatcher', () => {
  const dispatcher = createDispatcher(recordingHandlers());

  it('has a valid sample input for every method', () => {
    expect(Object.keys(VALID_INPUTS).sort()).toEqual([...METHOD_NAMES].sort());
  });

  describe.each(METHOD_NAMES)('%s', (method: MethodName) => {
    const valid = VALID_INPUTS[method] as Record<string, unknown>;

    it('passes a valid input, parsed, to its handler', async () => {
      const ctx: Ctx = { calls: [] };
      const result = await dispatcher.call(method, valid, ctx);
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: `${method} reached` } });
      expect(ctx.calls).toEqual([{ method, input: valid }]);
    });

    it.each([['a string', 'nope'], ['a number', 12], ['an array', []], ['true', true]])(
      'rejects %s as params',
      async (_label, params) => {
        const ctx: Ctx = { calls: [] };
        expectInvalid(await dispatcher.call(method, params, ctx), method);
        expect(ctx.calls).toEqual([]);
      },
    );

    it('rejects an unknown field, naming it', async () => {
      const ctx: Ctx = { calls: [] };
      const message = expectInvalid(await dispatcher.call(method, { ...valid, surprise: 1 }, ctx), method);
      expect(message).toContain('surprise');
      expect(ctx.calls).toEqual([]);
    });

    for (const [field, sample] of Object.entries(valid)) {
      it(`rejects wrong types for "${field}", naming the field`, async () => {
        for (const wrong of wrongTypesFor(sample)) {
          const ctx: Ctx = { calls: [] };
          const result = await dispatcher.call(method, { ...valid, [field]: wrong }, ctx);
          if (result.ok || result.error.code !== 'INVALID_INPUT') {
            // Some "wrong" values are legal for optional nullable fields (e.g. expiresAt: null).
            const schemaAccepts = METHODS[method].input.safeParse({ ...valid, [field]: wrong }).success;
            expect(schemaAccepts).toBe(true);
            continue;
          }
          expect(result.error.message).toContain(field);
          expect(ctx.calls).toEqual([]);
        }
      });
    }

    const required = Object.keys(valid).filter(
      (field) => !METHODS[method].input.safeParse(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== field))).success,
    );
    for (const field of required) {
      it(`rejects a missing "${field}"`, async () => {
        const ctx: Ctx = { calls: [] };
        const { [field]: _dropped, ...rest } = valid;
        const message = expectInvalid(await dispatcher.call(method, rest, ctx), method);
        expect(message).toContain(field);
      });
    }
  });

  it('never echoes a secret value in a validation error', async () => {
    const secret = 'ghp_' + 'Z'.repeat(200_000);
    const result = await dispatcher.call('token.add', { name: 'x', value: secret }, { calls: [] });
    const text = JSON.stringify(result);
    expect(result.ok).toBe(false);
    expect(text).not.toContain('ZZZZZZZZ');
  });

  it('rejects a bad token name with the rule, not the value', async () => {
    const result = await dispatcher.call('token.get', { name: 'Bad Name!' }, { calls: [] });
    const message = expectInvalid(result, 'token.get');
    expect(message).toContain('name: must be 1-64 chars');
    expect(message).not.toContain('Bad Name!');
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const result = await dispatcher.call('token.steal', {}, { calls: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it.each([
    ['null', null, 'message must be a JSON object'],
    ['an array', [1], 'message must be a JSON object'],
    ['a response frame', { type: 'response', id: 1 }, 'message type must be "request"'],
    ['a request without id', { type: 'request', method: 'system.status' }, 'request needs an "id"'],
    ['a request without method', { type: 'request', id: 3 }, 'request needs a "method"'],
  ])('answers %s with INVALID_INPUT and never throws', async (_label, raw, message) => {
    const frame = await dispatcher.handleMessage(raw, { calls: [] });
    expect(frame.type).toBe('response');
    expect(frame.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } });
  });

  it('pairs the response id with the request id', async () => {
    const frame = await dispatcher.handleMessage({ type: 'request', id: 'abc', method: 'system.status', params: {} }, { calls: [] });
    expect(frame.id).toBe('abc');
  });

  it('turns an unexpected exception into INTERNAL without its message', async () => {
    const errors: string[] = [];
    const handlers = recordingHandlers();
    handlers['token.list'] = () => {
      throw new Error('boom with secret-xyz');
    };
    const d = createDispatcher(handlers, { onInternalError: (method) => errors.push(method) });
    const result = await d.call('token.list', {}, { calls: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret-xyz');
    expect(errors).toEqual(['token.list']);
  });

  it('refuses a handler output that breaks its schema, and strips unknown fields from valid ones', async () => {
    const handlers = recordingHandlers();
    handlers['system.shutdown'] = () => ({ stopping: false }) as never;
    handlers['audit.verify'] = () => ({ ok: true, checked: 1, firstBadSeq: null, problem: null, leaked: 'x' }) as never;
    const d = createDispatcher(handlers);
    expect(await d.call('system.shutdown', {}, { calls: [] })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const verified = await d.call('audit.verify', {}, { calls: [] });
    expect(verified).toEqual({ ok: true, value: { ok: true, checked: 1, firstBadSeq: null, problem: null } });
  });
});
