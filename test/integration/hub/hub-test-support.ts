// Shared by the hub service tests: a fresh hub database per test file on the private cluster
// of scripts/with-postgres.sh (which doubles as the "production" server, database app), a
// small policy, members joined with real keys, and signed proofs.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PostgresServer } from '../../../electron/broker/providers/postgres-provider';
import { generateSealingKeyPair } from '../../../electron/hub/crypto/seal';
import { EMPTY_BODY_SHA256, generateSigningKeyPair, sha256Hex, signRequest } from '../../../electron/hub/crypto/signing';
import { createHubService, createInvite, type HubLogger, type HubServiceInstance, type HubServiceOptions } from '../../../electron/hub/service';
import type { HubEvent, MemberView, RequestProof } from '../../../electron/hub/service-types';
import type { HubPolicy, ResourcePolicy } from '../../../shared/policy/hub-policy-types';
import { asAdmin, requirePgServer } from '../providers/pg-test-server';

export interface HubTestDatabase {
  server: PostgresServer;
  name: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** CREATE DATABASE hub_<random>; drop() closes the pool and drops it. */
export async function createHubTestDatabase(): Promise<HubTestDatabase> {
  const server = requirePgServer();
  const name = `hub_${randomBytes(6).toString('hex')}`;
  await asAdmin(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const pool = newPool(server, name);
  return {
    server,
    name,
    pool,
    async drop() {
      await pool.end().catch(() => undefined);
      await asAdmin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export function newPool(server: PostgresServer, database: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ host: server.host, port: server.port, database, user: server.adminUser, password: server.adminPassword, max });
  pool.on('error', () => undefined);
  return pool;
}

export function resource(id: string, overrides: Partial<ResourcePolicy> = {}): ResourcePolicy {
  return {
    id,
    provider: { type: 'postgres', server: 'prod', database: 'app', grants: ['SELECT ON ALL TABLES IN SCHEMA public'] },
    requesters: ['dev'],
    approvers: ['sre'],
    approvals: 2,
    maxDurationSeconds: 3600,
    reasonRequired: true,
    requestTimeoutSeconds: 600,
    ...overrides,
  };
}

/** orders-db: 2 approvals from sre; quick-db: 1 approval, pending for 2 s only. */
export function testPolicy(extra: ResourcePolicy[] = []): HubPolicy {
  const resources = [resource('orders-db'), resource('quick-db', { approvals: 1, requestTimeoutSeconds: 2 }), ...extra];
  return { version: 1, resources: new Map(resources.map((r) => [r.id, r])) };
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  event: string;
  fields: Record<string, unknown>;
}

type RecordLine = (event: string, fields?: Record<string, unknown>) => void;

/** Fits the service's logger and the transport's (whose fields are optional). */
export function recordingLogger(lines: LogLine[] = []): HubLogger & { info: RecordLine; warn: RecordLine; error: RecordLine; lines: LogLine[] } {
  const record =
    (level: LogLine['level']): RecordLine =>
    (event, fields = {}) =>
      void lines.push({ level, event, fields });
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

export async function startHub(db: HubTestDatabase, options: Partial<HubServiceOptions> = {}): Promise<HubServiceInstance & { logger: ReturnType<typeof recordingLogger> }> {
  const logger = recordingLogger();
  const service = await createHubService({
    pool: db.pool,
    policy: testPolicy(),
    servers: { prod: db.server },
    sweepIntervalMs: 200,
    logger,
    ...options,
  });
  return Object.assign(service, { logger });
}

export interface TestMember {
  view: MemberView;
  signingPrivateKeyPem: string;
  sealingPrivateKeyPem: string;
  /** A signed proof of a call, as the transport would hand to the service. */
  proof(method: string, path: string, body?: unknown): RequestProof;
}

export async function joinMember(service: HubServiceInstance, pool: pg.Pool, name: string, groups: string[]): Promise<TestMember> {
  const { code } = await createInvite(pool, { name, groups, ttlSeconds: 600 });
  const signing = generateSigningKeyPair();
  const sealing = generateSealingKeyPair();
  const view = await service.join({ code, signingKey: signing.publicKey, sealingKey: sealing.publicKey });
  return {
    view,
    signingPrivateKeyPem: signing.privateKeyPem,
    sealingPrivateKeyPem: sealing.privateKeyPem,
    proof: (method, path, body) =>
      signRequest(signing.privateKeyPem, {
        method,
        path,
        timestampMs: Date.now(),
        nonce: randomBytes(16).toString('base64url'),
        bodySha256: body === undefined ? EMPTY_BODY_SHA256 : sha256Hex(JSON.stringify(body)),
      }),
  };
}

/** The HubError code a call fails with (or 'ok'): the same reading as a SQLSTATE. */
export { outcome as hubErrorCode } from '../providers/pg-test-server';

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Collects the events a member receives. */
export function collectEvents(service: HubServiceInstance, memberId: string): { events: HubEvent[]; stop: () => void } {
  const events: HubEvent[] = [];
  const stop = service.subscribe(memberId, (event) => events.push(event));
  return { events, stop };
}
