import type { FlagSpec } from './args';
import type { CommandContext } from './context';

export type CommandRun = (ctx: CommandContext) => Promise<number>;

export interface CommandSpec {
  /** Words after `latch`, e.g. ['token', 'add']. */
  path: readonly string[];
  usage: string;
  summary: string;
  details?: string;
  flags: Record<string, FlagSpec>;
  args: { min: number; max: number };
  /** Loaded only when the command runs, so `latch --help` stays fast. */
  load: () => Promise<CommandRun>;
}

export const JSON_FLAG: FlagSpec = { type: 'boolean', description: 'machine-readable output' };

export const TOKEN_METADATA_FLAGS: Record<string, FlagSpec> = {
  kind: { type: 'string', value: 'KIND', description: 'provider, e.g. github, npm, aws (default generic)' },
  owner: { type: 'string', value: 'WHO', description: 'who the token belongs to or answers for it' },
  scopes: { type: 'string', value: 'A,B', description: 'comma-separated scopes' },
  notes: { type: 'string', value: 'TEXT', description: 'free text (no secrets)' },
  expires: { type: 'string', value: 'DATE|30d', description: 'expiry date (YYYY-MM-DD, ISO time) or time from now' },
  'rotate-every': { type: 'string', value: 'DAYS', description: 'rotation period in days, e.g. 90' },
};
