// The team hub's service layer as the transport (HTTPS + WebSocket) sees it. The transport
// authenticates every call (Ed25519 signature, timestamp window, nonce) and then calls these
// methods with the acting member's id; the service enforces policy and the request flow.
// State lives in PostgreSQL only: any number of hub instances may serve the same database.

import type { PolicyRefusalCode } from '../../shared/policy/hub-policy-types';

export type AccessRequestState = 'pending' | 'approved' | 'active' | 'expired' | 'revoked' | 'denied' | 'cancelled' | 'timed-out';

export interface MemberView {
  id: string;
  name: string;
  groups: string[];
  /** base64url of the raw 32-byte Ed25519 public key. */
  signingKey: string;
  /** base64url of the raw 32-byte X25519 public key that credentials are sealed to. */
  sealingKey: string;
  /** Key id = base64url(SHA-256(raw Ed25519 public key)), first 22 chars. Sent in Latch-Key. */
  keyId: string;
  joinedAt: string;
}

export interface ApprovalView {
  approverId: string;
  approverName: string;
  at: string;
  comment?: string;
  /** Set when the approver shortened the grant. */
  durationSeconds?: number;
}

export interface AccessRequestView {
  id: string;
  resource: string;
  requesterId: string;
  requesterName: string;
  reason: string;
  /** What was asked for. */
  requestedSeconds: number;
  /** What will be / was granted (the shortest of the approvers' choices). */
  grantedSeconds: number;
  state: AccessRequestState;
  approvalsRequired: number;
  approvals: ApprovalView[];
  createdAt: string;
  /** A pending request times out at this instant. */
  pendingUntil: string;
  /** When the credential became active / ends (active, expired, revoked). */
  startsAt?: string;
  endsAt?: string;
  /** Who denied / cancelled / revoked, and their comment. */
  decidedBy?: string;
  decidedByName?: string;
  comment?: string;
  /** When the state last changed. */
  updatedAt: string;
  /** Set while a revocation at the source is owed (failing, being retried). */
  revocationError?: string;
}

/** The credential of an active request, sealed to the requester's X25519 key. */
export interface SealedCredential {
  requestId: string;
  /** Env var name → sealed value; the hub never stores or logs plaintext. */
  sealed: SealedBox;
  endsAt: string;
}

/** X25519 (ephemeral → recipient) + HKDF-SHA256 + ChaCha20-Poly1305; all fields base64url. */
export interface SealedBox {
  v: 1;
  ephemeralKey: string;
  nonce: string;
  ciphertext: string;
}

export type HubErrorCode =
  | PolicyRefusalCode
  | 'UNAUTHENTICATED'
  | 'BAD_SIGNATURE'
  | 'STALE_TIMESTAMP'
  | 'REPLAYED_NONCE'
  | 'UNKNOWN_MEMBER'
  | 'INVALID_INVITE'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'INVALID_STATE'
  | 'MINT_FAILED'
  /** Client side (HubClient): the hub could not be reached (network, DNS, timeout). */
  | 'UNREACHABLE'
  /** Client side (HubClient): the hub's TLS certificate does not chain to the pinned CA. */
  | 'UNTRUSTED_HUB'
  | 'INTERNAL';

/** A refusal with a stable code and a message safe to show (never a secret). */
export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** What the hub pushes to members over the WebSocket (and fans out between instances). */
export type HubEvent =
  | { type: 'request.changed'; request: AccessRequestView }
  | { type: 'hello'; memberId: string };

/**
 * What a member signed to make a call (see electron/hub/crypto/signing.ts): kept with the audit
 * entry it caused, so `latch hub audit verify` can re-check every action against the member's key.
 */
export interface RequestProof {
  keyId: string;
  method: string;
  /** Path and query as sent. */
  path: string;
  timestampMs: number;
  nonce: string;
  /** hex SHA-256 of the request body bytes (of the empty string for no body). */
  bodySha256: string;
  /** base64url Ed25519 signature over the canonical string. */
  signature: string;
}

export interface HubService {
  /** Join with a one-time invite code; records the member's public keys. */
  join(input: { code: string; name?: string; signingKey: string; sealingKey: string }): Promise<MemberView>;
  /** The member whose key id this is (for verifying signatures), or null. Cached per instance; invalidated by LISTEN/NOTIFY. */
  memberByKeyId(keyId: string): Promise<MemberView | null>;
  /** Records a nonce; false if (keyId, nonce) was seen before (replay). Stored in PostgreSQL so every instance sees it. */
  rememberNonce(keyId: string, nonce: string, timestampMs: number): Promise<boolean>;
  me(memberId: string): Promise<MemberView>;

  createRequest(memberId: string, input: { resource: string; durationSeconds: number; reason: string }, proof: RequestProof): Promise<AccessRequestView>;
  /** scope "mine": my requests; "review": requests I may approve; "all": both. Newest first. */
  listRequests(memberId: string, query: { scope: 'mine' | 'review' | 'all'; states?: AccessRequestState[]; limit?: number }): Promise<AccessRequestView[]>;
  getRequest(memberId: string, id: string): Promise<AccessRequestView>;
  approve(memberId: string, id: string, input: { durationSeconds?: number; comment?: string }, proof: RequestProof): Promise<AccessRequestView>;
  deny(memberId: string, id: string, input: { comment?: string }, proof: RequestProof): Promise<AccessRequestView>;
  cancel(memberId: string, id: string, proof: RequestProof): Promise<AccessRequestView>;
  /** Requester or an approver ends an active grant early; revoked at the source at once. */
  revoke(memberId: string, id: string, input: { comment?: string }, proof: RequestProof): Promise<AccessRequestView>;
  /** Only the requester, only while active. */
  credential(memberId: string, id: string): Promise<SealedCredential>;
  /** Audit entries after `afterSeq`, oldest first. */
  audit(memberId: string, query: { afterSeq?: number; limit?: number; requestId?: string }): Promise<HubAuditEntry[]>;
  /** Listen to events for this member (requests they made or may review). Returns unsubscribe. */
  subscribe(memberId: string, listener: (event: HubEvent) => void): () => void;
  close(): Promise<void>;
}

export interface HubAuditEntry {
  seq: number;
  at: string;
  /** e.g. member.joined, request.created, request.approved, request.denied, request.cancelled, request.timed-out, grant.minted, grant.expired, grant.revoked, grant.revoke-failed */
  action: string;
  actorId: string | null;
  requestId: string | null;
  /** Non-secret details (resource, durations, reason, comment). */
  details: Record<string, string | number | boolean | null>;
  /** What the acting member signed, when a member acted (null for the hub's own actions: expiry, time-out). */
  proof: RequestProof | null;
  prevHash: string;
  hash: string;
}
