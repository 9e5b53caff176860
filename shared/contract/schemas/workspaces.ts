import { z } from 'zod';
import { absolutePath } from './projects';

export const findingState = z.enum(['open', 'fixed', 'ignored']);
export const fixAction = z.enum(['ignore', 'gitignore', 'move-to-keychain', 'open-in-editor']);

export const findingInfo = z.object({
  fingerprint: z.string(),
  workspace: z.string(),
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  rule: z.string(),
  provider: z.string(),
  severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
  kind: z.enum(['leak', 'stub', 'known']),
  redacted: z.string(),
  message: z.string(),
  /** Tracked by git: already exposed in history — rotate at the provider, then clean history. */
  tracked: z.boolean(),
  state: findingState,
  detectedAt: z.string(),
  closedAt: z.string().nullable(),
  /** The fixes that apply to this finding. */
  fixes: z.array(fixAction),
});

export const workspaceInfo = z.object({
  path: z.string(),
  source: z.enum(['user', 'project', 'vscode']),
  addedAt: z.string(),
  watching: z.boolean(),
  /** Set when the watcher is degraded (e.g. the inotify limit was hit): what happened and what to do. */
  problem: z.string().nullable(),
  files: z.number().int(),
  openFindings: z.number().int(),
  scannedAt: z.string().nullable(),
});

export const workspaceMetrics = z.object({
  open: z.number().int(),
  fixed: z.number().int(),
  ignored: z.number().int(),
  /** Median seconds from detection to fix, null before the first fix. */
  medianSecondsToFix: z.number().nullable(),
  perWorkspace: z.array(z.object({ path: z.string(), open: z.number().int(), fixed: z.number().int(), ignored: z.number().int() })),
});

export const workspaceAddInput = z.object({ path: absolutePath }).strict();
export const findingListInput = z.object({ workspace: absolutePath.optional(), state: findingState.optional() }).strict();
export const findingFixInput = z.object({ fingerprint: z.string().regex(/^[0-9a-f]{8,64}$/, 'must be a finding fingerprint'), action: fixAction }).strict();
export const findingFixOutput = z.object({ fingerprint: z.string(), action: fixAction, state: findingState, detail: z.string() });

export type FindingInfo = z.infer<typeof findingInfo>;
export type WorkspaceInfo = z.infer<typeof workspaceInfo>;
export type FixAction = z.infer<typeof fixAction>;
export type WorkspaceMetrics = z.infer<typeof workspaceMetrics>;
