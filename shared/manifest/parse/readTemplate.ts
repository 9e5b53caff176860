// The top level of latch.yaml: version, project, description, defaults, secrets, environments.

import type { Node } from 'yaml';
import { isMap } from 'yaml';
import type { ReadContext } from './readContext';
import { describeFound, isNullNode } from './describe';
import { readMapping } from './readMapping';
import { readName, readText } from './readScalars';
import { readDefaults } from './readDefaults';
import { readSecrets } from './readSecrets';
import { readEnvironments } from './readEnvironments';
import { checkLifetime, type LeaseOrigin } from './checkLifetime';
import { TOP_LEVEL_KEYS } from '../model/fileKeys';
import { isKebabId, toKebabId } from '../model/names';
import { TEMPLATE_VERSION } from '../model/vocabulary';
import type { SecretEntry, Template } from '../model/schema';
import type { LifetimeLayer } from '../resolve/lifetime';

const TOP_LEVEL_EXPECTED = 'a mapping with version, project and secrets';

/** The template, or undefined when something was reported. */
export function readTemplate(ctx: ReadContext, root: Node | null): Template | undefined {  if (isNullNode(root)) {
    ctx.error(0, `empty template; expected ${TOP_LEVEL_EXPECTED}`);
    return undefined;
  }
  if (root === null || !isMap(root)) {
    ctx.error(root, `expected ${TOP_LEVEL_EXPECTED} at the top level; found ${describeFound(root)}`);
    return undefined;
  }
  const fields = readMapping(ctx, root, TOP_LEVEL_KEYS, 'at the top level');

  const versionField = fields.get('version');
  if (!versionField) ctx.error(root, `missing key "version"; expected version: ${TEMPLATE_VERSION}`);
  else checkVersion(ctx, versionField.value);

  const projectField = fields.get('project');
  if (!projectField) ctx.error(root, 'missing key "project"; expected project: a kebab-case id such as payments-api');
  const project = projectField
    ? readName(ctx, projectField.value, 'project id', isKebabId, 'a kebab-case id such as payments-api', {
        echo: true,
        fix: toKebabId,
      })
    : undefined;

  const descriptionField = fields.get('description');
  const description = descriptionField ? readText(ctx, descriptionField.value, 'description') : undefined;

  const defaultsField = fields.get('defaults');
  const defaultsDraft = readDefaults(ctx, defaultsField?.value ?? null, 'defaults');
  const defaultsOrigin: LeaseOrigin = {
    ttlPhrase: 'in defaults',
    maxNote: ' from defaults',
    ttlNode: defaultsDraft.ttlNode,
    inEnvironment: false,
  };
  const defaultsLayer: LifetimeLayer<LeaseOrigin> = { ...defaultsDraft.defaults, origin: defaultsOrigin };
  checkLifetime(ctx, [defaultsLayer], (ttlOrigin) => ttlOrigin === defaultsOrigin);

  const secretsField = fields.get('secrets');
  if (!secretsField) {
    ctx.error(root, 'missing key "secrets"; expected a mapping of environment variable names to secret entries');
  }
  const secrets = readSecrets(ctx, secretsField?.value ?? null, secretsField?.keyNode ?? root, defaultsLayer);

  const environmentsField = fields.get('environments');
  const environments = readEnvironments(ctx, environmentsField?.value ?? null, secrets, defaultsLayer);

  if (project === undefined || ctx.errors.length > 0) return undefined;
  const entries: Record<string, SecretEntry> = {};
  for (const [name, secret] of secrets) if (secret.entry) entries[name] = secret.entry;
  return {
    version: TEMPLATE_VERSION,
    project,
    ...(description !== undefined ? { description } : {}),
    ...(defaultsField ? { defaults: defaultsDraft.defaults } : {}),
    secrets: entries,
    environments,
  };
}

function checkVersion(ctx: ReadContext, node: Node | null): void {
  const value: unknown = node !== null && 'value' in node ? node.value : undefined;
  if (value === TEMPLATE_VERSION) return;
  if (typeof value === 'number') {
    ctx.error(node, `unsupported version ${value}; this Latch reads version ${TEMPLATE_VERSION}`);
  } else {
    ctx.error(node, `version must be the number ${TEMPLATE_VERSION}; found ${describeFound(node)}`);
  }
}
