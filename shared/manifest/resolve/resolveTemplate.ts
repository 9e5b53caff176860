// The effective secrets of a template, for no environment or for one: overrides applied,
// lease values settled from entry, environment defaults, template defaults and built-ins.

import type { SecretEntry, Template } from '../model/schema';
import type { ExpiryAction } from '../model/vocabulary';
import { changesClass, mergeEntryFields } from './mergeEntry';
import { buildEntry } from './buildEntry';
import { resolveLifetime, type LifetimeLayer } from './lifetime';
import { didYouMean } from '../parse/suggest';

type WithLease<Entry> = Entry extends SecretEntry
  ? Omit<Entry, 'ttlSeconds' | 'maxTtlSeconds' | 'onExpiry'> & {
      readonly name: string;
      readonly ttlSeconds: number;
      readonly maxTtlSeconds: number;
      readonly onExpiry: ExpiryAction;
    }
  : never;

/** A secret as a lease will inject it: every lease value settled. */
export type ResolvedSecret = WithLease<SecretEntry>;

export interface ResolvedTemplate {
  readonly project: string;
  readonly environment: string | undefined;
  /** In template order. */
  readonly secrets: readonly ResolvedSecret[];
}

export type ResolveTemplateResult =
  | { readonly ok: true; readonly resolved: ResolvedTemplate }
  | { readonly ok: false; readonly message: string };

export function resolveTemplate(template: Template, environment?: string): ResolveTemplateResult {
  const names = Object.keys(template.environments);
  if (environment !== undefined && !Object.hasOwn(template.environments, environment)) {
    const known = names.length > 0 ? `expected one of ${names.join(', ')}` : 'the template declares no environments';
    return {
      ok: false,
      message: `unknown environment ${JSON.stringify(environment.slice(0, 40))} for project ${template.project}; ${known}${didYouMean(environment, names)}`,
    };
  }
  const env = environment === undefined ? undefined : template.environments[environment];
  const layers: LifetimeLayer<null>[] = [{ ...template.defaults, origin: null }, { ...env?.defaults, origin: null }];
  const secrets: ResolvedSecret[] = [];
  for (const [name, base] of Object.entries(template.secrets)) {
    const override = env && Object.hasOwn(env.secrets, name) ? env.secrets[name] : undefined;
    const entry = override ? applyOverride(base, override) : base;
    const lifetime = resolveLifetime(null, [...layers, { ...base, origin: null }, { ...override, origin: null }]);
    const { ttlSeconds, maxTtlSeconds, onExpiry } = lifetime;
    secrets.push({ name, ...stripLease(entry), ttlSeconds, maxTtlSeconds, onExpiry } as ResolvedSecret);
  }
  return { ok: true, resolved: { project: template.project, environment, secrets } };
}

function applyOverride(base: SecretEntry, override: Template['environments'][string]['secrets'][string]): SecretEntry {
  const merged = mergeEntryFields<Record<string, unknown>>(base, override, changesClass(base.class, override.class));
  return buildEntry(override.class ?? base.class, merged);
}

function stripLease(entry: SecretEntry): Omit<SecretEntry, 'ttlSeconds' | 'maxTtlSeconds' | 'onExpiry'> {
  const { ttlSeconds: _ttl, maxTtlSeconds: _max, onExpiry: _onExpiry, ...rest } = entry;
  return rest;
}
