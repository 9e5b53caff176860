// How long a secret's lease lasts. Values come in layers, most general first: built-in,
// template defaults, environment defaults, the secret's entry, the environment's override.
// The most specific layer that sets a value wins. A ttl above the maxTtl is clamped when
// the ttl was only inherited, and is a conflict when it was set as specifically as the max.

import type { ExpiryAction } from '../model/vocabulary';

export const BUILT_IN_LEASE = { ttlSeconds: 3600, maxTtlSeconds: 8 * 3600, onExpiry: 'end-shell' } as const;

export interface LifetimeLayer<Origin> {
  readonly ttlSeconds?: number | undefined;
  readonly maxTtlSeconds?: number | undefined;
  readonly onExpiry?: ExpiryAction | undefined;
  readonly origin: Origin;
}

export interface Lifetime<Origin> {
  readonly ttlSeconds: number;
  readonly maxTtlSeconds: number;
  readonly onExpiry: ExpiryAction;
  /** Set when a ttl is longer than a maxTtl set in a layer no more specific than the ttl's. */
  readonly conflict?: { readonly ttlSeconds: number; readonly ttlOrigin: Origin; readonly maxOrigin: Origin };
}

export function resolveLifetime<Origin>(builtIn: Origin, layers: readonly LifetimeLayer<Origin>[]): Lifetime<Origin> {
  let ttl: { value: number; rank: number; origin: Origin } = { value: BUILT_IN_LEASE.ttlSeconds, rank: 0, origin: builtIn };
  let max: { value: number; rank: number; origin: Origin } = { value: BUILT_IN_LEASE.maxTtlSeconds, rank: 0, origin: builtIn };
  let onExpiry: ExpiryAction = BUILT_IN_LEASE.onExpiry;
  layers.forEach((layer, index) => {
    const rank = index + 1;
    if (layer.ttlSeconds !== undefined) ttl = { value: layer.ttlSeconds, rank, origin: layer.origin };
    if (layer.maxTtlSeconds !== undefined) max = { value: layer.maxTtlSeconds, rank, origin: layer.origin };
    if (layer.onExpiry !== undefined) onExpiry = layer.onExpiry;
  });
  const base = { ttlSeconds: Math.min(ttl.value, max.value), maxTtlSeconds: max.value, onExpiry };
  if (ttl.value > max.value && ttl.rank >= max.rank) {
    return { ...base, conflict: { ttlSeconds: ttl.value, ttlOrigin: ttl.origin, maxOrigin: max.origin } };
  }
  return base;
}
