// Dynamic credentials from any command line (aws sts, gcloud, vault, a project script).
//
// Commands
//   A list (["./scripts/key", "mint"]) runs without a shell; a string runs via /bin/sh -c.
//   They run in `cwd` (default: the broker's), with a timeout (default 30 s) after which the
//   command and everything it started get SIGTERM, then SIGKILL 2 s later. stdin is empty.
//
// Environment: the broker's environment plus
//   LATCH_LEASE_ID, LATCH_PROJECT, LATCH_SECRET_NAME        (mint, renew, revoke)
//   LATCH_EXPIRES_AT (ISO 8601, UTC), LATCH_TTL_SECONDS      (mint: the lease end; renew: the new end)
//   LATCH_HANDLE (the JSON handle mint printed, or {})      (renew, revoke)
//
// mint must print exactly one JSON object on stdout and exit 0:
//   {"value": "<the secret>", "expiresAt": "2030-01-01T12:00:00Z", "handle": {"keyId": "k-123"}}
//   value     required, non-empty string: what the shell gets.
//   expiresAt optional ISO 8601 date-time with zone: when the credential itself ends.
//   handle    optional JSON object: ids needed to renew/revoke it. Stored with the lease, so it
//             must NOT contain the secret (a handle containing the value is refused).
//   Diagnostics go to stderr: its last line (200 chars at most) is shown in errors. stdout
//   never is. Exit code 75 (EX_TEMPFAIL) marks a mint failure as worth retrying.
//
// renew (optional) and revoke (optional) get LATCH_HANDLE; exit 0 means done, and revoke must
// be idempotent (exit 0 when the credential is already gone). Any failure is retryable: the
// lease manager retries revocations until they succeed. Without a revoke command the
// credential is left to expire on its own; without a renew command, renewing past the
// credential's own expiresAt is refused.

import { MintOutputError, parseMintOutput, stdoutSecrets } from './command-output';
import { runCommand, type CommandLine, type CommandResult } from './command-runner';
import { ProviderError, type CredentialProvider, type MintedCredential, type MintRequest } from './provider';

export interface CommandProviderSpec {
  mint: CommandLine;
  revoke?: CommandLine;
  renew?: CommandLine;
  /** Working directory of the commands (relative command paths resolve against it). */
  cwd?: string;
  /** Per command; default 30 000 ms. */
  timeoutMs?: number;
}

export const COMMAND_PROVIDER_TYPE = 'command';
export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
const EX_TEMPFAIL = 75;
const MAX_STDERR_LINE = 200;
/** Inherited values of these would mislead the command: they are always set or removed. */
const LATCH_VARIABLES = ['LATCH_LEASE_ID', 'LATCH_PROJECT', 'LATCH_SECRET_NAME', 'LATCH_EXPIRES_AT', 'LATCH_TTL_SECONDS', 'LATCH_HANDLE'];

type Operation = 'mint' | 'renew' | 'revoke';

interface LeaseContext {
  leaseId: string;
  projectId: string;
  secretName: string;
}

/** The persisted handle: the lease context, the command's handle (JSON text), the credential's own end. */
interface CommandHandle extends LeaseContext {
  handle: string;
  credentialExpiresAt: string | null;
}

function checkCommandLine(line: CommandLine | undefined, field: string): void {
  if (line === undefined) return;
  const valid = typeof line === 'string' ? line.trim().length > 0 : line.length > 0 && line.every((arg) => typeof arg === 'string') && (line[0] ?? '').length > 0;
  if (!valid) throw new ProviderError(`command provider: "${field}" must be a non-empty command (a string or a list of arguments)`, false);
}

function commandEnv(context: LeaseContext, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of LATCH_VARIABLES) delete env[name];
  return { ...env, LATCH_LEASE_ID: context.leaseId, LATCH_PROJECT: context.projectId, LATCH_SECRET_NAME: context.secretName, ...extra };
}

function expiryEnv(expiresAt: Date): Record<string, string> {
  return {
    LATCH_EXPIRES_AT: expiresAt.toISOString(),
    LATCH_TTL_SECONDS: String(Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000))),
  };
}

function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('[redacted]');
  return result;
}

/** The last non-empty stderr line, without anything stdout held, at most 200 characters. */
export function lastStderrLine(stderr: string, secrets: readonly string[]): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  const line = redact(lines.at(-1) ?? '', secrets).replace(/[\x00-\x1f\x7f]/g, ' ');
  return line.length > MAX_STDERR_LINE ? `${line.slice(0, MAX_STDERR_LINE)}…` : line;
}

function describeExit(result: CommandResult): string {
  if (result.signal !== null) return `killed by ${result.signal}`;
  return `exit code ${result.exitCode ?? 'unknown'}`;
}

function failure(operation: Operation, result: CommandResult, problem: string, retryable: boolean): ProviderError {
  const secrets = stdoutSecrets(result.stdout);
  const stderr = lastStderrLine(result.stderr, secrets);
  const message = `command provider: ${operation} command ${problem} (${describeExit(result)})${stderr.length > 0 ? `: ${stderr}` : ''}`;
  return new ProviderError(message, retryable);
}

function readHandle(handle: MintedCredential['handle'], operation: Operation): CommandHandle {
  const { leaseId, projectId, secretName, handle: json, credentialExpiresAt } = handle;
  const valid =
    typeof leaseId === 'string' &&
    typeof projectId === 'string' &&
    typeof secretName === 'string' &&
    typeof json === 'string' &&
    (credentialExpiresAt === null || credentialExpiresAt === undefined || typeof credentialExpiresAt === 'string');
  if (!valid) throw new ProviderError(`command provider: ${operation}: malformed handle`, false);
  return { leaseId, projectId, secretName, handle: json, credentialExpiresAt: credentialExpiresAt ?? null };
}

export function createCommandProvider(spec: CommandProviderSpec): CredentialProvider {
  checkCommandLine(spec.mint, 'mint');
  checkCommandLine(spec.renew, 'renew');
  checkCommandLine(spec.revoke, 'revoke');
  const timeoutMs = spec.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new ProviderError('command provider: timeoutMs must be a positive number', false);

  function run(line: CommandLine, env: NodeJS.ProcessEnv): Promise<CommandResult> {
    return runCommand(line, { env, timeoutMs, ...(spec.cwd !== undefined && { cwd: spec.cwd }) });
  }

  /** Mint failures are retryable only when waiting may help: a timeout or exit code 75. */
  function checkRan(operation: Operation, result: CommandResult, alwaysRetryable: boolean): void {
    if (result.startError !== undefined) {
      throw new ProviderError(`command provider: ${operation} command could not be started (${result.startError})`, alwaysRetryable);
    }
    if (result.timedOut) throw failure(operation, result, `timed out after ${timeoutMs} ms and was killed`, true);
    if (result.outputTooLarge) throw failure(operation, result, 'printed more than 1 MiB on stdout and was killed', alwaysRetryable);
    if (result.exitCode !== 0) throw failure(operation, result, 'failed', alwaysRetryable || result.exitCode === EX_TEMPFAIL);
  }

  async function mint(request: MintRequest): Promise<MintedCredential> {
    if (Number.isNaN(request.expiresAt.getTime())) throw new ProviderError('command provider: mint: invalid expiry date', false);
    const context: LeaseContext = { leaseId: request.leaseId, projectId: request.projectId, secretName: request.secretName };
    const result = await run(spec.mint, commandEnv(context, expiryEnv(request.expiresAt)));
    checkRan('mint', result, false);
    let output;
    try {
      output = parseMintOutput(result.stdout);
    } catch (error) {
      if (error instanceof MintOutputError) throw failure('mint', result, error.message, false);
      throw error;
    }
    const handle: CommandHandle = {
      ...context,
      handle: output.handleJson,
      credentialExpiresAt: output.expiresAt?.toISOString() ?? null,
    };
    return { value: output.value, handle: { ...handle }, ...(output.expiresAt !== undefined && { expiresAt: output.expiresAt }) };
  }

  async function renew(rawHandle: MintedCredential['handle'], expiresAt: Date): Promise<void> {
    const handle = readHandle(rawHandle, 'renew');
    if (Number.isNaN(expiresAt.getTime())) throw new ProviderError('command provider: renew: invalid expiry date', false);
    if (spec.renew === undefined) {
      const ownEnd = handle.credentialExpiresAt === null ? undefined : Date.parse(handle.credentialExpiresAt);
      if (ownEnd !== undefined && expiresAt.getTime() > ownEnd) {
        throw new ProviderError(`command provider: renew: the credential ends at ${handle.credentialExpiresAt} and no renew command is configured`, false);
      }
      return;
    }
    const result = await run(spec.renew, commandEnv(handle, { ...expiryEnv(expiresAt), LATCH_HANDLE: handle.handle }));
    checkRan('renew', result, true);
  }

  async function revoke(rawHandle: MintedCredential['handle']): Promise<void> {
    const handle = readHandle(rawHandle, 'revoke');
    if (spec.revoke === undefined) return;
    const result = await run(spec.revoke, commandEnv(handle, { LATCH_HANDLE: handle.handle }));
    checkRan('revoke', result, true);
  }

  return { type: COMMAND_PROVIDER_TYPE, mint, renew, revoke };
}
