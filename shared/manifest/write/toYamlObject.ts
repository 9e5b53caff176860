// Parsed template pieces -> plain objects spelled the way latch.yaml spells them, keys in
// canonical order, durations as `1h30m`.

import type { LeaseDefaults, SecretEntry, SecretOverride, Template } from '../model/schema';
import { formatDuration } from '../model/duration';
import { ENTRY_FIELD_OF_KEY, ENTRY_FILE_KEYS, DEFAULTS_FIELD_OF_KEY, DEFAULTS_FILE_KEYS } from '../model/fileKeys';

const DURATION_FIELDS: ReadonlySet<string> = new Set(['rotationSeconds', 'ttlSeconds', 'maxTtlSeconds']);

export type YamlObject = Record<string, unknown>;

export function entryToYaml(entry: SecretEntry | SecretOverride): YamlObject {
  const out: YamlObject = {};
  for (const key of ENTRY_FILE_KEYS) {
    const field = ENTRY_FIELD_OF_KEY[key];
    const value = (entry as SecretOverride)[field];
    if (value === undefined) continue;
    out[key] = DURATION_FIELDS.has(field) && typeof value === 'number' ? formatDuration(value) : value;
  }
  return out;
}

export function defaultsToYaml(defaults: LeaseDefaults): YamlObject {
  const out: YamlObject = {};
  for (const key of DEFAULTS_FILE_KEYS) {
    const value = defaults[DEFAULTS_FIELD_OF_KEY[key]];
    if (value === undefined) continue;
    out[key] = typeof value === 'number' ? formatDuration(value) : value;
  }
  return out;
}

export function templateToYaml(template: Template): YamlObject {
  const out: YamlObject = { version: template.version, project: template.project };
  if (template.description !== undefined) out.description = template.description;
  if (template.defaults !== undefined) out.defaults = defaultsToYaml(template.defaults);
  const secrets: YamlObject = {};
  for (const [name, entry] of Object.entries(template.secrets)) secrets[name] = entryToYaml(entry);
  out.secrets = secrets;
  const environments = Object.entries(template.environments);
  if (environments.length > 0) {
    const envs: YamlObject = {};
    for (const [name, environment] of environments) {
      const env: YamlObject = {};
      if (environment.description !== undefined) env.description = environment.description;
      if (environment.defaults !== undefined) env.defaults = defaultsToYaml(environment.defaults);
      const overrides: YamlObject = {};
      for (const [secret, override] of Object.entries(environment.secrets)) overrides[secret] = entryToYaml(override);
      env.secrets = overrides;
      envs[name] = env;
    }
    out.environments = envs;
  }
  return out;
}
