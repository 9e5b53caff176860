// `latch hub policy check FILE`: validates a team hub access policy (hub-policy.yaml) on its
// own, without the broker or the hub. Problems print as FILE:LINE:COL: message.

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblems, MAX_POLICY_LENGTH, parseHubPolicy, type PolicyProblem, type ResourcePolicy } from '../../../shared/policy';
import { checkGrant } from '../../hub/config/hub-policy-file';
import { boolFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';

/** Bytes read at most: every character of the longest policy may take four UTF-8 bytes. */
const MAX_FILE_BYTES = MAX_POLICY_LENGTH * 4;

/** The file's text, or the problem that it is too large to be a policy. */
function readPolicyText(file: string, shown: string): string | PolicyProblem {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new CliFailure('NOT_FOUND', `cannot read ${shown}: it is a directory`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    throw new CliFailure('NOT_FOUND', `cannot read ${shown}: ${describeFsError(error)}`);
  }
  if (size > MAX_FILE_BYTES) {
    const message = `the policy is too large (${Math.ceil(size / 1024)} KiB); at most ${MAX_POLICY_LENGTH / 1024} KiB is read`;
    return { line: 1, column: 1, message };
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliFailure('NOT_FOUND', `cannot read ${shown}: ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code === '' ? 'unreadable' : code;
}

function resourceSummary(count: number): string {
  return `${count} ${count === 1 ? 'resource' : 'resources'}`;
}

function withWarningPrefix(warnings: readonly PolicyProblem[]): PolicyProblem[] {
  return warnings.map((w) => ({ ...w, message: `warning: ${w.message}` }));
}

export async function hubPolicyCheck(ctx: CommandContext): Promise<number> {
  const shown = ctx.args.positionals[0] ?? 'hub-policy.yaml';
  const text = readPolicyText(resolve(shown), shown);
  const parsed = typeof text === 'string' ? parseHubPolicy(text, { checkGrant }) : { ok: false as const, problems: [text] };
  const json = boolFlag(ctx.args, 'json');
  if (!parsed.ok) {
    if (json) ctx.printJson({ ok: false, file: shown, problems: parsed.problems });
    else ctx.io.stderr.write(`${formatProblems(shown, parsed.problems)}\n`);
    return EXIT.TEMPLATE_INVALID;
  }
  const resources: ResourcePolicy[] = [...parsed.policy.resources.values()];
  if (json) {
    ctx.printJson({ ok: true, file: shown, version: parsed.policy.version, resources, warnings: parsed.warnings });
    return EXIT.OK;
  }
  if (parsed.warnings.length > 0) ctx.io.stderr.write(`${formatProblems(shown, withWarningPrefix(parsed.warnings))}\n`);
  ctx.print(`${shown}: ok (${resourceSummary(resources.length)})`);
  return EXIT.OK;
}
