// Name rules of latch.yaml and helpers that turn a wrong name into a plausible right one.

/** An environment variable name: what the secret is injected as. */
export const ENV_VAR_NAME = /^[A-Z_][A-Z0-9_]*$/;

/** Project ids, environment names, server and resource names: kebab-case. */
export const KEBAB_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Same rule as the contract's tokenName (shared/contract/schemas/common.ts). */
export const TOKEN_NAME = /^[a-z0-9][a-z0-9._/-]{0,63}$/;

export const MAX_ID_LENGTH = 64;

export function isEnvVarName(name: string): boolean {
  return ENV_VAR_NAME.test(name);
}

export function isKebabId(name: string): boolean {
  return name.length <= MAX_ID_LENGTH && KEBAB_ID.test(name);
}

export function isTokenName(name: string): boolean {
  return TOKEN_NAME.test(name);
}

/** `stripe-key` / `stripe.key` -> `STRIPE_KEY`; undefined when nothing sensible comes out. */
export function toEnvVarName(name: string): string | undefined {
  const upper = name
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_');
  const fixed = /^[0-9]/.test(upper) ? `_${upper}` : upper;
  return ENV_VAR_NAME.test(fixed) ? fixed : undefined;
}

/** `Payments API` / `payments_api` -> `payments-api`; undefined when nothing sensible comes out. */
export function toKebabId(name: string): string | undefined {
  const kebab = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '');
  return isKebabId(kebab) ? kebab : undefined;
}
