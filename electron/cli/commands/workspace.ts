import { resolve } from 'node:path';
import { boolFlag, stringFlag } from '../args';
import type { CommandContext } from '../context';
import { CliFailure } from '../context';
import { EXIT } from '../exit-codes';
import { formatTable } from '../table';

export async function workspaceAdd(ctx: CommandContext): Promise<number> {
  const info = await ctx.call('workspace.add', { path: resolve(ctx.args.positionals[0] ?? '.') });
  ctx.io.stderr.write(`Watching ${info.path}: ${info.files} files scanned, ${info.openFindings} open findings.${info.problem ? ` ${info.problem}` : ''}\n`);
  return EXIT.OK;
}

export async function workspaceList(ctx: CommandContext): Promise<number> {
  const list = await ctx.call('workspace.list', {});
  if (boolFlag(ctx.args, 'json')) ctx.printJson(list);
  else if (list.length === 0) ctx.print('No watched workspaces. Add one with `latch workspace add DIR`.');
  else ctx.print(formatTable(['WORKSPACE', 'SOURCE', 'FILES', 'OPEN', 'STATE'], list.map((w) => [w.path, w.source, String(w.files), String(w.openFindings), w.problem ?? (w.watching ? 'watching' : 'not watching')])));
  return EXIT.OK;
}

export async function workspaceRemove(ctx: CommandContext): Promise<number> {
  await ctx.call('workspace.remove', { path: resolve(ctx.args.positionals[0] ?? '.') });
  ctx.io.stderr.write('No longer watched.\n');
  return EXIT.OK;
}

export async function findings(ctx: CommandContext): Promise<number> {
  const state = stringFlag(ctx.args, 'state') ?? 'open';
  if (!['open', 'fixed', 'ignored'].includes(state)) throw new CliFailure('USAGE', '--state must be open, fixed or ignored');
  const list = await ctx.call('finding.list', { state: state as 'open' | 'fixed' | 'ignored' });
  if (boolFlag(ctx.args, 'json')) ctx.printJson(list);
  else if (list.length === 0) ctx.print(`No ${state} findings.`);
  else ctx.print(formatTable(['FINGERPRINT', 'FILE', 'RULE', 'SEVERITY', 'PREVIEW', 'FIXES'], list.map((f) => [f.fingerprint, `${f.workspace}/${f.file}:${f.line}`, f.rule, f.severity + (f.tracked ? ' (in git)' : ''), f.redacted, f.fixes.join(', ')])));
  return EXIT.OK;
}

export async function findingFix(ctx: CommandContext): Promise<number> {
  const [fingerprint, action] = ctx.args.positionals as [string, string];
  if (!['ignore', 'gitignore', 'move-to-keychain', 'open-in-editor'].includes(action)) throw new CliFailure('USAGE', 'ACTION must be move-to-keychain, gitignore, ignore or open-in-editor');
  const result = await ctx.call('finding.fix', { fingerprint, action: action as 'ignore' });
  ctx.io.stderr.write(`${result.detail}.\n`);
  return EXIT.OK;
}
