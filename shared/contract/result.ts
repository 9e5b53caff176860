import type { ContractError, ErrorCode } from './errors';

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: ContractError };
export type Result<T> = Ok<T> | Err;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: string, details?: unknown): Err {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } };
}

/** Thrown inside handlers to fail with a stable code; the dispatcher turns it into an `Err`. */
export class ContractFailure extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ContractFailure';
    this.code = code;
    this.details = details;
  }
}
