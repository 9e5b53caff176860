// Reading the hub's policy file for `latch hub serve`: parsed by shared/policy, grants checked
// with the postgres provider's grammar, postgres resources checked against hub.yaml's servers.

import { readFileSync } from 'node:fs';
import { formatProblems, parseHubPolicy, type HubPolicy } from '../../../shared/policy';
import { parseGrant } from '../../broker/providers/postgres-grants';

export type PolicyFileResult = { ok: true; policy: HubPolicy; warnings: string[] } | { ok: false; problems: string[] };

/** The postgres provider's own grant grammar, so a bad grant shows up before anyone requests. */
export function checkGrant(grant: string): string | undefined {
  try {
    parseGrant(grant);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /^postgres provider: invalid grant "(?:[^"\\]|\\.)*": (.*)$/s.exec(message)?.[1] ?? message;
  }
}

/** `servers`: the names under servers: in hub.yaml (a postgres resource must name one). */
export function readHubPolicyFile(file: string, servers: readonly string[]): PolicyFileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, problems: [`${file}:1:1: cannot read the policy file (hub.yaml's policy: names it)`] };
  }
  const parsed = parseHubPolicy(text, { checkGrant });
  if (!parsed.ok) return { ok: false, problems: formatProblems(file, parsed.problems).split('\n') };
  const problems: string[] = [];
  for (const resource of parsed.policy.resources.values()) {
    if (resource.provider.type === 'postgres' && !servers.includes(resource.provider.server)) {
      problems.push(`${file}: resource ${resource.id} names database server "${resource.provider.server}", which hub.yaml does not define under servers:`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const warnings = parsed.warnings.length > 0 ? formatProblems(file, parsed.warnings.map((w) => ({ ...w, message: `warning: ${w.message}` }))).split('\n') : [];
  return { ok: true, policy: parsed.policy, warnings };
}
