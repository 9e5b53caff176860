// Authenticating one call: signed headers → member → signature over (method, path, time,
// nonce, body hash) → nonce not seen before. Runs before any body is parsed.

import type { IncomingMessage } from 'node:http';
import { keyIdOf, sha256Hex, verifyProof } from '../crypto/signing';
import { HubError, type HubService, type MemberView, type RequestProof } from '../service-types';
import { readSignedHeaders } from './signed-headers';

export interface Authenticated {
  member: MemberView;
  proof: RequestProof;
}

function proofOf(request: IncomingMessage, body: Buffer, headers: ReturnType<typeof readSignedHeaders>): RequestProof {
  return {
    keyId: headers.keyId,
    method: (request.method ?? 'GET').toUpperCase(),
    path: request.url ?? '/',
    timestampMs: headers.timestampMs,
    nonce: headers.nonce,
    bodySha256: sha256Hex(body),
    signature: headers.signature,
  };
}

const badSignature = (): HubError => new HubError('BAD_SIGNATURE', 'the request signature does not verify (method, path, timestamp, nonce and body are signed)', 401);
const replayed = (): HubError => new HubError('REPLAYED_NONCE', 'this Latch-Nonce was already used: every call needs a fresh one', 401);

/** For every signed route: the member the key id names must have signed exactly this call. */
export async function authenticateMember(service: HubService, request: IncomingMessage, body: Buffer, nowMs = Date.now()): Promise<Authenticated> {
  const headers = readSignedHeaders(request.headers, nowMs);
  const member = await service.memberByKeyId(headers.keyId);
  if (!member) throw new HubError('UNKNOWN_MEMBER', 'no member has this key (not joined yet, or removed from the hub)', 401);
  const proof = proofOf(request, body, headers);
  if (!verifyProof(proof, member.signingKey)) throw badSignature();
  if (!(await service.rememberNonce(proof.keyId, proof.nonce, proof.timestampMs))) throw replayed();
  return { member, proof };
}

/**
 * For /v1/join: the key is not on record yet, so the body names it; the call must be signed by
 * that very key (proof of possession). Returns the proof; the caller validates the rest.
 */
export async function authenticateJoin(service: HubService, request: IncomingMessage, body: Buffer, signingKey: string, nowMs = Date.now()): Promise<RequestProof> {
  const headers = readSignedHeaders(request.headers, nowMs);
  if (keyIdOf(signingKey) !== headers.keyId) throw badSignature();
  const proof = proofOf(request, body, headers);
  if (!verifyProof(proof, signingKey)) throw badSignature();
  if (!(await service.rememberNonce(proof.keyId, proof.nonce, proof.timestampMs))) throw replayed();
  return proof;
}
