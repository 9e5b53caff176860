// What a member's broker uses to talk to the team hub: signed JSON calls over a keep-alive
// agent pinned to the hub CA, a reconnecting event stream, and joining with an invite string.

import { certificateFingerprint } from '../tls/fingerprint';
import {
  HubError,
  type AccessRequestState,
  type AccessRequestView,
  type HubAuditEntry,
  type HubEvent,
  type MemberView,
  type SealedCredential,
} from '../service-types';
import { openEventStream, type StreamState } from './event-stream';
import { hubEndpoint } from './hub-endpoint';
import { decodeInvite } from './invite';
import { SignedHttp, type SigningKey } from './signed-http';

export interface HubClientOptions {
  /** The hub's origin, e.g. https://hub.example.com:8443 */
  url: string;
  /** The hub CA (PEM) to pin; required for https. */
  caCertPem?: string;
  signingKey: SigningKey;
  /** Concurrent connections to the hub (default 16). */
  maxSockets?: number;
}

export interface CreateRequestInput {
  resource: string;
  durationSeconds: number;
  reason: string;
}

export interface ListRequestsQuery {
  scope?: 'mine' | 'review' | 'all';
  states?: AccessRequestState[];
  limit?: number;
}

export interface AuditQuery {
  afterSeq?: number;
  limit?: number;
  requestId?: string;
}

export interface JoinInput {
  /** The `lh1_…` string from `latch hub invite`. */
  invite: string;
  name?: string;
  signingKey: SigningKey;
  /** base64url raw X25519 public key credentials will be sealed to. */
  sealingKey: string;
}

export interface JoinResult {
  member: MemberView;
  url: string;
  /** The hub CA to store and pin from now on. */
  caCertPem: string;
}

const CA_MAX_CHARS = 64 * 1024;

export class HubClient {
  private readonly http: SignedHttp;
  private readonly signingKey: SigningKey;

  constructor(options: HubClientOptions) {
    this.signingKey = options.signingKey;
    this.http = new SignedHttp(hubEndpoint(options.url, options.caCertPem), options.signingKey, options.maxSockets === undefined ? {} : { maxSockets: options.maxSockets });
  }

  get url(): string {
    return this.http.endpoint.origin;
  }

  /**
   * Join a hub: fetch its CA (TLS unverified), check it against the invite's fingerprint, then
   * — pinned to that CA — send the invite code and public keys, signed with the new key.
   */
  static async join(input: JoinInput): Promise<JoinResult> {
    const invite = decodeInvite(input.invite);
    const endpoint = hubEndpoint(invite.url, 'unverified');
    const probe = new SignedHttp({ origin: endpoint.origin, secure: endpoint.secure }, null, { rejectUnauthorized: false, maxSockets: 1 });
    let caCertPem: string;
    try {
      caCertPem = await probe.getText('/v1/ca.pem');
    } finally {
      probe.close();
    }
    let fingerprint: string;
    try {
      if (caCertPem.length > CA_MAX_CHARS) throw new Error('too large');
      fingerprint = certificateFingerprint(caCertPem);
    } catch {
      throw new HubError('INVALID_INVITE', `the hub at ${invite.url} did not send a CA certificate`, 0);
    }
    if (fingerprint !== invite.caFingerprint) {
      throw new HubError(
        'UNTRUSTED_HUB',
        `the hub at ${invite.url} presented a CA whose fingerprint does not match the invite: not joining (ask the admin for a new invite; the connection may be intercepted)`,
        0,
      );
    }
    const client = new HubClient({ url: invite.url, caCertPem, signingKey: input.signingKey, maxSockets: 1 });
    try {
      const body = { code: invite.code, ...(input.name ? { name: input.name } : {}), signingKey: input.signingKey.publicKey, sealingKey: input.sealingKey };
      const { member } = await client.http.call<{ member: MemberView }>('POST', '/v1/join', body);
      return { member, url: invite.url, caCertPem };
    } finally {
      client.close();
    }
  }

  async me(): Promise<MemberView> {
    return (await this.http.call<{ member: MemberView }>('GET', '/v1/me')).member;
  }

  async createRequest(input: CreateRequestInput): Promise<AccessRequestView> {
    return (await this.http.call<{ request: AccessRequestView }>('POST', '/v1/requests', input)).request;
  }

  async listRequests(query: ListRequestsQuery = {}): Promise<AccessRequestView[]> {
    const params = new URLSearchParams();
    if (query.scope) params.set('scope', query.scope);
    if (query.states && query.states.length > 0) params.set('state', query.states.join(','));
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.toString();
    return (await this.http.call<{ requests: AccessRequestView[] }>('GET', `/v1/requests${search ? `?${search}` : ''}`)).requests;
  }

  async getRequest(id: string): Promise<AccessRequestView> {
    return (await this.http.call<{ request: AccessRequestView }>('GET', `/v1/requests/${encodeURIComponent(id)}`)).request;
  }

  async approve(id: string, input: { durationSeconds?: number; comment?: string } = {}): Promise<AccessRequestView> {
    return this.decide(id, 'approve', input);
  }

  async deny(id: string, input: { comment?: string } = {}): Promise<AccessRequestView> {
    return this.decide(id, 'deny', input);
  }

  async cancel(id: string): Promise<AccessRequestView> {
    return this.decide(id, 'cancel', {});
  }

  async revoke(id: string, input: { comment?: string } = {}): Promise<AccessRequestView> {
    return this.decide(id, 'revoke', input);
  }

  /** The requester's sealed credential while the request is active (unseal with the X25519 private key). */
  async credential(id: string): Promise<SealedCredential> {
    return (await this.http.call<{ credential: SealedCredential }>('GET', `/v1/requests/${encodeURIComponent(id)}/credential`)).credential;
  }

  async audit(query: AuditQuery = {}): Promise<HubAuditEntry[]> {
    const params = new URLSearchParams();
    if (query.afterSeq !== undefined) params.set('after', String(query.afterSeq));
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.requestId) params.set('requestId', query.requestId);
    const search = params.toString();
    return (await this.http.call<{ entries: HubAuditEntry[] }>('GET', `/v1/audit${search ? `?${search}` : ''}`)).entries;
  }

  /** Live events for this member; reconnects with backoff until the returned function is called. */
  subscribe(onEvent: (event: HubEvent) => void, onState?: (state: StreamState) => void): () => void {
    return openEventStream(this.http.endpoint, this.signingKey, onEvent, onState);
  }

  /** Drop the kept-alive connections (subscriptions are stopped by their own functions). */
  close(): void {
    this.http.close();
  }

  private async decide(id: string, action: 'approve' | 'deny' | 'cancel' | 'revoke', body: object): Promise<AccessRequestView> {
    return (await this.http.call<{ request: AccessRequestView }>('POST', `/v1/requests/${encodeURIComponent(id)}/${action}`, body)).request;
  }
}
