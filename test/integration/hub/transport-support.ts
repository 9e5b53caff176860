// Shared by the transport integration tests: a real hub service on a fresh database, served
// over TLS by the real transport, and members joined through invite strings with HubClient.

import { generateSealingKeyPair } from '../../../electron/hub/crypto/seal';
import { generateSigningKeyPair } from '../../../electron/hub/crypto/signing';
import { HubClient } from '../../../electron/hub/client/hub-client';
import { encodeInvite } from '../../../electron/hub/client/invite';
import { createInvite, type HubServiceInstance } from '../../../electron/hub/service';
import type { MemberView } from '../../../electron/hub/service-types';
import { certificateFingerprint } from '../../../electron/hub/tls/fingerprint';
import type { HubTls } from '../../../electron/hub/tls/generate-tls';
import { startHubServer, type HubServer } from '../../../electron/hub/transport';
import { newPool, recordingLogger, resource, startHub, testPolicy, type HubTestDatabase, type LogLine } from './hub-test-support';

export interface ServedHub {
  service: HubServiceInstance;
  server: HubServer;
  lines: LogLine[];
  close(): Promise<void>;
}

/** One hub instance (own pool, own LISTEN connection) behind the real HTTPS transport. */
export async function serveHub(db: HubTestDatabase, tls: HubTls): Promise<ServedHub> {
  const pool = newPool(db.server, db.name);
  const service = await startHub(db, { pool, policy: testPolicy([resource('prod-db', { approvals: 1, maxDurationSeconds: 7200 })]) });
  service.start();
  const logger = recordingLogger();
  const server = await startHubServer({ service, logger, tls: { certPem: tls.certPem, keyPem: tls.keyPem, caCertPem: tls.caCertPem } });
  return {
    service,
    server,
    lines: logger.lines,
    async close() {
      await server.close();
      await service.close();
      await pool.end();
    },
  };
}

export interface JoinedMember {
  view: MemberView;
  client: HubClient;
  signing: { privateKeyPem: string; publicKey: string };
  sealing: { privateKeyPem: string; publicKey: string };
}

export async function inviteString(db: HubTestDatabase, url: string, tls: HubTls, name: string, groups: string[]): Promise<string> {
  const { code } = await createInvite(db.pool, { name, groups, ttlSeconds: 600 });
  return encodeInvite({ url, code, caFingerprint: certificateFingerprint(tls.caCertPem) });
}

/** Invite → HubClient.join (CA fetched, fingerprint checked, pinned) → a client for later calls. */
export async function joinThroughHub(db: HubTestDatabase, hubUrl: string, tls: HubTls, name: string, groups: string[]): Promise<JoinedMember> {
  const signing = generateSigningKeyPair();
  const sealing = generateSealingKeyPair();
  const joined = await HubClient.join({ invite: await inviteString(db, hubUrl, tls, name, groups), name, signingKey: signing, sealingKey: sealing.publicKey });
  return { view: joined.member, client: new HubClient({ url: joined.url, caCertPem: joined.caCertPem, signingKey: signing }), signing, sealing };
}
