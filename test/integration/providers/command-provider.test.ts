import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandProvider } from '../../../electron/broker/providers/command-provider';
import { ProviderError, type MintRequest } from '../../../electron/broker/providers/provider';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/command-provider');
const fixture = (name: string): string => join(FIXTURES, name);

function request(overrides: Partial<MintRequest> = {}): MintRequest {
  return {
    leaseId: 'lease-42',
    projectId: 'proj-7',
    secretName: 'SEARCH_API_KEY',
    expiresAt: new Date(Date.now() + 600_000),
    ...overrides,
  };
}

function readEnvFile(path: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** A process still running (a zombie or a vanished pid is not). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function isZombieChildOf(pid: number, parent: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' && Number(fields[1]) === parent;
  } catch {
    return false;
  }
}

describe('command provider with real fixture scripts', () => {
  let out: string;
  const savedEnv = { ...process.env };
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'latch-cmd-'));
  });
  afterEach(() => {
    rmSync(out, { recursive: true, force: true });
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  });

  it('runs a list without a shell, with the lease in its environment, and returns value, handle and expiry', async () => {
    process.env.FIXTURE_PARENT = 'inherited';
    process.env.LATCH_HANDLE = 'stale-from-the-parent';
    const value = 'sk-live-abc123DEF456ghi789';
    const provider = createCommandProvider({ mint: [fixture('mint.sh'), out, value, 'key with spaces; $(touch pwned)'], cwd: out });
    const expiresAt = new Date(Date.now() + 900_000);
    const minted = await provider.mint(request({ expiresAt }));

    expect(provider.type).toBe('command');
    expect(minted.value).toBe(value);
    expect(minted.expiresAt?.toISOString()).toBe(expiresAt.toISOString());
    expect(JSON.stringify(minted.handle)).not.toContain(value);
    expect(JSON.parse(String(minted.handle.handle))).toEqual({ keyId: 'key with spaces; $(touch pwned)', lease: 'lease-42' });

    expect(readFileSync(join(out, 'mint.args'), 'utf8')).toBe(`${out}\n${value}\nkey with spaces; $(touch pwned)\n`);
    expect(existsSync(join(out, 'pwned'))).toBe(false);
    expect(readFileSync(join(out, 'mint.cwd'), 'utf8').trim()).toBe(out);
    const env = readEnvFile(join(out, 'mint.env'));
    expect(env).toMatchObject({
      LATCH_LEASE_ID: 'lease-42',
      LATCH_PROJECT: 'proj-7',
      LATCH_SECRET_NAME: 'SEARCH_API_KEY',
      LATCH_EXPIRES_AT: expiresAt.toISOString(),
      FIXTURE_PARENT: 'inherited',
    });
    expect(Number(env.LATCH_TTL_SECONDS)).toBeGreaterThanOrEqual(895);
    expect(Number(env.LATCH_TTL_SECONDS)).toBeLessThanOrEqual(900);
    expect(env.LATCH_HANDLE).toBeUndefined();
  });

  it('runs a string through /bin/sh -c', async () => {
    const provider = createCommandProvider({ mint: `VALUE=from-a-shell-$((6*7)); ./mint.sh "${out}" "$VALUE" k2`, cwd: FIXTURES });
    const minted = await provider.mint(request());
    expect(minted.value).toBe('from-a-shell-42');
    expect(JSON.parse(String(minted.handle.handle))).toMatchObject({ keyId: 'k2' });
  });

  it('gives revoke and renew the handle mint printed, and the lease context', async () => {
    const provider = createCommandProvider({
      mint: [fixture('mint.sh'), out, 'v-0123456789abcdef', 'key-9'],
      renew: [fixture('record.sh'), out, 'renew'],
      revoke: [fixture('record.sh'), out, 'revoke'],
    });
    const minted = await provider.mint(request());
    // The handle is persisted with the lease as JSON: use it the way the lease manager will.
    const persisted = JSON.parse(JSON.stringify(minted.handle)) as typeof minted.handle;

    const newEnd = new Date(Date.now() + 1_800_000);
    await provider.renew(persisted, newEnd);
    const renewEnv = readEnvFile(join(out, 'renew.env'));
    expect(JSON.parse(renewEnv.LATCH_HANDLE ?? '')).toEqual({ keyId: 'key-9', lease: 'lease-42' });
    expect(renewEnv).toMatchObject({ LATCH_LEASE_ID: 'lease-42', LATCH_PROJECT: 'proj-7', LATCH_SECRET_NAME: 'SEARCH_API_KEY', LATCH_EXPIRES_AT: newEnd.toISOString() });

    await provider.revoke(persisted);
    const revokeEnv = readEnvFile(join(out, 'revoke.env'));
    expect(JSON.parse(revokeEnv.LATCH_HANDLE ?? '')).toEqual({ keyId: 'key-9', lease: 'lease-42' });
    expect(revokeEnv).toMatchObject({ LATCH_LEASE_ID: 'lease-42', LATCH_PROJECT: 'proj-7', LATCH_SECRET_NAME: 'SEARCH_API_KEY' });
    expect(revokeEnv.LATCH_EXPIRES_AT).toBeUndefined();
  });

  it('passes {} as LATCH_HANDLE when mint printed no handle', async () => {
    const provider = createCommandProvider({
      mint: [fixture('print.sh'), '0', '{"value":"no-handle-value-xyz"}'],
      revoke: [fixture('record.sh'), out, 'revoke'],
    });
    const minted = await provider.mint(request());
    expect(minted.expiresAt).toBeUndefined();
    await provider.revoke(minted.handle);
    expect(readEnvFile(join(out, 'revoke.env')).LATCH_HANDLE).toBe('{}');
  });

  it('a failing revoke or renew is a retryable error with the exit code and the last stderr line', async () => {
    const provider = createCommandProvider({
      mint: [fixture('mint.sh'), out, 'v-failing-revoke-123'],
      renew: [fixture('record.sh'), out, 'renew', '4'],
      revoke: [fixture('record.sh'), out, 'revoke', '3'],
    });
    const minted = await provider.mint(request());
    const revokeError = await providerError(provider.revoke(minted.handle));
    expect(revokeError.retryable).toBe(true);
    expect(revokeError.message).toContain('exit code 3');
    expect(revokeError.message).toContain('revoke: issuer unavailable (HTTP 503)');
    expect(revokeError.message).not.toContain('contacting the issuer');
    const renewError = await providerError(provider.renew(minted.handle, new Date(Date.now() + 60_000)));
    expect(renewError.retryable).toBe(true);
    expect(renewError.message).toContain('exit code 4');
    // A revoke that could not even start is retried too.
    const missing = createCommandProvider({ mint: ['true'], revoke: [join(out, 'no-such-revoke')] });
    const startError = await providerError(missing.revoke(minted.handle));
    expect(startError.retryable).toBe(true);
    expect(startError.message).toContain('ENOENT');
  });

  it('malformed JSON on stdout is an error that shows the exit code and stderr but never stdout', async () => {
    const secret = 'AKIAIOSFODNN7EXAMPLE-not-json';
    const provider = createCommandProvider({ mint: [fixture('print.sh'), '0', `here it is: ${secret}\n{"value": "${secret}"`, 'warning: token printed in raw mode'] });
    const error = await providerError(provider.mint(request()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('malformed JSON');
    expect(error.message).toContain('exit code 0');
    expect(error.message).toContain('warning: token printed in raw mode');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('here it is');
  });

  it('a non-zero exit is an error without stdout, even when stderr echoes it', async () => {
    const secret = 'ghp_R3allyS3cretValue0000000000000000';
    const provider = createCommandProvider({ mint: [fixture('print.sh'), '2', `{"value": "${secret}"}`, `failed to store ${secret} in cache`] });
    const error = await providerError(provider.mint(request()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('exit code 2');
    expect(error.message).toContain('failed to store [redacted] in cache');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('R3ally');
  });

  it('exit code 75 (EX_TEMPFAIL) marks a mint failure as retryable', async () => {
    const provider = createCommandProvider({ mint: [fixture('print.sh'), '75', '', 'rate limited, try later'] });
    const error = await providerError(provider.mint(request()));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('exit code 75');
    expect(error.message).toContain('rate limited, try later');
  });

  it('rejects output without a value, with a bad expiry, or with the value inside the handle', async () => {
    const cases: Array<[string, string]> = [
      ['{"handle": {"id": "x"}}', 'no "value"'],
      ['["value"]', 'not an object'],
      ['', 'printed nothing'],
      ['{"value": "v-bad-expiry-0001", "expiresAt": "tomorrow"}', 'ISO 8601'],
      ['{"value": "v-past-expiry-0001", "expiresAt": "2001-01-01T00:00:00Z"}', 'already past'],
      ['{"value": "v-handle-leak-0001", "handle": {"copy": "v-handle-leak-0001"}}', 'contains the value'],
      ['{"value": "v-handle-array-001", "handle": ["id"]}', 'not a JSON object'],
    ];
    for (const [stdout, expected] of cases) {
      const provider = createCommandProvider({ mint: [fixture('print.sh'), '0', stdout] });
      const error = await providerError(provider.mint(request()));
      expect(error.message, stdout).toContain(expected);
      expect(error.retryable).toBe(false);
      expect(error.message).not.toMatch(/v-[a-z-]+-00\d\d/);
    }
  });

  it('truncates the stderr line to 200 characters', async () => {
    const long = `E${'x'.repeat(400)}`;
    const provider = createCommandProvider({ mint: [fixture('print.sh'), '1', '', `first line\n${long}`] });
    const error = await providerError(provider.mint(request()));
    expect(error.message).toContain(`${'x'.repeat(199)}…`);
    expect(error.message).not.toContain('x'.repeat(201));
    expect(error.message).not.toContain('first line');
  });

  it('a command that cannot start is a clear, non-retryable mint error', async () => {
    const provider = createCommandProvider({ mint: [join(out, 'missing-cli'), 'sts'] });
    const error = await providerError(provider.mint(request()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('could not be started (ENOENT)');
  });

  it('kills the command and everything it started on timeout, and leaves no zombie', async () => {
    const pidFile = join(out, 'pids');
    const provider = createCommandProvider({ mint: [fixture('hang.sh'), pidFile], timeoutMs: 500 });
    const started = Date.now();
    const error = await providerError(provider.mint(request()));
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('timed out after 500 ms');
    expect(error.message).toContain('waiting forever');
    const [shell, child] = readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
    await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(shell ?? 0)).toBe(false);
    expect(isAlive(child ?? 0)).toBe(false);
    expect(isZombieChildOf(shell ?? 0, process.pid)).toBe(false);
  });

  it('escalates to SIGKILL when the command ignores SIGTERM', async () => {
    const pidFile = join(out, 'pids');
    const provider = createCommandProvider({ mint: `exec ${fixture('hang.sh')} ${pidFile} ignore-term`, timeoutMs: 300 });
    const started = Date.now();
    const error = await providerError(provider.mint(request()));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    expect(elapsed).toBeLessThan(8_000);
    expect(error.message).toMatch(/timed out after 300 ms and was killed \(killed by SIGKILL\)/);
    const [shell, child] = readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
    await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(shell ?? 0)).toBe(false);
    expect(isAlive(child ?? 0)).toBe(false);
    expect(isZombieChildOf(shell ?? 0, process.pid)).toBe(false);
  });

  it('without revoke/renew commands: revoke is a no-op, renewing past the credential expiry is refused', async () => {
    const credentialEnd = new Date(Date.now() + 120_000).toISOString();
    const provider = createCommandProvider({ mint: [fixture('print.sh'), '0', `{"value": "v-no-renew-0001", "expiresAt": "${credentialEnd}"}`] });
    const minted = await provider.mint(request());
    expect(minted.expiresAt?.toISOString()).toBe(credentialEnd);
    await provider.revoke(minted.handle);
    await provider.renew(minted.handle, new Date(Date.now() + 60_000));
    const error = await providerError(provider.renew(minted.handle, new Date(Date.now() + 600_000)));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('no renew command');
  });

  it('refuses an empty command line and a malformed handle', async () => {
    expect(() => createCommandProvider({ mint: [] })).toThrow(ProviderError);
    expect(() => createCommandProvider({ mint: '  ' })).toThrow(ProviderError);
    const provider = createCommandProvider({ mint: ['true'], revoke: ['true'] });
    const error = await providerError(provider.revoke({ handle: 42 }));
    expect(error.retryable).toBe(false);
  });
});
