import { spawn } from 'node-pty';
import { createMasker } from '../../../shared/redact/masker';
import { sessionEnv, userShell } from '../../broker/shells/shell-env';
import type { CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { refuseNesting, startLease } from './run';

const banner = (text: string): string => `\r\n\x1b[1;33m[latch] ${text}\x1b[0m\r\n`;

/** `latch shell [DIR]`: your shell, in this terminal, with the project's lease; output masked. */
export async function shell(ctx: CommandContext): Promise<number> {
  refuseNesting(ctx);
  const { lease, env, session } = await startLease(ctx, 'session');
  const { stdin, stdout } = ctx.io;
  const { file, args } = userShell(ctx.io.env);
  const pty = spawn(file, args, {
    name: ctx.io.env.TERM ?? 'xterm-256color',
    cols: stdout.columns || 100,
    rows: stdout.rows || 30,
    cwd: lease.projectPath,
    env: sessionEnv({ base: ctx.io.env, values: env, session, project: lease.project, expiresAt: lease.expiresAt }),
  });
  const masker = createMasker(Object.entries(env).map(([name, value]) => ({ name, value })));
  let idle: NodeJS.Timeout | null = null;
  const write = (bytes: Uint8Array): void => {
    if (bytes.length > 0) stdout.write(bytes);
  };
  pty.onData((data) => {
    write(masker.push(Buffer.from(data, 'utf8')));
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => write(masker.flush()), 40);
  });
  stdout.write(banner(`${lease.project}: ${Object.keys(env).length} secrets until ${lease.expiresAt} — exit to end the lease`));
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.resume();
  const onInput = (chunk: Buffer): void => pty.write(chunk.toString('utf8'));
  stdin.on('data', onInput);
  const onResize = (): void => pty.resize(stdout.columns || 100, stdout.rows || 30);
  stdout.on('resize', onResize);

  const client = await ctx.broker();
  const off = client.onEvent((frame) => {
    if (frame.event === 'lease.expiring' && (frame.payload as { id: string }).id === lease.id) {
      const { secondsLeft } = frame.payload as { secondsLeft: number };
      stdout.write(banner(`lease expires in ${secondsLeft}s — run \`latch renew\` to extend it`));
    }
    if (frame.event === 'lease.changed') {
      const payload = frame.payload as { id: string; state: string; endReason: string | null };
      if (payload.id === lease.id && (payload.state === 'expired' || payload.state === 'revoked')) {
        if (lease.onExpiry === 'stub-only') stdout.write(banner(`lease ${payload.state}: dynamic credentials revoked; stub values remain`));
        else {
          stdout.write(banner(`lease ${payload.state} (${payload.endReason ?? ''}): ending this shell`));
          pty.kill('SIGHUP');
        }
      }
    }
  });
  const exitCode = await new Promise<number>((done) => pty.onExit(({ exitCode: code }) => done(code)));
  off();
  if (idle) clearTimeout(idle);
  write(masker.flush());
  stdin.removeListener('data', onInput);
  stdout.removeListener('resize', onResize);
  if (stdin.isTTY) stdin.setRawMode(false);
  stdin.pause();
  await ctx.call('lease.revoke', { lease: lease.id }).catch(() => undefined);
  return exitCode ?? EXIT.OK;
}
