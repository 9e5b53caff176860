import type { TokenMeta } from '../../../shared/contract';
import { boolFlag, stringFlag, type ParsedArgs } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { readSecretValue } from '../secret-input';
import { formatTable, shortDate } from '../table';

function positional(ctx: CommandContext): string {
  return ctx.args.positionals[0] as string;
}

/** `--expires 2027-01-31`, an ISO time, or a span from now like `30d`/`12h`. */
export function parseExpiry(text: string, now = Date.now()): string {
  const span = /^(\d+)([hdw])$/.exec(text);
  if (span) {
    const unit = { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[span[2] as 'h' | 'd' | 'w'];
    return new Date(now + Number(span[1]) * unit).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text = `${text}T00:00:00Z`;
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) throw new CliFailure('USAGE', `--expires: "${text}" is not a date (YYYY-MM-DD) or a span like 30d`);
  return new Date(parsed).toISOString();
}

function parseRotationDays(text: string): number {
  const days = Number(text.replace(/d$/, ''));
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new CliFailure('USAGE', `--rotate-every: "${text}" must be a whole number of days from 1 to 3650`);
  }
  return days;
}

function metadataFromFlags(args: ParsedArgs) {
  const scopes = stringFlag(args, 'scopes');
  const expires = stringFlag(args, 'expires');
  const rotate = stringFlag(args, 'rotate-every');
  return {
    ...(stringFlag(args, 'kind') !== undefined && { kind: stringFlag(args, 'kind') }),
    ...(stringFlag(args, 'owner') !== undefined && { owner: stringFlag(args, 'owner') }),
    ...(scopes !== undefined && { scopes: scopes.split(',').map((s) => s.trim()).filter(Boolean) }),
    ...(stringFlag(args, 'notes') !== undefined && { notes: stringFlag(args, 'notes') }),
    ...(expires !== undefined && { expiresAt: expires === 'never' ? null : parseExpiry(expires) }),
    ...(rotate !== undefined && { rotationPeriodDays: rotate === 'never' ? null : parseRotationDays(rotate) }),
  };
}

const STATUS_LABEL: Record<TokenMeta['status'], string> = {
  ok: 'ok',
  expiring: 'EXPIRING',
  expired: 'EXPIRED',
  'rotation-due': 'ROTATE',
};

export async function tokenAdd(ctx: CommandContext): Promise<number> {
  const name = positional(ctx);
  const metadata = metadataFromFlags(ctx.args);
  const value = await readSecretValue(ctx.io, name);
  const meta = await ctx.call('token.add', { name, value, ...metadata });
  if (boolFlag(ctx.args, 'json')) ctx.printJson(meta);
  else ctx.io.stderr.write(`Stored "${meta.name}" in the OS keychain (${meta.id}).\n`);
  return EXIT.OK;
}

export async function tokenList(ctx: CommandContext): Promise<number> {
  const tokens = await ctx.call('token.list', {});
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(tokens);
    return EXIT.OK;
  }
  if (tokens.length === 0) {
    ctx.print('No tokens yet. Add one with `latch token add NAME`.');
    return EXIT.OK;
  }
  ctx.print(
    formatTable(
      ['NAME', 'KIND', 'OWNER', 'STATUS', 'EXPIRES', 'ROTATION DUE', 'LAST ROTATED'],
      tokens.map((t) => [
        t.name,
        t.kind,
        t.owner ?? '-',
        STATUS_LABEL[t.status],
        shortDate(t.expiresAt),
        shortDate(t.rotationDueAt),
        shortDate(t.lastRotatedAt),
      ]),
    ),
  );
  return EXIT.OK;
}

export async function tokenShow(ctx: CommandContext): Promise<number> {
  const detail = await ctx.call('token.get', { name: positional(ctx) });
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(detail);
    return EXIT.OK;
  }
  const rows: Array<[string, string]> = [
    ['name', detail.name],
    ['id', detail.id],
    ['kind', detail.kind],
    ['owner', detail.owner ?? '-'],
    ['scopes', detail.scopes.join(', ') || '-'],
    ['status', STATUS_LABEL[detail.status]],
    ['created', detail.createdAt],
    ['updated', detail.updatedAt],
    ['expires', detail.expiresAt ?? 'never'],
    ['rotate every', detail.rotationPeriodDays === null ? '-' : `${detail.rotationPeriodDays} days`],
    ['rotation due', detail.rotationDueAt ?? '-'],
    ['last rotated', detail.lastRotatedAt ?? 'never'],
    ['rotations', detail.rotations.length === 0 ? '-' : detail.rotations.join(', ')],
    ['notes', detail.notes ?? '-'],
    ['value', 'in the OS keychain (latch token reveal ' + detail.name + ')'],
  ];
  ctx.print(rows.map(([key, value]) => `${key.padEnd(13)} ${value}`).join('\n'));
  return EXIT.OK;
}

export async function tokenReveal(ctx: CommandContext): Promise<number> {
  const reason = stringFlag(ctx.args, 'reason');
  const { value } = await ctx.call('token.reveal', { name: positional(ctx), ...(reason !== undefined && { reason }) });
  ctx.io.stdout.write(ctx.io.stdout.isTTY ? value + '\n' : value);
  return EXIT.OK;
}

export async function tokenEdit(ctx: CommandContext): Promise<number> {
  const rename = stringFlag(ctx.args, 'rename');
  const patch = { ...metadataFromFlags(ctx.args), ...(rename !== undefined && { rename }) };
  if (Object.keys(patch).length === 0) throw new CliFailure('USAGE', 'nothing to change: give at least one option (see --help)');
  const meta = await ctx.call('token.update', { name: positional(ctx), patch });
  if (boolFlag(ctx.args, 'json')) ctx.printJson(meta);
  else ctx.io.stderr.write(`Updated "${meta.name}".\n`);
  return EXIT.OK;
}

export async function tokenRotate(ctx: CommandContext): Promise<number> {
  const name = positional(ctx);
  await ctx.call('token.get', { name });
  const value = await readSecretValue(ctx.io, `${name} (new value)`);
  const meta = await ctx.call('token.rotate', { name, value });
  if (boolFlag(ctx.args, 'json')) ctx.printJson(meta);
  else ctx.io.stderr.write(`Rotated "${meta.name}"; the old value is gone from the keychain.\n`);
  return EXIT.OK;
}

async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  ctx.io.stderr.write(`${question} [y/N] `);
  const answer = await new Promise<string>((resolve) => {
    ctx.io.stdin.setEncoding('utf8');
    ctx.io.stdin.once('data', (chunk: string) => resolve(chunk));
  });
  ctx.io.stdin.pause();
  return /^y(es)?$/i.test(answer.trim());
}

export async function tokenRemove(ctx: CommandContext): Promise<number> {
  const name = positional(ctx);
  if (!boolFlag(ctx.args, 'yes')) {
    if (!ctx.io.stdin.isTTY) throw new CliFailure('USAGE', 'refusing to delete without confirmation: pass --yes');
    await ctx.call('token.get', { name });
    if (!(await confirm(ctx, `Delete "${name}" and its value from the keychain?`))) {
      ctx.io.stderr.write('Nothing deleted.\n');
      return EXIT.FAILURE;
    }
  }
  await ctx.call('token.remove', { name });
  ctx.io.stderr.write(`Removed "${name}".\n`);
  return EXIT.OK;
}
