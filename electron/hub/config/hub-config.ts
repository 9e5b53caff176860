// hub.yaml: where a hub listens, its database, TLS files, policy file and the production
// database servers it mints credentials on. Secrets are never inline by default: the database
// URL and admin passwords come from environment variables or 0600 files named here.
// Parsing never throws; every problem comes back located (line, column).

import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';

export const HUB_CONFIG_FILE = 'hub.yaml';
export const DEFAULT_HUB_PORT = 8443;

export interface HubSecretSource {
  /** Inline value (discouraged: a warning is printed). */
  value?: string;
  /** Name of an environment variable holding it. */
  env?: string;
  /** Path of a file (mode 0600) holding it. */
  file?: string;
}

export interface HubServerConfig {
  host: string;
  port: number;
  database: string;
  adminUser: string;
  adminPassword: HubSecretSource;
  ssl: boolean;
}

export interface HubConfig {
  /** The folder hub.yaml is in; relative paths are resolved against it. */
  dir: string;
  file: string;
  listen: { host: string; port: number };
  /** What invites point members at, e.g. https://hub.example.com:8443 */
  publicUrl: string;
  database: HubSecretSource & { poolSize?: number };
  tls: { ca: string; cert: string; key: string; caKey?: string };
  policy: string;
  servers: Record<string, HubServerConfig>;
}

export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

export type HubConfigResult = { ok: true; config: HubConfig; warnings: ConfigProblem[] } | { ok: false; problems: ConfigProblem[] };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const text = (what: string) => z.string({ error: `${what} must be text` }).trim().min(1, `${what} must not be empty`);
const envName = (what: string) => text(what).regex(ENV_NAME, `${what} must be an environment variable name such as LATCH_HUB_DATABASE_URL`);
const port = (what: string) => z.number({ error: `${what} must be a port number` }).int(`${what} must be a whole number`).min(0, `${what} must be 0 to 65535`).max(65535, `${what} must be 0 to 65535`);


function exactlyOne(prefix: string, value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const given = [prefix, `${prefix}_env`, `${prefix}_file`].filter((k) => value[k] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: given.length === 0 ? `give one of ${prefix}_env (an environment variable) or ${prefix}_file (a 0600 file)` : `give only one of ${given.join(', ')}`,
      path: given.length > 1 ? [given[1] as string] : [],
      params: { at: 'key' },
    });
  }
}

const ServerSchema = z
  .strictObject({
    host: text('host'),
    port: port('port').default(5432),
    database: text('database'),
    admin_user: text('admin_user'),
    ssl: z.boolean({ error: 'ssl must be true or false' }).default(false),
    admin_password: text('admin_password').optional(),
    admin_password_env: envName('admin_password_env').optional(),
    admin_password_file: text('admin_password_file').optional(),
  })
  .superRefine((value, ctx) => exactlyOne('admin_password', value, ctx));

const ConfigSchema = z.strictObject({
  version: z.literal(1, { error: 'version must be 1' }),
  listen: z.strictObject({ host: text('listen.host').default('0.0.0.0'), port: port('listen.port').default(DEFAULT_HUB_PORT) }).prefault({}),
  public_url: text('public_url').refine(isOrigin, 'public_url must be an https:// origin such as https://hub.example.com:8443 (no path)'),
  database: z
    .strictObject({
      url: text('database.url').optional(),
      url_env: envName('database.url_env').optional(),
      url_file: text('database.url_file').optional(),
      pool_size: z.number().int().min(1, 'pool_size must be at least 1').max(500, 'pool_size must be at most 500').optional(),
    })
    .superRefine((value, ctx) => exactlyOne('url', value, ctx)),
  tls: z.strictObject({ ca: text('tls.ca'), cert: text('tls.cert'), key: text('tls.key'), ca_key: text('tls.ca_key').optional() }),
  policy: text('policy'),
  servers: z
    .record(z.string().regex(KEBAB, 'server names are kebab-case, e.g. prod-orders'), ServerSchema)
    .nullish()
    .transform((v) => v ?? {}),
});

function isOrigin(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.pathname === '/' && parsed.search === '' && parsed.hash === '';
  } catch {
    return false;
  }
}

type RawConfig = z.infer<typeof ConfigSchema>;

function secret(raw: Record<string, unknown>, prefix: string, dir: string): HubSecretSource {
  const value = raw[prefix];
  const env = raw[`${prefix}_env`];
  const file = raw[`${prefix}_file`];
  if (typeof value === 'string') return { value };
  if (typeof env === 'string') return { env };
  return { file: absolute(dir, file as string) };
}

function absolute(dir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dir, path);
}

function toConfig(raw: RawConfig, dir: string, file: string): HubConfig {
  const servers: Record<string, HubServerConfig> = {};
  for (const [name, server] of Object.entries(raw.servers)) {
    servers[name] = { host: server.host, port: server.port, database: server.database, adminUser: server.admin_user, ssl: server.ssl, adminPassword: secret(server, 'admin_password', dir) };
  }
  return {
    dir,
    file,
    listen: raw.listen,
    publicUrl: new URL(raw.public_url).origin,
    database: { ...secret(raw.database, 'url', dir), ...(raw.database.pool_size !== undefined ? { poolSize: raw.database.pool_size } : {}) },
    tls: { ca: absolute(dir, raw.tls.ca), cert: absolute(dir, raw.tls.cert), key: absolute(dir, raw.tls.key), ...(raw.tls.ca_key ? { caKey: absolute(dir, raw.tls.ca_key) } : {}) },
    policy: absolute(dir, raw.policy),
    servers,
  };
}

/** Where a problem at `path` is: the value's node, else the nearest enclosing node. */
function locate(doc: Document.Parsed, path: readonly PropertyKey[], key?: string): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
    if (node && node.range) {
      if (key !== undefined && depth === path.length && isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        const keyNode = pair?.key as Node | undefined;
        if (keyNode?.range) return keyNode.range[0];
      }
      return node.range[0];
    }
  }
  return 0;
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${field ? ` in ${field}` : ''}`;
  if (issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined) return `missing key "${field}"`;
  return issue.message;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

export function parseHubConfig(source: string, file: string, dir: string): HubConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, message: string): ConfigProblem => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col, message };
  };
  if (doc.errors.length > 0) return { ok: false, problems: doc.errors.map((e) => at(e.pos[0], e.message.split('\n')[0] ?? 'invalid YAML')) };
  const value: unknown = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problems: [at(0, 'hub.yaml must be a mapping (see `latch hub init`)')] };
  const result = ConfigSchema.safeParse(value);
  if (!result.success) {
    const spot = (issue: z.core.$ZodIssue): number => {
      if (issue.code === 'unrecognized_keys') return locate(doc, issue.path, issue.keys[0]);
      // "give only one of …" is about a key, not its value.
      if (issue.code === 'custom' && issue.params?.at === 'key' && issue.path.length > 0) return locate(doc, issue.path.slice(0, -1), String(issue.path.at(-1)));
      return locate(doc, issue.path);
    };
    const problems = result.error.issues.map((issue) => at(spot(issue), issueMessage(issue, value)));
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  const warnings: ConfigProblem[] = [];
  if (result.data.database.url !== undefined && /:\/\/[^/@]*:[^/@]*@/.test(result.data.database.url)) {
    warnings.push(at(locate(doc, ['database', 'url']), 'database.url holds a password inline: prefer url_env or url_file (0600)'));
  }
  for (const [name, server] of Object.entries(result.data.servers)) {
    if (server.admin_password !== undefined) warnings.push(at(locate(doc, ['servers', name, 'admin_password']), `servers.${name}.admin_password is inline: prefer admin_password_env or admin_password_file (0600)`));
  }
  return { ok: true, config: toConfig(result.data, dir, file), warnings };
}

export class HubConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'HubConfigError';
  }
}

/** Reads DIR/hub.yaml; throws HubConfigError with located problems. */
export function loadHubConfig(dir: string): { config: HubConfig; warnings: string[] } {
  const file = join(dir, HUB_CONFIG_FILE);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new HubConfigError(file, [{ line: 1, column: 1, message: 'cannot read the hub config (run `latch hub init` first, or pass --dir)' }]);
  }
  const result = parseHubConfig(source, file, resolve(dir));
  if (!result.ok) throw new HubConfigError(file, result.problems);
  return { config: result.config, warnings: result.warnings.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`) };
}
