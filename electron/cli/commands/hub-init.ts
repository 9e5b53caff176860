// `latch hub init`: a hub folder (hub.yaml, CA, server certificate, example policy).

import { HubInitError, initHub } from '../../hub/config/hub-init';
import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { hubDir } from './hub-common';

function listFlag(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function hubInit(ctx: CommandContext): Promise<number> {
  const portText = stringFlag(ctx.args, 'port');
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new CliFailure('USAGE', '--port must be a port number (1-65535)');
  const databaseUrl = stringFlag(ctx.args, 'database-url');
  let result;
  try {
    result = await initHub({
      dir: hubDir(ctx),
      hosts: listFlag(stringFlag(ctx.args, 'host')),
      ...(databaseUrl !== undefined ? { databaseUrl } : {}),
      ...(port !== undefined ? { port } : {}),
      force: boolFlag(ctx.args, 'force'),
    });
  } catch (error) {
    if (error instanceof HubInitError) throw new CliFailure('USAGE', error.message);
    throw error;
  }
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(result);
    return EXIT.OK;
  }
  ctx.print(
    [
      `hub folder: ${result.dir}`,
      `  written: ${result.files.join(', ')}`,
      `  certificate names: ${result.hosts.join(', ')}`,
      `  CA fingerprint (SHA-256): ${result.caFingerprint}`,
      `  public URL (edit public_url in hub.yaml if members reach it by another name): ${result.publicUrl}`,
      `  database URL from: ${result.databaseFrom}`,
      '',
      'Next:',
      `  edit ${result.dir}/hub-policy.yaml (check it with \`latch hub policy check\`)`,
      `  latch hub serve --dir ${result.dir}`,
      `  latch hub invite NAME --groups developers --dir ${result.dir}`,
    ].join('\n'),
  );
  return EXIT.OK;
}
