import { spawn } from 'node:child_process';
import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';

function openInBrowser(url: string): boolean {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new CliFailure('USAGE', `--port: "${text}" must be a port number from 1024 to 65535`);
  }
  return port;
}

export async function ui(ctx: CommandContext): Promise<number> {
  if (boolFlag(ctx.args, 'stop')) {
    const { closed } = await ctx.call('ui.close', {});
    ctx.io.stderr.write(closed ? 'Latch UI stopped.\n' : 'Latch UI was not running.\n');
    return EXIT.OK;
  }
  const port = parsePort(stringFlag(ctx.args, 'port'));
  const opened = await ctx.call('ui.open', port === undefined ? {} : { port });
  ctx.print(opened.url);
  const display = ctx.io.env.DISPLAY || ctx.io.env.WAYLAND_DISPLAY || process.platform === 'darwin';
  if (!boolFlag(ctx.args, 'no-open') && display) openInBrowser(opened.url);
  ctx.io.stderr.write(
    `Latch UI on http://127.0.0.1:${opened.port}/ — the link above signs you in once (valid 5 minutes).\n` +
      (boolFlag(ctx.args, 'detach') ? '' : 'Press Ctrl-C to stop the UI (the broker keeps running).\n'),
  );
  if (boolFlag(ctx.args, 'detach')) return EXIT.OK;
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void ctx.broker().then((client) => client.onClose(stop));
  });
  await ctx.call('ui.close', {}).catch(() => undefined);
  ctx.io.stderr.write('\nLatch UI stopped.\n');
  return EXIT.OK;
}
