import type { z } from 'zod';
import { isMethodName, METHODS, type MethodName, type MethodOutput, type MethodParsedInput } from './methods';
import type { ResponseFrame } from './frames';
import { ContractFailure, err, ok, type Result } from './result';

export type Handler<M extends MethodName, Ctx> = (
  input: MethodParsedInput<M>,
  ctx: Ctx,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

export type Handlers<Ctx> = { [M in MethodName]: Handler<M, Ctx> };

export interface DispatchHooks {
  /** Called for unexpected exceptions (not ContractFailure). Must not log the params. */
  onInternalError?: (method: string, error: unknown) => void;
  /** Called after every call with its outcome code ('OK' or an error code). */
  onCall?: (method: string, code: string, durationMs: number) => void;
}

export type Dispatcher<Ctx> = {
  /** Validate and run one raw incoming message. Never throws. */
  handleMessage(raw: unknown, ctx: Ctx): Promise<ResponseFrame>;
  /** Run one method by name with unvalidated params. Never throws. */
  call(method: string, params: unknown, ctx: Ctx): Promise<Result<unknown>>;
};

/** Human-readable summary of zod issues: `field.path: message; …` — never includes the input values. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function issueDetails(issues: readonly z.core.$ZodIssue[]): Array<{ path: string; message: string; code: string }> {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, code: issue.code }));
}

function frameId(raw: unknown): number | string | null {
  if (typeof raw === 'object' && raw !== null && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'number' || typeof id === 'string') return id;
  }
  return null;
}

export function createDispatcher<Ctx>(handlers: Handlers<Ctx>, hooks: DispatchHooks = {}): Dispatcher<Ctx> {
  async function call(method: string, params: unknown, ctx: Ctx): Promise<Result<unknown>> {
    const started = Date.now();
    const result = await run(method, params, ctx);
    hooks.onCall?.(method, result.ok ? 'OK' : result.error.code, Date.now() - started);
    return result;
  }

  async function run(method: string, params: unknown, ctx: Ctx): Promise<Result<unknown>> {
    if (!isMethodName(method)) return err('UNKNOWN_METHOD', `unknown method "${method.slice(0, 80)}"`);
    const spec = METHODS[method];
    const parsed = spec.input.safeParse(params ?? {});
    if (!parsed.success) {
      return err('INVALID_INPUT', `${method}: ${describeIssues(parsed.error.issues)}`, issueDetails(parsed.error.issues));
    }
    try {
      const handler = handlers[method] as (input: unknown, ctx: Ctx) => unknown;
      const value = await handler(parsed.data, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        hooks.onInternalError?.(method, new Error(`output failed its schema: ${describeIssues(checked.error.issues)}`));
        return err('INTERNAL', `${method}: the broker produced an invalid response`);
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof ContractFailure) return err(error.code, error.message, error.details);
      hooks.onInternalError?.(method, error);
      return err('INTERNAL', `${method}: internal error (see the broker log)`);
    }
  }

  async function handleMessage(raw: unknown, ctx: Ctx): Promise<ResponseFrame> {
    const id = frameId(raw);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { type: 'response', id, result: err('INVALID_INPUT', 'message must be a JSON object') };
    }
    const frame = raw as Record<string, unknown>;
    if (frame.type !== 'request') {
      return { type: 'response', id, result: err('INVALID_INPUT', 'message type must be "request"') };
    }
    if (id === null) {
      return { type: 'response', id, result: err('INVALID_INPUT', 'request needs an "id" (number or string)') };
    }
    if (typeof frame.method !== 'string') {
      return { type: 'response', id, result: err('INVALID_INPUT', 'request needs a "method" string') };
    }
    return { type: 'response', id, result: await call(frame.method, frame.params, ctx) };
  }

  return { handleMessage, call };
}
