import type { ErrorCode } from '../../shared/contract/errors';

/** `latch` exit codes (documented in the README). Stable: scripts depend on them. */
export const EXIT = {
  OK: 0,
  /** Generic failure; for `latch scan`: findings were reported. */
  FAILURE: 1,
  USAGE: 2,
  BROKER_UNAVAILABLE: 3,
  NOT_FOUND: 4,
  CONFLICT: 5,
  KEYCHAIN_UNAVAILABLE: 6,
  UNAUTHORIZED: 7,
  INVALID_INPUT: 8,
  TEMPLATE_INVALID: 9,
  INTERNAL: 10,
  /** The team hub refused (policy, state) or this machine has not joined one. */
  ACCESS_REFUSED: 11,
  HUB_UNAVAILABLE: 12,
  /** 128 + SIGINT, as shells report an interrupted command. */
  INTERRUPTED: 130,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
      return EXIT.NOT_FOUND;
    case 'CONFLICT':
      return EXIT.CONFLICT;
    case 'KEYCHAIN_UNAVAILABLE':
    case 'KEYCHAIN_LOCKED':
      return EXIT.KEYCHAIN_UNAVAILABLE;
    case 'UNAUTHORIZED':
      return EXIT.UNAUTHORIZED;
    case 'INVALID_INPUT':
    case 'UNKNOWN_METHOD':
      return EXIT.INVALID_INPUT;
    case 'TEMPLATE_INVALID':
      return EXIT.TEMPLATE_INVALID;
    case 'BROKER_UNAVAILABLE':
      return EXIT.BROKER_UNAVAILABLE;
    case 'INTERNAL':
      return EXIT.INTERNAL;
    case 'ACCESS_REFUSED':
    case 'NOT_JOINED':
      return EXIT.ACCESS_REFUSED;
    case 'HUB_UNAVAILABLE':
      return EXIT.HUB_UNAVAILABLE;
    default:
      return EXIT.FAILURE;
  }
}
