// Runtime-built credential-shaped values for the engine tests (never literal in the repo).

import { githubStyleToken } from '../../corpus/makers/index';
import { ALNUM, BASE32_UPPER, createRng, HEX } from '../../corpus/rng';

const rng = createRng(424242);

export const githubPat = (): string => githubStyleToken(['gh', 'p_'].join(''), rng);
export const npmToken = (): string => githubStyleToken(['np', 'm_'].join(''), rng);
export const stripeLiveKey = (): string => ['sk', '_live_'].join('') + rng.string(ALNUM, 40);
export const awsKeyId = (): string => ['AK', 'IA'].join('') + rng.string(BASE32_UPPER, 16);
export const randomToken = (n = 32): string => rng.string(ALNUM, n - 4) + rng.string('0123456789', 4);
export const hex = (n: number): string => rng.string(HEX, n);
export const base64 = (n: number): string => rng.string(`${ALNUM}+/`, n);

export function pemKey(label = 'RSA PRIVATE KEY'): string {
  const body = `MII${base64(1200)}`.match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}
