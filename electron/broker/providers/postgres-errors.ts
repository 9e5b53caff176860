// Turns what `pg` throws into a ProviderError: retryable when the server may be reachable
// later (refused, reset, timeouts, shutting down, too many connections), not retryable for
// permission and SQL errors. Messages never carry secrets: known secret strings are redacted
// and statement text, DETAIL and HINT are never included.

import { ProviderError } from './provider';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** Messages `pg` throws without a code when a connection or read times out or drops. */
const TRANSIENT_MESSAGES = [
  'connection terminated',
  'connection timeout',
  'query read timeout',
  'timeout expired',
  'timeout exceeded',
];

/** SQLSTATEs worth retrying: connection exceptions, resources, shutdown, conflicts, timeouts. */
function isTransientSqlState(code: string): boolean {
  return (
    code.startsWith('08') ||
    code.startsWith('53') ||
    ['57P01', '57P02', '57P03', '57014', '40001', '40P01', '55P03', '58000', '58030'].includes(code)
  );
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** A ProviderError that keeps the server's SQLSTATE (e.g. 42704: the role does not exist). */
export class PostgresProviderError extends ProviderError {
  constructor(
    message: string,
    retryable: boolean,
    readonly sqlState?: string,
  ) {
    super(message, retryable);
  }
}
const MAX_DETAIL = 200;

export interface ErrorContext {
  host: string;
  port: number;
  /** Strings that must never appear in a message (passwords, verifiers). */
  secrets: readonly string[];
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Replace every known secret in a text, then cut it to a readable length. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length > 0) result = result.split(secret).join('[redacted]');
  result = result.replace(/\s+/g, ' ').trim();
  return result.length > MAX_DETAIL ? `${result.slice(0, MAX_DETAIL)}…` : result;
}

export function toProviderError(operation: string, error: unknown, context: ErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const where = `${context.host}:${context.port}`;
  const code = errorCode(error);
  const rawMessage = error instanceof Error ? error.message : String(error);
  if (code !== undefined && NETWORK_CODES.has(code)) {
    return new ProviderError(`postgres provider: ${operation} failed: cannot reach ${where} (${code})`, true);
  }
  if (code !== undefined && SQLSTATE.test(code)) {
    const message = `postgres provider: ${operation} failed on ${where}: ${redact(rawMessage, context.secrets)} (SQLSTATE ${code})`;
    return new PostgresProviderError(message, isTransientSqlState(code), code);
  }
  const lower = rawMessage.toLowerCase();
  if (TRANSIENT_MESSAGES.some((fragment) => lower.includes(fragment))) {
    return new ProviderError(`postgres provider: ${operation} failed: ${where}: ${redact(rawMessage, context.secrets)}`, true);
  }
  return new ProviderError(`postgres provider: ${operation} failed on ${where}: ${redact(rawMessage, context.secrets)}`, false);
}
