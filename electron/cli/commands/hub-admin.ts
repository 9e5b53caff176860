// `latch hub invite | members | disable | audit verify`: administration on the hub host,
// straight against the hub database (running instances learn of changes by NOTIFY).

import { encodeInvite } from '../../hub/client/invite';
import { verifyProof } from '../../hub/crypto/signing';
import { HubError } from '../../hub/service-types';
import { createInvite, disableMember, listMembers, verifyHubAudit } from '../../hub/service';
import { certificateFingerprint } from '../../hub/tls/fingerprint';
import { parseDuration } from '../../../shared/manifest/model/duration';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { formatTable } from '../table';
import { adminPool, cliFailureFor, databaseFailure, hubConfig } from './hub-common';
import type { HubConfig } from '../../hub/config/hub-config';

async function withPool<T>(ctx: CommandContext, config: HubConfig, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = await adminPool(ctx, config);
  try {
    return await work(pool);
  } catch (error) {
    if (error instanceof HubError) throw cliFailureFor(error);
    throw databaseFailure(error);
  } finally {
    await pool.end().catch(() => undefined);
  }
}

export async function hubInvite(ctx: CommandContext): Promise<number> {
  const name = ctx.args.positionals[0] as string;
  const groups = (stringFlag(ctx.args, 'groups') ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  if (groups.length === 0) throw new CliFailure('USAGE', '--groups is required, e.g. --groups developers,sre');
  const ttlText = stringFlag(ctx.args, 'ttl') ?? '24h';
  const ttlSeconds = parseDuration(ttlText);
  if (ttlSeconds === undefined) throw new CliFailure('USAGE', '--ttl must be a duration such as 30m, 24h or 7d');
  const config = hubConfig(ctx);
  let caFingerprint: string;
  try {
    caFingerprint = certificateFingerprint(readFileSync(config.tls.ca, 'utf8'));
  } catch {
    throw new CliFailure('NOT_FOUND', `cannot read the hub CA certificate ${config.tls.ca}`);
  }
  const invite = await withPool(ctx, config, (pool) => createInvite(pool, { name, groups, ttlSeconds }));
  const text = encodeInvite({ url: config.publicUrl, code: invite.code, caFingerprint });
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson({ invite: text, name, groups, expiresAt: invite.expiresAt, url: config.publicUrl });
    return EXIT.OK;
  }
  ctx.io.stderr.write(`invite for ${name} (groups ${groups.join(', ')}), usable once until ${invite.expiresAt}; hand it over privately:\n`);
  ctx.print(text);
  return EXIT.OK;
}

export async function hubMembers(ctx: CommandContext): Promise<number> {
  const config = hubConfig(ctx);
  const members = await withPool(ctx, config, (pool) => listMembers(pool));
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(members);
    return EXIT.OK;
  }
  if (members.length === 0) {
    ctx.print('no members yet (invite one with `latch hub invite NAME --groups G`)');
    return EXIT.OK;
  }
  ctx.print(
    formatTable(
      ['ID', 'NAME', 'GROUPS', 'KEY ID', 'JOINED', 'STATUS'],
      members.map((m) => [m.id, m.name, m.groups.join(','), m.keyId, m.joinedAt.slice(0, 16).replace('T', ' '), m.disabled ? 'disabled' : 'active']),
    ),
  );
  return EXIT.OK;
}

export async function hubDisable(ctx: CommandContext): Promise<number> {
  const who = ctx.args.positionals[0] as string;
  const config = hubConfig(ctx);
  const result = await withPool(ctx, config, async (pool) => {
    const members = await listMembers(pool);
    const matches = members.filter((m) => m.id === who || m.keyId === who || m.name === who);
    if (matches.length === 0) throw new CliFailure('NOT_FOUND', `no member with id, key id or name "${who}" (see \`latch hub members\`)`);
    if (matches.length > 1) throw new CliFailure('INVALID_INPUT', `${matches.length} members are called "${who}": give the id`);
    return disableMember(pool, (matches[0] as (typeof matches)[number]).id);
  });
  if (boolFlag(ctx.args, 'json')) ctx.printJson(result);
  else ctx.print(`disabled ${result.member.name} (${result.member.id}): ${result.requestsCancelled} pending requests cancelled, ${result.grantsEnded} active grants ended`);
  return EXIT.OK;
}

export async function hubAuditVerify(ctx: CommandContext): Promise<number> {
  const config = hubConfig(ctx);
  const result = await withPool(ctx, config, (pool) => verifyHubAudit(pool, verifyProof));
  if (boolFlag(ctx.args, 'json')) ctx.printJson(result);
  else if (result.ok) ctx.print(`hub audit log intact: ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}, every hash and member signature verified`);
  else ctx.io.stderr.write(`hub audit log BROKEN at entry ${result.seq}: ${result.problem}\n`);
  return result.ok ? EXIT.OK : EXIT.FAILURE;
}
