// A small in-memory HubService for the transport's unit tests: just enough flow to check what
// the transport does (authentication, validation, routing, events), none of the real policy.

import { keyIdOf } from '../../../electron/hub/crypto/signing';
import {
  HubError,
  type AccessRequestView,
  type HubAuditEntry,
  type HubEvent,
  type HubService,
  type MemberView,
  type RequestProof,
  type SealedCredential,
} from '../../../electron/hub/service-types';

export interface FakeHub extends HubService {
  invites: Set<string>;
  members: Map<string, MemberView>;
  proofs: RequestProof[];
  listeners: Map<string, Set<(event: HubEvent) => void>>;
}

export function createFakeHubService(): FakeHub {
  const members = new Map<string, MemberView>();
  const nonces = new Set<string>();
  const requests = new Map<string, AccessRequestView>();
  const listeners = new Map<string, Set<(event: HubEvent) => void>>();
  const proofs: RequestProof[] = [];
  let seq = 0;

  function member(id: string): MemberView {
    for (const m of members.values()) if (m.id === id) return m;
    throw new HubError('UNKNOWN_MEMBER', 'unknown member', 401);
  }
  function emit(request: AccessRequestView): void {
    for (const [memberId, set] of listeners) {
      const reviewer = member(memberId).groups.includes('approvers');
      if (request.requesterId === memberId || reviewer) for (const listener of set) listener({ type: 'request.changed', request });
    }
  }
  function found(id: string): AccessRequestView {
    const request = requests.get(id);
    if (!request) throw new HubError('NOT_FOUND', 'no such request', 404);
    return request;
  }
  function update(id: string, change: Partial<AccessRequestView>): AccessRequestView {
    const next = { ...found(id), ...change, updatedAt: new Date().toISOString() };
    requests.set(id, next);
    emit(next);
    return next;
  }

  const invites = new Set<string>();
  return {
    invites,
    members,
    proofs,
    listeners,
    async join(input) {
      if (!invites.delete(input.code)) throw new HubError('INVALID_INVITE', 'this invite code is unknown, expired or already used', 403);
      const keyId = keyIdOf(input.signingKey);
      const view: MemberView = {
        id: `m${members.size + 1}`,
        name: input.name ?? `member ${members.size + 1}`,
        groups: members.size === 0 ? ['dev'] : ['approvers'],
        signingKey: input.signingKey,
        sealingKey: input.sealingKey,
        keyId,
        joinedAt: new Date().toISOString(),
      };
      members.set(keyId, view);
      return view;
    },
    async memberByKeyId(keyId) {
      return members.get(keyId) ?? null;
    },
    async rememberNonce(keyId, nonce) {
      const key = `${keyId}:${nonce}`;
      if (nonces.has(key)) return false;
      nonces.add(key);
      return true;
    },
    async me(memberId) {
      return member(memberId);
    },
    async createRequest(memberId, input, proof) {
      proofs.push(proof);
      const now = new Date().toISOString();
      const view: AccessRequestView = {
        id: `r${requests.size + 1}`,
        resource: input.resource,
        requesterId: memberId,
        requesterName: member(memberId).name,
        reason: input.reason,
        requestedSeconds: input.durationSeconds,
        grantedSeconds: input.durationSeconds,
        state: 'pending',
        approvalsRequired: 1,
        approvals: [],
        createdAt: now,
        pendingUntil: now,
        updatedAt: now,
      };
      requests.set(view.id, view);
      emit(view);
      return view;
    },
    async listRequests(memberId, query) {
      return [...requests.values()].filter((r) => query.scope !== 'mine' || r.requesterId === memberId).slice(0, query.limit ?? 100);
    },
    async getRequest(_memberId, id) {
      return found(id);
    },
    async approve(memberId, id, input, proof) {
      proofs.push(proof);
      const approver = member(memberId);
      if (found(id).requesterId === memberId) throw new HubError('SELF_APPROVAL', 'you cannot approve your own request', 403);
      return update(id, {
        state: 'active',
        approvals: [{ approverId: memberId, approverName: approver.name, at: new Date().toISOString(), ...(input.comment ? { comment: input.comment } : {}) }],
      });
    },
    async deny(memberId, id, input, proof) {
      proofs.push(proof);
      return update(id, { state: 'denied', decidedBy: memberId, ...(input.comment ? { comment: input.comment } : {}) });
    },
    async cancel(memberId, id, proof) {
      proofs.push(proof);
      return update(id, { state: 'cancelled', decidedBy: memberId });
    },
    async revoke(memberId, id, input, proof) {
      proofs.push(proof);
      return update(id, { state: 'revoked', decidedBy: memberId, ...(input.comment ? { comment: input.comment } : {}) });
    },
    async credential(memberId, id): Promise<SealedCredential> {
      const request = found(id);
      if (request.requesterId !== memberId) throw new HubError('FORBIDDEN', 'only the requester', 403);
      return { requestId: id, sealed: { v: 1, ephemeralKey: 'e', nonce: 'n', ciphertext: 'c' }, endsAt: new Date().toISOString() };
    },
    async audit(_memberId, query): Promise<HubAuditEntry[]> {
      seq++;
      return [{ seq: (query.afterSeq ?? 0) + 1, at: new Date().toISOString(), action: 'fake', actorId: null, requestId: null, details: { limit: query.limit ?? null }, proof: null, prevHash: '', hash: String(seq) }];
    },
    subscribe(memberId, listener) {
      let set = listeners.get(memberId);
      if (!set) listeners.set(memberId, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    async close() {},
  };
}
