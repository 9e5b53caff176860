import type { SystemStatus } from '../../shared/contract';
import type { AuditLog } from './audit/audit-log';
import type { Keychain } from './keychain/keychain';
import type { InternalKeys } from './keychain/internal-keys';
import type { BrokerEvents } from './events';
import type { Logger } from './log';
import type { LatchPaths } from './paths';
import type { Database } from './store/database';
import type { TokenVault } from './vault/token-vault';
import type { UiController } from './transports/ui-controller';
import type { ProjectService } from './projects/project-service';
import type { EnvService } from './projects/env-service';
import type { LeaseManager } from './leases/lease-manager';
import type { ShellManager } from './shells/shell-manager';
import type { ProviderRegistry } from './providers/provider-registry';
import type { KnownValues } from './workspaces/known-values';
import type { WorkspaceService } from './workspaces/workspace-service';
import type { AccessService } from './access/access-service';

/** Everything the handlers use; built once by `startBroker`. */
export interface BrokerServices {
  paths: LatchPaths;
  db: Database;
  keychain: Keychain;
  keys: InternalKeys;
  vault: TokenVault;
  audit: AuditLog;
  events: BrokerEvents;
  logger: Logger;
  ui: UiController;
  projects: ProjectService;
  env: EnvService;
  leases: LeaseManager;
  shells: ShellManager;
  providers: ProviderRegistry;
  known: KnownValues;
  workspaces: WorkspaceService;
  access: AccessService;
  status(): Promise<SystemStatus>;
  requestShutdown(reason: string): void;
  /** End every lease and forget cached keys and token values; returns how many leases ended. */
  lock(): Promise<number>;
}
