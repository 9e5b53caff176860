import type { Server } from 'node:net';
import { userInfo } from 'node:os';
import { createDispatcher } from '../../shared/contract';
import { AuditLog } from './audit/audit-log';
import { BrokerEvents } from './events';
import { createHandlers } from './handlers';
import { InternalKeys } from './keychain/internal-keys';
import { createOsKeychain, type Keychain } from './keychain/keychain';
import { createFileLogger, describeErrorForLog, type Logger } from './log';
import { resolvePaths, type LatchPaths } from './paths';
import type { BrokerServices } from './services';
import { openDatabase } from './store/database';
import { TokenStore } from './store/token-store';
import type { ClientContext, ClientSession } from './transports/client-session';
import type { TransportDeps } from './transports/transport-deps';
import { UiController } from './transports/ui-controller';
import { listenUnixSocket } from './transports/unix-socket';
import { TokenVault } from './vault/token-vault';
import { ValueCache, valueCacheTtlMs } from './vault/value-cache';
import { ProjectStore } from './projects/project-store';
import { ProjectService } from './projects/project-service';
import { EnvService } from './projects/env-service';
import { LeaseManager } from './leases/lease-manager';
import { LeaseStore } from './leases/lease-store';
import { ProviderRegistry } from './providers/provider-registry';
import { ShellManager } from './shells/shell-manager';
import { KnownValues } from './workspaces/known-values';
import { FindingStore } from './workspaces/finding-store';
import { WorkspaceService } from './workspaces/workspace-service';
import { AccessService } from './access/access-service';
import { HubKeys } from './access/hub-keys';
import { HubMembershipStore } from './access/hub-membership-store';
import { prodGrantSource } from './access/prod-grants';

export const LATCH_VERSION = process.env.LATCH_VERSION ?? '0.1.0-dev';

export interface BrokerOptions {
  paths?: LatchPaths;
  keychain?: Keychain;
  /** Listen on the unix socket (default true). */
  listen?: boolean;
  onShutdownRequested?: (reason: string) => void;
  /** Built renderer served by `latch ui` (default: dist/renderer beside the broker bundle). */
  rendererDir?: string;
  /** How long token values read from the keychain are kept for leases (default: LATCH_KEYCHAIN_CACHE_SECONDS or 5 min). */
  keychainCacheMs?: number;
}

export interface RunningBroker {
  services: BrokerServices;
  transport: TransportDeps;
  close(reason: string): Promise<void>;
}

function currentActor(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid:${process.getuid?.() ?? 'unknown'}`;
  }
}

export async function startBroker(options: BrokerOptions = {}): Promise<RunningBroker> {
  const paths = options.paths ?? resolvePaths();
  const logger: Logger = createFileLogger(paths.logFile);
  const startedAt = new Date();
  const db = openDatabase(paths.dbPath);
  const keychain = options.keychain ?? createOsKeychain();
  const keys = new InternalKeys(keychain);
  const events = new BrokerEvents();
  const audit = new AuditLog(db, keys, keychain, (entry) =>
    events.emit('audit.appended', { seq: entry.seq, action: entry.action, outcome: entry.outcome }),
  );
  const vault = new TokenVault(
    keychain,
    new TokenStore(db),
    audit,
    (name, change) => events.emit('token.changed', { name, change }),
    new ValueCache(options.keychainCacheMs ?? valueCacheTtlMs(process.env)),
  );
  const projects = new ProjectService(new ProjectStore(db), vault, keys, (project) => events.emit('project.changed', project));
  const env = new EnvService(projects, vault, audit);
  const leaseStore = new LeaseStore(db);
  const providers = new ProviderRegistry(leaseStore, keychain);
  const shellsRef: { current: ShellManager | null } = { current: null };
  const leases = new LeaseManager(leaseStore, projects, vault, providers, audit, logger, {
    changed: (lease) => events.emit('lease.changed', { id: lease.id, project: lease.project, state: lease.state, expiresAt: lease.expiresAt, endReason: lease.endReason }),
    expiring: (lease, secondsLeft) => {
      events.emit('lease.expiring', { id: lease.id, project: lease.project, expiresAt: lease.expiresAt, secondsLeft });
      shellsRef.current?.leaseExpiring(lease, secondsLeft);
    },
    ended: (lease) => shellsRef.current?.leaseEnded(lease),
  });
  const shells = new ShellManager(leases, events, logger);
  shellsRef.current = shells;
  const access = new AccessService({ store: new HubMembershipStore(db), keys: new HubKeys(keychain), audit, events, logger });
  leases.setProdGrants(prodGrantSource(access));
  projects.setGrantLookup(() => access.activeGrants());
  access.onGrantEnded((requestId) => {
    void leases.endGrantLeases(requestId).catch((error: unknown) => logger.error('access.end_leases_failed', describeErrorForLog(error)));
  });
  const known = new KnownValues(vault, leases, keys);
  const workspaces = new WorkspaceService(new FindingStore(db), known, vault, events, logger);
  events.subscribe((event) => {
    if (event === 'token.changed') known.invalidate();
    if (event === 'token.changed' || event === 'lease.changed') workspaces.invalidateKnown();
  });
  const connections = new Set<ClientSession>();
  const transportRef: { current: TransportDeps | null } = { current: null };
  const ui = new UiController(() => {
    if (!transportRef.current) throw new Error('transport not ready');
    return transportRef.current;
  }, options.rendererDir);

  const services: BrokerServices = {
    paths,
    db,
    keychain,
    keys,
    vault,
    audit,
    events,
    logger,
    ui,
    projects,
    env,
    leases,
    shells,
    providers,
    known,
    workspaces,
    access,
    async status() {
      return {
        version: LATCH_VERSION,
        pid: process.pid,
        startedAt: startedAt.toISOString(),
        uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
        socketPath: paths.socketPath,
        dataDir: paths.dataDir,
        logFile: paths.logFile,
        keychain: await keychain.health(),
        tokens: vault.count(),
        clients: connections.size,
      };
    },
    async lock() {
      const ended = await leases.revokeAll({ actor: currentActor(), client: 'broker' }, 'locked');
      keys.forget();
      vault.forgetValues();
      access.lock();
      logger.info('broker.locked', { leasesEnded: ended });
      return ended;
    },
    requestShutdown(reason) {
      setImmediate(() => options.onShutdownRequested?.(reason));
    },
  };

  const dispatcher = createDispatcher<ClientContext>(createHandlers(services), {
    onInternalError: (method, error) => logger.error('call.internal_error', { method, ...describeErrorForLog(error) }),
    onCall: (method, code, durationMs) => {
      if (code !== 'OK') logger.info('call', { method, code, durationMs });
    },
  });
  const transport: TransportDeps = { dispatcher, events, logger, actor: currentActor(), connections };
  transportRef.current = transport;

  let server: Server | null = null;
  if (options.listen !== false) {
    server = await listenUnixSocket(paths.socketPath, paths.runtimeDir, transport);
  }
  await leases.recover();
  access.start();
  void workspaces.start().catch((error: unknown) => logger.error('workspaces.start_failed', describeErrorForLog(error)));
  logger.info('broker.started', { version: LATCH_VERSION, socketPath: paths.socketPath });

  let closing: Promise<void> | null = null;
  async function close(reason: string): Promise<void> {
    closing ??= (async () => {
      logger.info('broker.stopping', { reason });
      events.emit('broker.stopping', { reason });
      await ui.close();
      shells.closeAll();
      await workspaces.close();
      await access.close();
      leases.close();
      projects.close();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      for (const session of connections) session.close();
      await audit.flushHead();
      db.close();
      logger.info('broker.stopped', { reason });
    })();
    return closing;
  }

  return { services, transport, close };
}
