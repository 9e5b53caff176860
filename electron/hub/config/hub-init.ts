// `latch hub init`: a hub folder with hub.yaml, a fresh CA and server certificate, and an
// example policy. Private keys and secret-bearing files are written 0600 in a 0700 folder.

import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { certificateFingerprint } from '../tls/fingerprint';
import { generateHubTls, serverHosts } from '../tls/generate-tls';
import { DEFAULT_HUB_PORT, HUB_CONFIG_FILE } from './hub-config';
import { DEFAULT_DATABASE_URL_ENV, HUB_POLICY_EXAMPLE, hubYaml, type HubYamlInput } from './hub-templates';

export interface HubInitOptions {
  dir: string;
  /** Extra names for the server certificate (localhost and 127.0.0.1 are always in). */
  hosts?: readonly string[];
  /** Written to a 0600 file when it holds a password; else inline. Absent: url_env. */
  databaseUrl?: string;
  port?: number;
  /** Overwrite an existing hub folder (a new CA: every member must join again). */
  force?: boolean;
}

export interface HubInitResult {
  dir: string;
  files: string[];
  caFingerprint: string;
  publicUrl: string;
  hosts: string[];
  databaseFrom: string;
}

export class HubInitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubInitError';
  }
}

const FILES = { config: HUB_CONFIG_FILE, ca: 'ca.pem', caKey: 'ca-key.pem', cert: 'server.pem', key: 'server-key.pem', policy: 'hub-policy.yaml', databaseUrl: 'database-url' } as const;

function write(path: string, text: string, mode: number): void {
  writeFileSync(path, text, { mode });
  chmodSync(path, mode);
}

function hasPassword(url: string): boolean {
  try {
    return new URL(url).password !== '';
  } catch {
    return false;
  }
}

export async function initHub(options: HubInitOptions): Promise<HubInitResult> {
  const dir = resolve(options.dir);
  const port = options.port ?? DEFAULT_HUB_PORT;
  let hosts: string[];
  try {
    hosts = serverHosts(options.hosts ?? []);
  } catch (error) {
    throw new HubInitError(`--host: ${(error as Error).message}`);
  }
  if (options.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(options.databaseUrl)) throw new HubInitError('--database-url must be a postgres:// URL');
  const existing = [FILES.config, FILES.ca, FILES.caKey].filter((f) => existsSync(join(dir, f)));
  if (existing.length > 0 && !options.force) {
    throw new HubInitError(`${dir} already holds a hub (${existing.join(', ')}); --force replaces it with a new CA, and every member must join again`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  const tls = await generateHubTls({ hosts });
  const publicHost = hosts.find((h) => h !== 'localhost' && h !== '127.0.0.1') ?? 'localhost';
  const publicUrl = `https://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${port}`;
  let database: HubYamlInput['database'];
  let databaseFrom: string;
  const files: string[] = [];
  if (options.databaseUrl === undefined) {
    database = { urlEnv: DEFAULT_DATABASE_URL_ENV };
    databaseFrom = `environment variable ${DEFAULT_DATABASE_URL_ENV}`;
  } else if (hasPassword(options.databaseUrl)) {
    write(join(dir, FILES.databaseUrl), options.databaseUrl + '\n', 0o600);
    files.push(FILES.databaseUrl);
    database = { urlFile: FILES.databaseUrl };
    databaseFrom = `${FILES.databaseUrl} (0600: it holds the password)`;
  } else {
    database = { url: options.databaseUrl };
    databaseFrom = 'hub.yaml';
  }

  write(join(dir, FILES.ca), tls.caCertPem, 0o644);
  write(join(dir, FILES.caKey), tls.caKeyPem, 0o600);
  write(join(dir, FILES.cert), tls.certPem, 0o644);
  write(join(dir, FILES.key), tls.keyPem, 0o600);
  // An existing policy is the admin's work: never replaced, not even with --force.
  if (!existsSync(join(dir, FILES.policy))) {
    write(join(dir, FILES.policy), HUB_POLICY_EXAMPLE, 0o644);
    files.push(FILES.policy);
  }
  write(join(dir, FILES.config), hubYaml({ port, publicUrl, database }), 0o600);
  files.push(FILES.ca, FILES.caKey, FILES.cert, FILES.key, FILES.config);
  return { dir, files: files.sort(), caFingerprint: certificateFingerprint(tls.caCertPem), publicUrl, hosts, databaseFrom };
}
