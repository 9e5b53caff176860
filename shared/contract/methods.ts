import { z } from 'zod';
import { empty } from './schemas/common';
import {
  tokenAddInput,
  tokenDetail,
  tokenMeta,
  tokenRefInput,
  tokenRemoveOutput,
  tokenRevealInput,
  tokenRevealOutput,
  tokenRotateInput,
  tokenUpdateInput,
} from './schemas/tokens';
import { auditEntry, auditListInput, auditVerifyOutput } from './schemas/audit';
import { systemStatus } from './schemas/system';
import { knownIndexOutput } from './schemas/scan';
import {
  findingFixInput,
  findingFixOutput,
  findingInfo,
  findingListInput,
  workspaceAddInput,
  workspaceInfo,
  workspaceMetrics,
} from './schemas/workspaces';
import { uiCloseOutput, uiOpenInput, uiOpenOutput } from './schemas/ui';
import {
  accessApproveInput,
  accessAuditEntry,
  accessAuditInput,
  accessCommentInput,
  accessJoinInput,
  accessListInput,
  accessRefInput,
  accessRequestInfo,
  accessRequestInput,
  accessStatus,
} from './schemas/access';
import {
  envMigrateInput,
  envMigrateOutput,
  envResolveInput,
  envResolveOutput,
  projectAddInput,
  projectDetail,
  projectGetInput,
  projectRefInput,
  projectSummary,
  stubRefInput,
  stubShapeInfo,
  stubValueOutput,
} from './schemas/projects';
import {
  leaseCreateInput,
  leaseCreateOutput,
  leaseInfo,
  leaseRefInput,
  leaseRenewInput,
  leaseRevokeProjectInput,
  postgresServerInput,
  providerServerInfo,
  shellAttachOutput,
  shellInfo,
  shellInputInput,
  shellOpenInput,
  shellRefInput,
  shellResizeInput,
} from './schemas/leases';

export interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  summary: string;
  /** Whether a successful call reveals a secret value to the caller (such calls are always audited). */
  revealsSecret?: boolean;
}

function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

/**
 * Every method the broker serves. The Electron IPC bridge, the unix socket and the
 * WebSocket carry exactly these; the preload's allowlist is this table's keys.
 */
export const METHODS = {
  'system.status': method({ input: empty, output: systemStatus, summary: 'Broker health, paths and keychain state' }),
  'system.lock': method({
    input: empty,
    output: z.object({ leasesEnded: z.number().int(), cachesCleared: z.literal(true) }),
    summary: 'End every lease and forget every cached key and token value (tray “Lock”, `latch lock`)',
  }),
  'system.shutdown': method({ input: empty, output: z.object({ stopping: z.literal(true) }), summary: 'Stop the broker' }),

  'token.add': method({ input: tokenAddInput, output: tokenMeta, summary: 'Store a new personal token in the keychain' }),
  'token.list': method({ input: empty, output: z.array(tokenMeta), summary: 'List personal tokens (metadata only)' }),
  'token.get': method({ input: tokenRefInput, output: tokenDetail, summary: 'One token’s metadata and rotation history' }),
  'token.reveal': method({
    input: tokenRevealInput,
    output: tokenRevealOutput,
    summary: 'Read a token’s value (explicit, audited)',
    revealsSecret: true,
  }),
  'token.update': method({ input: tokenUpdateInput, output: tokenMeta, summary: 'Change a token’s metadata' }),
  'token.rotate': method({ input: tokenRotateInput, output: tokenMeta, summary: 'Replace a token’s value' }),
  'token.remove': method({ input: tokenRefInput, output: tokenRemoveOutput, summary: 'Delete a token and its value' }),

  'audit.list': method({ input: auditListInput, output: z.array(auditEntry), summary: 'Read the audit log, newest first' }),
  'audit.verify': method({ input: empty, output: auditVerifyOutput, summary: 'Check the audit hash chain' }),

  'project.add': method({ input: projectAddInput, output: projectSummary, summary: 'Register a project folder (its latch.yaml)' }),
  'project.list': method({ input: empty, output: z.array(projectSummary), summary: 'Known projects with their template status' }),
  'project.get': method({ input: projectGetInput, output: projectDetail, summary: 'A project’s template: each secret and its status for you' }),
  'project.remove': method({ input: projectRefInput, output: z.object({ removed: z.literal(true) }), summary: 'Forget a project (files untouched)' }),
  'stub.get': method({ input: stubRefInput, output: stubValueOutput, summary: 'The stub value for one stub secret (stable until rotated)' }),
  'stub.rotate': method({ input: stubRefInput, output: stubValueOutput, summary: 'Rotate a stub: the next value replaces it' }),
  'stub.shapes': method({ input: empty, output: z.array(stubShapeInfo), summary: 'The built-in stub shapes, each with an example' }),
  'env.resolve': method({
    input: envResolveInput,
    output: envResolveOutput,
    summary: 'A project’s local environment (stubs and personal tokens), audited',
    revealsSecret: true,
  }),
  'env.migrate': method({ input: envMigrateInput, output: envMigrateOutput, summary: 'Move a .env file’s values into the keychain and template' }),

  'lease.create': method({
    input: leaseCreateInput,
    output: leaseCreateOutput,
    summary: 'Start a lease: the project’s environment for a bounded time (for `latch run` / `latch shell`)',
    revealsSecret: true,
  }),
  'lease.list': method({ input: empty, output: z.array(leaseInfo), summary: 'Leases, live first, with revocations owed' }),
  'lease.get': method({ input: leaseRefInput, output: leaseInfo, summary: 'One lease' }),
  'lease.renew': method({ input: leaseRenewInput, output: leaseInfo, summary: 'Extend a lease (up to its max TTL)' }),
  'lease.revoke': method({ input: leaseRefInput, output: leaseInfo, summary: 'End a lease now; revoke its dynamic credentials at the source' }),
  'lease.revokeProject': method({ input: leaseRevokeProjectInput, output: z.object({ revoked: z.number().int() }), summary: 'End every lease of a project' }),
  'shell.open': method({ input: shellOpenInput, output: shellInfo, summary: 'Open a dev shell (pty in the broker) for a project' }),
  'shell.list': method({ input: empty, output: z.array(shellInfo), summary: 'Open shells' }),
  'shell.attach': method({ input: shellRefInput, output: shellAttachOutput, summary: 'Receive a shell’s (masked) output on this connection' }),
  'shell.input': method({ input: shellInputInput, output: z.object({ ok: z.literal(true) }), summary: 'Type into a shell' }),
  'shell.resize': method({ input: shellResizeInput, output: z.object({ ok: z.literal(true) }), summary: 'Resize a shell’s terminal' }),
  'shell.close': method({ input: shellRefInput, output: z.object({ ok: z.literal(true) }), summary: 'Close a shell and end its lease' }),
  'provider.addPostgres': method({ input: postgresServerInput, output: providerServerInfo, summary: 'Configure a Postgres server for dynamic roles (admin password to the keychain)' }),
  'provider.list': method({ input: empty, output: z.array(providerServerInfo), summary: 'Configured provider servers' }),

  'access.status': method({ input: empty, output: accessStatus, summary: 'Team hub membership, link state and pending reviews' }),
  'access.join': method({ input: accessJoinInput, output: accessStatus, summary: 'Join a team hub with an invite (keys made here; private keys to the keychain)' }),
  'access.leave': method({ input: empty, output: accessStatus, summary: 'Forget the team hub membership and its keys on this machine' }),
  'access.request': method({ input: accessRequestInput, output: accessRequestInfo, summary: 'Ask for time-boxed production access, with a reason' }),
  'access.list': method({ input: accessListInput, output: z.array(accessRequestInfo), summary: 'Access requests: mine, to review, or both; newest first' }),
  'access.get': method({ input: accessRefInput, output: accessRequestInfo, summary: 'One access request' }),
  'access.approve': method({ input: accessApproveInput, output: accessRequestInfo, summary: 'Approve a request (optionally for a shorter time)' }),
  'access.deny': method({ input: accessCommentInput, output: accessRequestInfo, summary: 'Deny a request, with a comment' }),
  'access.cancel': method({ input: accessRefInput, output: accessRequestInfo, summary: 'Withdraw my pending request' }),
  'access.revoke': method({ input: accessCommentInput, output: accessRequestInfo, summary: 'End an active grant now (revoked at the source)' }),
  'access.audit': method({ input: accessAuditInput, output: z.array(accessAuditEntry), summary: 'The hub’s audit trail, newest first' }),

  'scan.knownIndex': method({
    input: empty,
    output: knownIndexOutput,
    summary: 'Keyed hashes of the values the broker holds, for finding them in files',
  }),

  'workspace.add': method({ input: workspaceAddInput, output: workspaceInfo, summary: 'Watch a folder for secrets saved into files' }),
  'workspace.list': method({ input: empty, output: z.array(workspaceInfo), summary: 'Watched workspaces' }),
  'workspace.remove': method({ input: workspaceAddInput, output: z.object({ removed: z.literal(true) }), summary: 'Stop watching a folder' }),
  'workspace.metrics': method({ input: empty, output: workspaceMetrics, summary: 'Open findings, time to fix, fixed vs ignored' }),
  'finding.list': method({ input: findingListInput, output: z.array(findingInfo), summary: 'Findings in watched workspaces' }),
  'finding.fix': method({ input: findingFixInput, output: findingFixOutput, summary: 'Apply a fix: move to keychain, .gitignore, ignore, open in editor' }),

  'ui.open': method({
    input: uiOpenInput,
    output: uiOpenOutput,
    summary: 'Start the browser UI server (if needed) and mint a one-time login URL',
  }),
  'ui.close': method({ input: empty, output: uiCloseOutput, summary: 'Stop the browser UI server' }),
} as const;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(METHODS, name);
}
