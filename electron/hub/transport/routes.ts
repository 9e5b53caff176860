// The hub's JSON API: one entry per route (method, template, how it is authenticated, handler).
// The protocol is documented in docs/hub-protocol.md; keep the two in step.

import type { IncomingMessage } from 'node:http';
import type { HubService, MemberView, RequestProof } from '../service-types';
import { ApproveBody, auditQuery, CommentBody, CreateRequestBody, EmptyBody, listQuery, parseBody, requestId } from './schemas';

export interface SignedCall {
  service: HubService;
  member: MemberView;
  proof: RequestProof;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Buffer;
  request: IncomingMessage;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

export interface SignedRoute {
  method: 'GET' | 'POST';
  /** e.g. "/v1/requests/:id/approve": logged as is (never the id). */
  template: string;
  handle(call: SignedCall): Promise<RouteResult>;
}

const ok = (body: unknown): RouteResult => ({ status: 200, body });
const contentType = (call: SignedCall): string | undefined => call.request.headers['content-type'];
const id = (call: SignedCall): string => requestId(call.params.id ?? '');

/** Every route that needs a member's signature (all but health, ca.pem, join and events). */
export const SIGNED_ROUTES: readonly SignedRoute[] = [
  {
    method: 'GET',
    template: '/v1/me',
    handle: async (call) => ok({ member: await call.service.me(call.member.id) }),
  },
  {
    method: 'POST',
    template: '/v1/requests',
    handle: async (call) => {
      const input = parseBody(CreateRequestBody, call.body, contentType(call));
      return { status: 201, body: { request: await call.service.createRequest(call.member.id, input, call.proof) } };
    },
  },
  {
    method: 'GET',
    template: '/v1/requests',
    handle: async (call) => ok({ requests: await call.service.listRequests(call.member.id, listQuery(call.query)) }),
  },
  {
    method: 'GET',
    template: '/v1/requests/:id',
    handle: async (call) => ok({ request: await call.service.getRequest(call.member.id, id(call)) }),
  },
  {
    method: 'POST',
    template: '/v1/requests/:id/approve',
    handle: async (call) => {
      const input = parseBody(ApproveBody, call.body, contentType(call));
      return ok({ request: await call.service.approve(call.member.id, id(call), input, call.proof) });
    },
  },
  {
    method: 'POST',
    template: '/v1/requests/:id/deny',
    handle: async (call) => {
      const input = parseBody(CommentBody, call.body, contentType(call));
      return ok({ request: await call.service.deny(call.member.id, id(call), input, call.proof) });
    },
  },
  {
    method: 'POST',
    template: '/v1/requests/:id/cancel',
    handle: async (call) => {
      parseBody(EmptyBody, call.body, contentType(call));
      return ok({ request: await call.service.cancel(call.member.id, id(call), call.proof) });
    },
  },
  {
    method: 'POST',
    template: '/v1/requests/:id/revoke',
    handle: async (call) => {
      const input = parseBody(CommentBody, call.body, contentType(call));
      return ok({ request: await call.service.revoke(call.member.id, id(call), input, call.proof) });
    },
  },
  {
    method: 'GET',
    template: '/v1/requests/:id/credential',
    handle: async (call) => ok({ credential: await call.service.credential(call.member.id, id(call)) }),
  },
  {
    method: 'GET',
    template: '/v1/audit',
    handle: async (call) => ok({ entries: await call.service.audit(call.member.id, auditQuery(call.query)) }),
  },
];

export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

interface Compiled<R> {
  route: R;
  method: string;
  parts: string[];
}

/** Matches a path against route templates (":name" segments); tells a wrong method apart. */
export class Router<R extends { method: string; template: string }> {
  private readonly compiled: Compiled<R>[];

  constructor(routes: readonly R[]) {
    this.compiled = routes.map((route) => ({ route, method: route.method, parts: route.template.split('/') }));
  }

  match(method: string, pathname: string): RouteMatch<R> | { methodNotAllowed: string[] } | null {
    const parts = pathname.split('/');
    const allowed: string[] = [];
    for (const entry of this.compiled) {
      const params = matchParts(entry.parts, parts);
      if (!params) continue;
      if (entry.method === method) return { route: entry.route, params };
      allowed.push(entry.method);
    }
    return allowed.length > 0 ? { methodNotAllowed: allowed } : null;
  }
}

function matchParts(template: string[], parts: string[]): Record<string, string> | null {
  if (template.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const want = template[i] as string;
    const got = parts[i] as string;
    if (want.startsWith(':')) {
      if (got === '') return null;
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return null;
      }
    } else if (want !== got) return null;
  }
  return params;
}
