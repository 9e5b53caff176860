import type { CommandSpec } from './command-spec';

/** `latch run`: its own file so that the quick entry (dist/quick.cjs) carries no other command. */
export const RUN_SPEC: CommandSpec = {
  path: ['run'],
  usage: 'latch run [--project DIR] [--environment ENV] [--ttl 15m] [--no-masking] [--nested] -- COMMAND [ARGS…]',
  summary: 'run a command with the project’s secrets injected for one lease (like op run / aws-vault exec)',
  details:
    'stdin/stdout/stderr pass through; injected values (and their base64/URL forms) are masked in output\n' +
    'unless --no-masking. The exit code is the command’s; signals are forwarded; the lease ends with it.',
  flags: {
    project: { type: 'string', value: 'DIR|ID', description: 'the project (default: the current folder)' },
    environment: { type: 'string', value: 'ENV', description: 'apply an environment’s overrides' },
    ttl: { type: 'string', value: 'DURATION', description: 'lease length, e.g. 15m (default: the template’s ttl; capped by maxTtl)' },
    nested: { type: 'boolean', description: 'allow starting inside another Latch session' },
    'no-masking': { type: 'boolean', description: 'pass output through untouched' },
  },
  args: { min: 0, max: 0 },
  load: async () => (await import('./commands/run')).run,
};
