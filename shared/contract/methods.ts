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
import { uiCloseOutput, uiOpenInput, uiOpenOutput } from './schemas/ui';
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
    summary: 'End every lease and forget every cached key (tray “Lock”)',
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
