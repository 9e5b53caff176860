// Reports a ttl set longer than the maxTtl it is held to, at the ttl that was written.

import type { Node } from 'yaml';
import type { ReadContext } from './readContext';
import { resolveLifetime, type Lifetime, type LifetimeLayer } from '../resolve/lifetime';
import { formatDuration } from '../model/duration';

/** Where one layer of lease values was written. */
export interface LeaseOrigin {
  /** `of STRIPE_KEY`, `in defaults`: how a ttl from this layer is introduced. */
  readonly ttlPhrase: string;
  /** ` from defaults`: how a maxTtl from this layer is attributed when it is another layer's. */
  readonly maxNote: string;
  readonly ttlNode: Node | null;
  readonly inEnvironment: boolean;
}

export const BUILT_IN_ORIGIN: LeaseOrigin = {
  ttlPhrase: 'of the built-in default',
  maxNote: ' (built-in default)',
  ttlNode: null,
  inEnvironment: false,
};

export function checkLifetime(
  ctx: ReadContext,
  layers: readonly LifetimeLayer<LeaseOrigin>[],
  shouldReport: (ttlOrigin: LeaseOrigin, maxOrigin: LeaseOrigin) => boolean,
): Lifetime<LeaseOrigin> {
  const lifetime = resolveLifetime(BUILT_IN_ORIGIN, layers);
  const conflict = lifetime.conflict;
  if (conflict && shouldReport(conflict.ttlOrigin, conflict.maxOrigin)) {
    const note = conflict.maxOrigin === conflict.ttlOrigin ? '' : conflict.maxOrigin.maxNote;
    ctx.error(
      conflict.ttlOrigin.ttlNode,
      `ttl ${formatDuration(conflict.ttlSeconds)} ${conflict.ttlOrigin.ttlPhrase} is longer than the maxTtl ${formatDuration(lifetime.maxTtlSeconds)}${note}`,
    );
  }
  return lifetime;
}
