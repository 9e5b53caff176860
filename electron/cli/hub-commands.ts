import type { FlagSpec } from './args';
import { JSON_FLAG, type CommandSpec } from './command-spec';

const DIR_FLAG: FlagSpec = { type: 'string', value: 'DIR', description: 'the hub folder (default $LATCH_HUB_DIR, else ./latch-hub)' };

/** `latch hub …`: running and administering the team hub (no broker needed). */
export const HUB_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['hub', 'init'],
    usage: 'latch hub init [--dir DIR] [--host NAME[,NAME…]] [--database-url URL] [--port N] [--force]',
    summary: 'create a hub folder: hub.yaml, a CA and server certificate, an example policy',
    details:
      'The server certificate names localhost, 127.0.0.1 and each --host. Members pin the CA (its fingerprint\n' +
      'travels in every invite). A --database-url with a password goes to a 0600 file, never into hub.yaml;\n' +
      'without one, hub.yaml reads the URL from $LATCH_HUB_DATABASE_URL.',
    flags: {
      dir: DIR_FLAG,
      host: { type: 'string', value: 'NAME,…', description: 'host names or IPs members reach the hub by (comma-separated)' },
      'database-url': { type: 'string', value: 'URL', description: 'postgres:// URL of the hub database' },
      port: { type: 'string', value: 'N', description: 'port to listen on (default 8443)' },
      force: { type: 'boolean', description: 'replace an existing hub folder’s config and CA (members must join again)' },
      json: JSON_FLAG,
    },
    args: { min: 0, max: 0 },
    load: async () => (await import('./commands/hub-init')).hubInit,
  },
  {
    path: ['hub', 'serve'],
    usage: 'latch hub serve [--dir DIR] [--port N] [--host ADDR] [--insecure-http]',
    summary: 'run one hub instance (HTTPS + WebSocket); run it again for more instances on the same database',
    details:
      'Migrates the database, refuses to start when the config or the policy has errors (FILE:LINE:COL),\n' +
      'logs one JSON line per call on stdout. SIGTERM/SIGINT close gracefully; SIGHUP reloads the policy.\n' +
      '--insecure-http serves plain HTTP: only for tests, benchmarks, or behind a TLS-terminating proxy.',
    flags: {
      dir: DIR_FLAG,
      port: { type: 'string', value: 'N', description: 'port (default: listen.port in hub.yaml; 0 = any free port)' },
      host: { type: 'string', value: 'ADDR', description: 'address to listen on (default: listen.host in hub.yaml)' },
      'insecure-http': { type: 'boolean', description: 'plain HTTP instead of TLS (tests, benchmarks, behind a TLS proxy)' },
    },
    args: { min: 0, max: 0 },
    load: async () => (await import('./commands/hub-serve')).hubServe,
  },
  {
    path: ['hub', 'invite'],
    usage: 'latch hub invite NAME --groups A,B [--ttl 24h] [--dir DIR] [--json]',
    summary: 'make a one-time invite string (lh1_…) for a new member',
    details: 'The member pastes it into their Latch; it carries the hub URL, the one-time code and the CA fingerprint.',
    flags: {
      groups: { type: 'string', value: 'A,B', description: 'the groups the member joins (policy requesters/approvers)' },
      ttl: { type: 'string', value: 'DURATION', description: 'how long the invite is usable (default 24h)' },
      dir: DIR_FLAG,
      json: JSON_FLAG,
    },
    args: { min: 1, max: 1 },
    load: async () => (await import('./commands/hub-admin')).hubInvite,
  },
  {
    path: ['hub', 'members'],
    usage: 'latch hub members [--dir DIR] [--json]',
    summary: 'the hub’s members, their groups and key ids',
    flags: { dir: DIR_FLAG, json: JSON_FLAG },
    args: { min: 0, max: 0 },
    load: async () => (await import('./commands/hub-admin')).hubMembers,
  },
  {
    path: ['hub', 'disable'],
    usage: 'latch hub disable ID|NAME [--dir DIR] [--json]',
    summary: 'disable a member: their key stops working, pending requests are cancelled, grants end',
    flags: { dir: DIR_FLAG, json: JSON_FLAG },
    args: { min: 1, max: 1 },
    load: async () => (await import('./commands/hub-admin')).hubDisable,
  },
  {
    path: ['hub', 'audit', 'verify'],
    usage: 'latch hub audit verify [--dir DIR] [--json]',
    summary: 'check the hub audit log’s hash chain and members’ signatures (exit 1 if broken)',
    flags: { dir: DIR_FLAG, json: JSON_FLAG },
    args: { min: 0, max: 0 },
    load: async () => (await import('./commands/hub-admin')).hubAuditVerify,
  },
];
