// The team hub's access policy (hub-policy.yaml) as data, and the answers its evaluator gives.
// Parsed and evaluated by shared/policy (pure); enforced by the hub (electron/hub).

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A command line: a list of arguments (run without a shell) or one string for /bin/sh -c. */
export type PolicyCommandLine = string | readonly string[];

/** Where a resource's credential is minted, on the hub's side. */
export type ResourceProvider =
  | {
      type: 'postgres';
      /** A database server named in the hub's config (its admin credentials live with the hub). */
      server: string;
      /** Database the role is for (default: the server's). */
      database?: string;
      /** Grants in the postgres provider's grammar, e.g. "SELECT ON ALL TABLES IN SCHEMA public". */
      grants: readonly string[];
    }
  | { type: 'command'; mint: PolicyCommandLine; revoke?: PolicyCommandLine; renew?: PolicyCommandLine; timeoutSeconds?: number };

export interface AccessHours {
  days: readonly Weekday[];
  /** "HH:MM", 24 h clock, inclusive. */
  from: string;
  /** "HH:MM", exclusive; may be earlier than `from` for a window that crosses midnight. */
  to: string;
  /** An IANA time zone (default "UTC"). */
  timezone: string;
}

export interface ResourcePolicy {
  /** The key under `resources:` (kebab-case). */
  id: string;
  description?: string;
  /** Where the credential is minted (postgres role or command). */
  provider: ResourceProvider;
  /** Groups whose members may request it. */
  requesters: readonly string[];
  /** Groups whose members may approve or deny requests for it. */
  approvers: readonly string[];
  /** Distinct approvals needed (>= 1). */
  approvals: number;
  maxDurationSeconds: number;
  reasonRequired: boolean;
  /** A pending request not decided within this time becomes timed-out. */
  requestTimeoutSeconds: number;
  /** When requests may be made (absent: any time). */
  hours?: AccessHours;
}

export interface HubPolicy {
  version: 1;
  resources: ReadonlyMap<string, ResourcePolicy>;
}

/** One problem in a policy file; line and column are 1-based. */
export interface PolicyProblem {
  line: number;
  column: number;
  message: string;
}

export type PolicyParseResult = { ok: true; policy: HubPolicy; warnings: PolicyProblem[] } | { ok: false; problems: PolicyProblem[] };

/** Stable codes for a refusal by policy; the hub returns them with the message. */
export type PolicyRefusalCode =
  | 'UNKNOWN_RESOURCE'
  | 'NOT_A_REQUESTER'
  | 'OVER_MAX_DURATION'
  | 'INVALID_DURATION'
  | 'REASON_REQUIRED'
  | 'OUTSIDE_HOURS'
  | 'NOT_AN_APPROVER'
  | 'SELF_APPROVAL'
  | 'ALREADY_APPROVED_BY_YOU';

export type PolicyDecision = { allowed: true } | { allowed: false; code: PolicyRefusalCode; message: string };

export interface PolicyMember {
  id: string;
  groups: readonly string[];
}

export interface AccessRequestInput {
  requester: PolicyMember;
  resource: string;
  durationSeconds: number;
  reason: string;
  now: Date;
}

export interface ApprovalInput {
  approver: PolicyMember;
  request: {
    requesterId: string;
    resource: string;
    durationSeconds: number;
    /** Member ids that already approved. */
    approvedBy: readonly string[];
  };
  /** An approver may shorten the grant; never lengthen it. */
  durationSeconds?: number;
  now: Date;
}
