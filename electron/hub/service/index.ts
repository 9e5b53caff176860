// The hub's service layer: what the transport and the `latch hub` admin commands import.

export { createHubService, type HubServiceInstance, type HubServiceOptions } from './hub-service';
export type { GrantProviderFactory, HubLogger } from './hub-context';
export { createInvite, disableMember, listMembers, type DisabledMember } from './member-admin';
export type { MemberRecord } from './member-records';
export { verifyHubAudit, type AuditVerifyResult } from './hub-audit';
export { defaultGrantProviders, credentialEnvName } from './grant-providers';
export type { SweepReport } from './sweeper';
export { createHubPool, DEFAULT_HUB_POOL_SIZE, type HubDatabaseConfig } from '../store/hub-pool';
export { HUB_SCHEMA_VERSION, hubSchemaVersion, migrateHubDatabase } from '../store/hub-schema';
