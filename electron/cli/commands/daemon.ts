import { boolFlag } from '../args';
import { BrokerClient } from '../broker-client';
import { launchBroker } from '../broker-launcher';
import type { CommandContext } from '../context';
import { EXIT, exitCodeFor } from '../exit-codes';

async function tryConnect(ctx: CommandContext): Promise<BrokerClient | null> {
  try {
    return await BrokerClient.connect(ctx.paths.socketPath, 'cli');
  } catch {
    return null;
  }
}

export async function status(ctx: CommandContext): Promise<number> {
  const s = await ctx.call('system.status', {});
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(s);
    return EXIT.OK;
  }
  const keychain = s.keychain.available ? `${s.keychain.backend}: available` : `${s.keychain.backend}: UNAVAILABLE — ${s.keychain.message ?? ''}`;
  ctx.print(
    [
      `broker     running (pid ${s.pid}, version ${s.version}, up ${s.uptimeSeconds}s)`,
      `socket     ${s.socketPath}`,
      `keychain   ${keychain}`,
      `data       ${s.dataDir}`,
      `log        ${s.logFile}`,
      `tokens     ${s.tokens}`,
      `clients    ${s.clients}`,
    ].join('\n'),
  );
  return s.keychain.available ? EXIT.OK : EXIT.KEYCHAIN_UNAVAILABLE;
}

export async function daemonStart(ctx: CommandContext): Promise<number> {
  const existing = await tryConnect(ctx);
  if (existing) {
    existing.close();
    ctx.io.stderr.write(`Broker already running on ${ctx.paths.socketPath}.\n`);
    return EXIT.OK;
  }
  await launchBroker();
  ctx.io.stderr.write(`Broker started on ${ctx.paths.socketPath}.\n`);
  return EXIT.OK;
}

export async function daemonStop(ctx: CommandContext): Promise<number> {
  const client = await tryConnect(ctx);
  if (!client) {
    ctx.io.stderr.write('Broker not running.\n');
    return EXIT.OK;
  }
  await client.call('system.shutdown', {});
  // Wait until the socket stops answering, so a following `daemon start` gets a fresh broker.
  for (let i = 0; i < 100; i++) {
    const probe = await tryConnect(ctx);
    if (!probe) break;
    probe.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  client.close();
  ctx.io.stderr.write('Broker stopped.\n');
  return EXIT.OK;
}

export async function daemonStatus(ctx: CommandContext): Promise<number> {
  const client = await tryConnect(ctx);
  if (!client) {
    if (boolFlag(ctx.args, 'json')) ctx.printJson({ running: false, socketPath: ctx.paths.socketPath });
    else ctx.print(`Broker not running (socket ${ctx.paths.socketPath}).`);
    return EXIT.BROKER_UNAVAILABLE;
  }
  const result = await client.call('system.status', {});
  client.close();
  if (!result.ok) {
    ctx.io.stderr.write(`latch: ${result.error.message}\n`);
    return EXIT.FAILURE;
  }
  if (boolFlag(ctx.args, 'json')) ctx.printJson({ running: true, ...result.value });
  else ctx.print(`Broker running (pid ${result.value.pid}, up ${result.value.uptimeSeconds}s) on ${result.value.socketPath}.`);
  return EXIT.OK;
}

/** `latch lock`: end every lease and make the broker forget cached keys and token values (the tray's Lock). */
export async function lock(ctx: CommandContext): Promise<number> {
  const client = await tryConnect(ctx);
  if (!client) {
    ctx.print('Broker not running: nothing to lock.');
    return EXIT.OK;
  }
  try {
    const result = await client.call('system.lock', {});
    if (!result.ok) {
      ctx.io.stderr.write(`latch: ${result.error.message}\n`);
      return exitCodeFor(result.error.code);
    }
    ctx.print(`Locked: ${result.value.leasesEnded} lease${result.value.leasesEnded === 1 ? '' : 's'} ended, cached keys and token values forgotten.`);
    return EXIT.OK;
  } finally {
    client.close();
  }
}
