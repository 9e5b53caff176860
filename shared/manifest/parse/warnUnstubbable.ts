// onExpiry: stub-only swaps values for stubs when a lease ends; that needs a shape.

import type { ReadContext } from './readContext';
import type { EntryDraft } from './readEntry';
import type { ExpiryAction } from '../model/vocabulary';
import type { SecretEntry } from '../model/schema';

export function warnUnstubbable(ctx: ReadContext, draft: EntryDraft, entry: SecretEntry, onExpiry: ExpiryAction): void {
  if (onExpiry !== 'stub-only' || entry.shape !== undefined) return;
  ctx.warn(
    draft.anchor,
    `${entry.class} secret ${draft.subject} has no shape to re-stub it with when its lease ends (onExpiry: stub-only); add a shape`,
  );
}
