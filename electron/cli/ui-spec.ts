import type { CommandSpec } from './command-spec';

/** `latch ui`: its own file so that the quick entry (dist/quick.cjs) carries no other command. */
export const UI_SPEC: CommandSpec = {
  path: ['ui'],
  usage: 'latch ui [--port N] [--no-open] [--detach] | latch ui --stop',
  summary: 'serve the Latch UI to your browser on 127.0.0.1 (one-time login link)',
  details:
    'Prints a one-time URL that signs the browser in (HttpOnly session cookie), opens it unless --no-open,\n' +
    'and keeps running until Ctrl-C (--detach returns at once and leaves the UI served by the broker).',
  flags: {
    port: { type: 'string', value: 'N', description: 'port on 127.0.0.1 (default: a random free port)' },
    'no-open': { type: 'boolean', description: 'do not open a browser' },
    detach: { type: 'boolean', description: 'return at once; the broker keeps serving the UI' },
    stop: { type: 'boolean', description: 'stop serving the UI' },
  },
  args: { min: 0, max: 0 },
  load: async () => (await import('./commands/ui')).ui,
};
