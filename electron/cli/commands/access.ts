import type { AccessRequestInfo } from '../../../shared/contract';
import { requestSummary } from '../../../shared/access/request-summary';
import { DURATION_EXAMPLES, formatDuration, parseDuration } from '../../../shared/manifest/model/duration';
import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { formatTable } from '../table';

const ENDED = new Set(['expired', 'revoked', 'denied', 'cancelled', 'timed-out']);

function durationFlag(ctx: CommandContext, name: string): number | undefined {
  const text = stringFlag(ctx.args, name);
  if (text === undefined) return undefined;
  const seconds = parseDuration(text);
  if (seconds === undefined) throw new CliFailure('USAGE', `--${name}: "${text}" is not a duration (e.g. ${DURATION_EXAMPLES})`);
  return seconds;
}

function requestId(ctx: CommandContext): string {
  const id = ctx.args.positionals[0];
  if (id === undefined) throw new CliFailure('USAGE', 'give a request id (see `latch access ls`)');
  return id;
}

function printRequest(ctx: CommandContext, info: AccessRequestInfo): void {
  if (boolFlag(ctx.args, 'json')) ctx.printJson(info);
  else ctx.print(`${info.id}  ${requestSummary(info)}`);
}

export async function hubJoin(ctx: CommandContext): Promise<number> {
  const invite = ctx.args.positionals[0] as string;
  const name = stringFlag(ctx.args, 'name');
  const status = await ctx.call('access.join', { invite, ...(name !== undefined && { name }) });
  if (boolFlag(ctx.args, 'json')) ctx.printJson(status);
  else ctx.print(`Joined ${status.hubUrl} as ${status.member?.name ?? '?'} (groups: ${status.member?.groups.join(', ') || 'none'}). Your private keys are in the OS keychain.`);
  return EXIT.OK;
}

export async function hubLeave(ctx: CommandContext): Promise<number> {
  const before = await ctx.call('access.status', {});
  if (!before.joined) {
    ctx.io.stderr.write('This machine is not a member of a team hub.\n');
    return EXIT.OK;
  }
  await ctx.call('access.leave', {});
  ctx.io.stderr.write(`Left ${before.hubUrl ?? 'the hub'}; this machine’s hub keys were deleted from the keychain.\n`);
  return EXIT.OK;
}

export async function hubStatus(ctx: CommandContext): Promise<number> {
  const status = await ctx.call('access.status', {});
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(status);
    return EXIT.OK;
  }
  if (!status.joined) {
    ctx.print('Not a member of a team hub. Ask an admin for an invite, then: latch hub join INVITE');
    return EXIT.OK;
  }
  ctx.print(
    [
      `hub:              ${status.hubUrl ?? '-'}`,
      `member:           ${status.member?.name ?? '-'} (${status.member?.groups.join(', ') || 'no groups'})`,
      `link:             ${status.connection}`,
      `to review:        ${status.pendingReviews}`,
      `active grants:    ${status.activeGrants}`,
    ].join('\n'),
  );
  return EXIT.OK;
}

/** Wait for a decision on a request (events from the broker), up to its pending deadline. */
async function waitForDecision(ctx: CommandContext, info: AccessRequestInfo): Promise<AccessRequestInfo> {
  const client = await ctx.broker();
  let current = info;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stop();
      process.off('SIGINT', done);
      resolve();
    };
    const stop = client.onEvent((frame) => {
      if (frame.event !== 'access.changed') return;
      const payload = frame.payload as { id?: unknown; state?: unknown };
      if (payload.id !== info.id || typeof payload.state !== 'string' || payload.state === 'pending') return;
      void ctx.call('access.get', { id: info.id }).then((next) => {
        current = next;
        if (next.state !== 'pending' && next.state !== 'approved') done();
      });
    });
    process.once('SIGINT', done);
    // Catch a decision made between the request and the subscription.
    void ctx.call('access.get', { id: info.id }).then((next) => {
      current = next;
      if (next.state !== 'pending' && next.state !== 'approved') done();
    });
  });
  return current;
}

export async function accessRequest(ctx: CommandContext): Promise<number> {
  const resource = ctx.args.positionals[0] as string;
  const durationSeconds = durationFlag(ctx, 'for');
  if (durationSeconds === undefined) throw new CliFailure('USAGE', `--for is required: how long you need access (e.g. --for 30m)`);
  const reason = stringFlag(ctx.args, 'reason') ?? '';
  let info = await ctx.call('access.request', { resource, durationSeconds, reason });
  if (!boolFlag(ctx.args, 'json')) {
    ctx.print(`${info.id}  ${requestSummary(info)}`);
    ctx.io.stderr.write(`Approvers were notified. ${boolFlag(ctx.args, 'wait') ? 'Waiting for a decision (Ctrl-C stops waiting; the request stays)…' : 'Follow it with `latch access ls`.'}\n`);
  }
  if (boolFlag(ctx.args, 'wait')) {
    info = await waitForDecision(ctx, info);
    if (!boolFlag(ctx.args, 'json')) ctx.print(`${info.id}  ${requestSummary(info)}`);
  }
  if (boolFlag(ctx.args, 'json')) ctx.printJson(info);
  return ENDED.has(info.state) ? EXIT.ACCESS_REFUSED : EXIT.OK;
}

export async function accessList(ctx: CommandContext): Promise<number> {
  const scope = boolFlag(ctx.args, 'review') ? 'review' : boolFlag(ctx.args, 'mine') ? 'mine' : 'all';
  const requests = await ctx.call('access.list', { scope, ...(boolFlag(ctx.args, 'pending') && { states: ['pending' as const] }) });
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(requests);
    return EXIT.OK;
  }
  if (requests.length === 0) {
    ctx.print(scope === 'review' ? 'Nothing to review.' : 'No access requests. Ask with `latch request RESOURCE --for 30m --reason "…"`.');
    return EXIT.OK;
  }
  ctx.print(
    formatTable(
      ['ID', 'RESOURCE', 'REQUESTER', 'FOR', 'STATE', 'APPROVALS', 'ENDS', 'REASON'],
      requests.map((r) => [
        r.id,
        r.resource,
        r.mine ? `${r.requesterName} (you)` : r.requesterName,
        formatDuration(r.state === 'pending' ? r.requestedSeconds : r.grantedSeconds),
        r.canReview ? `${r.state} (yours to review)` : r.state,
        `${r.approvals.length}/${r.approvalsRequired}`,
        r.endsAt ? r.endsAt.replace('T', ' ').slice(0, 19) : '-',
        r.reason.length > 60 ? r.reason.slice(0, 59) + '…' : r.reason,
      ]),
    ),
  );
  return EXIT.OK;
}

export async function accessApprove(ctx: CommandContext): Promise<number> {
  const durationSeconds = durationFlag(ctx, 'for');
  const comment = stringFlag(ctx.args, 'comment');
  const info = await ctx.call('access.approve', {
    id: requestId(ctx),
    ...(durationSeconds !== undefined && { durationSeconds }),
    ...(comment !== undefined && { comment }),
  });
  printRequest(ctx, info);
  return EXIT.OK;
}

export async function accessDeny(ctx: CommandContext): Promise<number> {
  const comment = stringFlag(ctx.args, 'comment');
  printRequest(ctx, await ctx.call('access.deny', { id: requestId(ctx), ...(comment !== undefined && { comment }) }));
  return EXIT.OK;
}

export async function accessCancel(ctx: CommandContext): Promise<number> {
  printRequest(ctx, await ctx.call('access.cancel', { id: requestId(ctx) }));
  return EXIT.OK;
}

export async function accessRevoke(ctx: CommandContext): Promise<number> {
  const comment = stringFlag(ctx.args, 'comment');
  printRequest(ctx, await ctx.call('access.revoke', { id: requestId(ctx), ...(comment !== undefined && { comment }) }));
  return EXIT.OK;
}

export async function accessAudit(ctx: CommandContext): Promise<number> {
  const id = ctx.args.positionals[0];
  const entries = await ctx.call('access.audit', { ...(id !== undefined && { requestId: id }) });
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(entries);
    return EXIT.OK;
  }
  ctx.print(
    formatTable(
      ['SEQ', 'AT', 'ACTION', 'REQUEST', 'SIGNED', 'DETAILS'],
      entries.map((e) => [
        String(e.seq),
        e.at.replace('T', ' ').slice(0, 19),
        e.action,
        e.requestId ?? '-',
        e.signed ? 'yes' : 'hub',
        Object.entries(e.details)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' '),
      ]),
    ),
  );
  return EXIT.OK;
}
