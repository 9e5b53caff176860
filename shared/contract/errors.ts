/** Stable error codes carried by every failed `Result`. Clients branch on these, never on messages. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'TEMPLATE_INVALID',
  'PROVIDER_FAILED',
  'LEASE_ENDED',
  'BROKER_UNAVAILABLE',
  'NOT_JOINED',
  'ACCESS_REFUSED',
  'HUB_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ContractError {
  code: ErrorCode;
  /** One clear line for a person. Never contains a secret value. */
  message: string;
  /** Machine-readable extras (e.g. validation issues). Never contains a secret value. */
  details?: unknown;
}
