// Stripe keys (Stripe API docs, "Authentication" / "API keys"): sk_, pk_, rk_ followed by
// test_ or live_ and alphanumerics (24 for old keys, ~99 for current ones; Stripe allows
// up to 255 characters in all). Webhook signing secrets: whsec_ + alphanumerics (32 from
// the Dashboard, 64 hex from the Stripe CLI).
// Stubs are always test mode: a test key can never move money, even if it were real.

import { BASE62 } from '../charsets';
import { defineShape, type StubShape } from '../shape';
import { markedChars } from './build';

function keyShape(id: string, kind: 'sk' | 'pk' | 'rk', what: string): StubShape {
  return defineShape({
    id,
    provider: 'Stripe',
    summary: `Stripe ${what}: ${kind}_test_ or ${kind}_live_ + 24 to 247 alphanumerics (stubs: 99, like current keys).`,
    pattern: new RegExp(`^${kind}_(?:test|live)_[0-9A-Za-z]{24,247}$`),
    marker: `always test mode (${kind}_test_), and the key body begins with LATCHSTUB.`,
    markerPattern: new RegExp(`^${kind}_test_LATCHSTUB`),
    generate: (random) => `${kind}_test_${markedChars(random, BASE62, 99)}`,
  });
}

export const STRIPE_SHAPES: readonly StubShape[] = [
  keyShape('stripe-secret-key', 'sk', 'secret API key'),
  keyShape('stripe-publishable-key', 'pk', 'publishable API key'),
  keyShape('stripe-restricted-key', 'rk', 'restricted API key'),
  defineShape({
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    summary: 'Stripe webhook endpoint signing secret: whsec_ + 32 to 64 alphanumerics (stubs: 32).',
    pattern: /^whsec_[0-9A-Za-z]{32,64}$/,
    marker: 'the secret begins with LATCHSTUB.',
    markerPattern: /^whsec_LATCHSTUB/,
    generate: (random) => `whsec_${markedChars(random, BASE62, 32)}`,
  }),
];
