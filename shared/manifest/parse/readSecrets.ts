// `secrets:` — the entries of the template, checked one by one against the top-level defaults.

import type { Node } from 'yaml';
import { isMap } from 'yaml';
import type { ReadContext } from './readContext';
import { describeFound, isNullNode, quote } from './describe';
import { readPairs } from './readMapping';
import { readEntryDraft, type EntryDraft } from './readEntry';
import { checkEntry } from './checkEntry';
import { checkLifetime, type LeaseOrigin } from './checkLifetime';
import { warnUnstubbable } from './warnUnstubbable';
import { isEnvVarName, toEnvVarName } from '../model/names';
import type { SecretEntry } from '../model/schema';
import type { LifetimeLayer } from '../resolve/lifetime';

export interface ReadSecret {
  readonly draft: EntryDraft;
  /** Undefined when the entry has problems (already reported). */
  readonly entry: SecretEntry | undefined;
}

export const ENV_VAR_EXPECTED = 'an environment variable name of A-Z, 0-9 and _ not starting with a digit';

export function entryOrigin(draft: EntryDraft, inEnvironment: boolean): LeaseOrigin {
  return {
    ttlPhrase: `of ${draft.subject}`,
    maxNote: ` of ${draft.subject}`,
    ttlNode: draft.written.ttlSeconds?.value ?? null,
    inEnvironment,
  };
}

export function entryLayer(draft: EntryDraft, origin: LeaseOrigin): LifetimeLayer<LeaseOrigin> {
  const { ttlSeconds, maxTtlSeconds, onExpiry } = draft.fields;
  return { ttlSeconds, maxTtlSeconds, onExpiry, origin };
}

export function readSecrets(
  ctx: ReadContext,
  node: Node | null,
  keyNode: Node,
  defaultsLayer: LifetimeLayer<LeaseOrigin>,
): Map<string, ReadSecret> {
  const secrets = new Map<string, ReadSecret>();
  if (isNullNode(node)) {
    ctx.warn(keyNode, 'no secrets declared; expected a mapping of environment variable names to secret entries');
    return secrets;
  }
  if (node === null || !isMap(node)) {
    ctx.error(node, `secrets must be a mapping of environment variable names to secret entries; found ${describeFound(node)}`);
    return secrets;
  }
  if (node.items.length === 0) ctx.warn(node, 'no secrets declared');
  for (const field of readPairs(ctx, node).values()) {
    const { key: name, keyNode: anchor } = field;
    let nameOk = true;
    if (!isEnvVarName(name)) {
      const fixed = toEnvVarName(name);
      const hint = fixed !== undefined ? ` (did you mean "${fixed}"?)` : '';
      ctx.error(anchor, `invalid secret name ${quote(name)}; expected ${ENV_VAR_EXPECTED}${hint}`);
      nameOk = false;
    }
    const draft = readEntryDraft(ctx, name, anchor, field.value, name, 'secret');
    if (!draft) {
      continue;
    }
    let entry = checkEntry(ctx, draft);
    const origin = entryOrigin(draft, false);
    const lifetime = checkLifetime(ctx, [defaultsLayer, entryLayer(draft, origin)], (ttlOrigin) => ttlOrigin === origin);
    if (lifetime.conflict?.ttlOrigin === origin) entry = undefined;
    if (entry) warnUnstubbable(ctx, draft, entry, lifetime.onExpiry);
    secrets.set(name, { draft, entry: nameOk ? entry : undefined });
  }
  return secrets;
}
