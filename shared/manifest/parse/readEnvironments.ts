// `environments:` — named sets of overrides. Each override is checked merged with the entry it
// changes, so a class change that lacks the new class's fields is reported at the override.

import type { Node } from 'yaml';
import { isMap } from 'yaml';
import type { ReadContext } from './readContext';
import { describeFound, isNullNode, quote } from './describe';
import { readMapping, readPairs } from './readMapping';
import { readText } from './readScalars';
import { readDefaults } from './readDefaults';
import { readEntryDraft, type EntryDraft } from './readEntry';
import { checkEntry } from './checkEntry';
import { checkLifetime, type LeaseOrigin } from './checkLifetime';
import { entryLayer, entryOrigin, type ReadSecret } from './readSecrets';
import { warnUnstubbable } from './warnUnstubbable';
import { didYouMean } from './suggest';
import { changesClass, mergeEntryFields } from '../resolve/mergeEntry';
import { ENVIRONMENT_KEYS } from '../model/fileKeys';
import { isKebabId, toKebabId } from '../model/names';
import type { EnvironmentTemplate, SecretOverride } from '../model/schema';
import type { LifetimeLayer } from '../resolve/lifetime';

export function readEnvironments(
  ctx: ReadContext,
  node: Node | null,
  secrets: ReadonlyMap<string, ReadSecret>,
  topDefaults: LifetimeLayer<LeaseOrigin>,
): Record<string, EnvironmentTemplate> {
  const environments: Record<string, EnvironmentTemplate> = {};
  if (isNullNode(node)) return environments;
  if (node === null || !isMap(node)) {
    ctx.error(node, `environments must be a mapping of environment names to overrides; found ${describeFound(node)}`);
    return environments;
  }
  for (const field of readPairs(ctx, node).values()) {
    const name = field.key;
    if (!isKebabId(name)) {
      const fixed = toKebabId(name);
      const hint = fixed !== undefined ? ` (did you mean "${fixed}"?)` : '';
      ctx.error(field.keyNode, `invalid environment name ${quote(name)}; expected a kebab-case name such as staging${hint}`);
    }
    const environment = readEnvironment(ctx, name, field.value, secrets, topDefaults);
    if (environment && isKebabId(name)) environments[name] = environment;
  }
  return environments;
}

function readEnvironment(
  ctx: ReadContext,
  name: string,
  node: Node | null,
  secrets: ReadonlyMap<string, ReadSecret>,
  topDefaults: LifetimeLayer<LeaseOrigin>,
): EnvironmentTemplate | undefined {
  const where = `environment ${name}`;
  if (isNullNode(node)) return { secrets: {} };
  if (node === null || !isMap(node)) {
    ctx.error(node, `${where} must be a mapping with description, defaults or secrets; found ${describeFound(node)}`);
    return undefined;
  }
  const fields = readMapping(ctx, node, ENVIRONMENT_KEYS, `in ${where}`);
  const environment: EnvironmentTemplate = { secrets: {} };

  const descriptionField = fields.get('description');
  if (descriptionField) {
    const description = readText(ctx, descriptionField.value, `description of ${where}`);
    if (description !== undefined) environment.description = description;
  }

  const defaultsField = fields.get('defaults');
  const defaultsWhere = `defaults of ${where}`;
  const defaultsDraft = readDefaults(ctx, defaultsField?.value ?? null, defaultsWhere);
  if (defaultsField) environment.defaults = defaultsDraft.defaults;
  const defaultsOrigin: LeaseOrigin = {
    ttlPhrase: `in the ${defaultsWhere}`,
    maxNote: ` from the ${defaultsWhere}`,
    ttlNode: defaultsDraft.ttlNode,
    inEnvironment: true,
  };
  const envDefaults: LifetimeLayer<LeaseOrigin> = { ...defaultsDraft.defaults, origin: defaultsOrigin };
  checkLifetime(ctx, [topDefaults, envDefaults], (ttlOrigin) => ttlOrigin === defaultsOrigin);

  const secretsField = fields.get('secrets');
  const overridesNode = secretsField?.value ?? null;
  if (secretsField && !isNullNode(overridesNode) && (overridesNode === null || !isMap(overridesNode))) {
    ctx.error(overridesNode, `secrets of ${where} must be a mapping of secret names to overrides; found ${describeFound(overridesNode)}`);
  } else if (overridesNode !== null && isMap(overridesNode)) {
    for (const override of readPairs(ctx, overridesNode).values()) {
      const base = secrets.get(override.key);
      if (!base) {
        ctx.error(
          override.keyNode,
          `unknown secret ${quote(override.key)} in ${where}; expected a secret declared under secrets${didYouMean(override.key, secrets.keys())}`,
        );
      }
      const subject = `${override.key} in ${where}`;
      const draft = readEntryDraft(ctx, override.key, override.keyNode, override.value, subject, 'override');
      if (!draft || !base) continue;
      environment.secrets[override.key] = draft.fields;
      if (base.entry && draft.valid) checkOverride(ctx, base.draft, draft, [topDefaults, envDefaults]);
    }
  }
  return environment;
}

function checkOverride(
  ctx: ReadContext,
  base: EntryDraft,
  override: EntryDraft,
  defaultsLayers: readonly LifetimeLayer<LeaseOrigin>[],
): void {
  const classChanged = changesClass(base.fields.class, override.fields.class);
  const merged: EntryDraft = {
    ...override,
    fields: mergeEntryFields<SecretOverride>(base.fields, override.fields, classChanged),
    written: mergeEntryFields(base.written, override.written, classChanged),
  };
  const entry = checkEntry(ctx, merged);
  const baseOrigin = entryOrigin(base, false);
  const overrideOrigin = entryOrigin(override, true);
  const lifetime = checkLifetime(
    ctx,
    [...defaultsLayers, entryLayer(base, baseOrigin), entryLayer(override, overrideOrigin)],
    (ttlOrigin, maxOrigin) => ttlOrigin.inEnvironment || maxOrigin.inEnvironment,
  );
  const changesExpiry = override.fields.class !== undefined || override.fields.onExpiry !== undefined || defaultsLayers.some((layer) => layer.origin.inEnvironment && layer.onExpiry !== undefined);
  if (entry && !lifetime.conflict && changesExpiry) warnUnstubbable(ctx, merged, entry, lifetime.onExpiry);
}
