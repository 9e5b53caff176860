import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { formatTable } from '../table';

export async function auditList(ctx: CommandContext): Promise<number> {
  const limitText = stringFlag(ctx.args, 'limit');
  const limit = limitText === undefined ? 50 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) {
    throw new CliFailure('USAGE', `--limit: "${limitText}" must be a whole number from 1 to 5000`);
  }
  const action = stringFlag(ctx.args, 'action');
  const target = stringFlag(ctx.args, 'target');
  const entries = await ctx.call('audit.list', {
    limit,
    ...(action !== undefined && { action }),
    ...(target !== undefined && { target }),
  });
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(entries);
    return EXIT.OK;
  }
  if (entries.length === 0) {
    ctx.print('The audit log has no matching entries.');
    return EXIT.OK;
  }
  ctx.print(
    formatTable(
      ['SEQ', 'WHEN', 'ACTOR', 'CLIENT', 'ACTION', 'TARGET', 'OUTCOME', 'DETAIL'],
      entries.map((e) => [
        String(e.seq),
        e.at.replace('T', ' ').slice(0, 19),
        e.actor,
        e.client,
        e.action,
        e.target ?? '-',
        e.outcome,
        e.detail ?? '',
      ]),
    ),
  );
  return EXIT.OK;
}

export async function auditVerify(ctx: CommandContext): Promise<number> {
  const report = await ctx.call('audit.verify', {});
  if (boolFlag(ctx.args, 'json')) ctx.printJson(report);
  else if (report.ok) ctx.print(`Audit log intact: ${report.checked} entries, hash chain verified.`);
  else ctx.io.stderr.write(`latch: audit log TAMPERED: ${report.problem ?? 'unknown problem'}\n`);
  return report.ok ? EXIT.OK : EXIT.FAILURE;
}
