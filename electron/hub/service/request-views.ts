// Loading requests as the views members see (AccessRequestView), and the rows the actions lock.

import type { AccessRequestState, AccessRequestView, ApprovalView } from '../service-types';
import type { Queryable } from '../store/transaction';
import { notFound } from './hub-errors';

/** A requests row (what actions lock with FOR UPDATE). */
export interface RequestRow {
  id: string;
  resource: string;
  requester_id: string;
  reason: string;
  requested_seconds: number;
  granted_seconds: number;
  state: AccessRequestState;
  approvals_required: number;
  created_at: Date;
  pending_until: Date;
  starts_at: Date | null;
  ends_at: Date | null;
  decided_by: string | null;
  comment: string | null;
  updated_at: Date;
  revocation_error: string | null;
  revoke_attempts: number;
  next_revoke_at: Date | null;
}

interface ViewRow extends RequestRow {
  requester_name: string;
  decided_by_name: string | null;
  approvals: Array<{ approverId: string; approverName: string; at: string; comment: string | null; durationSeconds: number | null }>;
}

const VIEW_SELECT = `
  SELECT r.*, rm.name AS requester_name, dm.name AS decided_by_name,
         COALESCE((SELECT json_agg(json_build_object('approverId', a.approver_id, 'approverName', am.name, 'at', a.at,
                                                     'comment', a.comment, 'durationSeconds', a.duration_seconds)
                                   ORDER BY a.at, a.approver_id)
                     FROM approvals a JOIN members am ON am.id = a.approver_id
                    WHERE a.request_id = r.id), '[]'::json) AS approvals
    FROM requests r
    JOIN members rm ON rm.id = r.requester_id
    LEFT JOIN members dm ON dm.id = r.decided_by`;

function toApprovalView(row: ViewRow['approvals'][number]): ApprovalView {
  return {
    approverId: row.approverId,
    approverName: row.approverName,
    at: new Date(row.at).toISOString(),
    ...(row.comment !== null && { comment: row.comment }),
    ...(row.durationSeconds !== null && { durationSeconds: row.durationSeconds }),
  };
}

function toView(row: ViewRow): AccessRequestView {
  return {
    id: row.id,
    resource: row.resource,
    requesterId: row.requester_id,
    requesterName: row.requester_name,
    reason: row.reason,
    requestedSeconds: row.requested_seconds,
    grantedSeconds: row.granted_seconds,
    state: row.state,
    approvalsRequired: row.approvals_required,
    approvals: row.approvals.map(toApprovalView),
    createdAt: row.created_at.toISOString(),
    pendingUntil: row.pending_until.toISOString(),
    ...(row.starts_at !== null && { startsAt: row.starts_at.toISOString() }),
    ...(row.ends_at !== null && { endsAt: row.ends_at.toISOString() }),
    ...(row.decided_by !== null && { decidedBy: row.decided_by }),
    ...(row.decided_by_name !== null && { decidedByName: row.decided_by_name }),
    ...(row.comment !== null && { comment: row.comment }),
    updatedAt: row.updated_at.toISOString(),
    ...(row.revocation_error !== null && { revocationError: row.revocation_error }),
  };
}

export async function findRequestView(client: Queryable, id: string): Promise<AccessRequestView | null> {
  // Named (prepared once per connection): planning this query costs ten times running it.
  const result = await client.query<ViewRow>({ name: 'hub.request-view', text: `${VIEW_SELECT} WHERE r.id = $1`, values: [id] });
  const row = result.rows[0];
  return row === undefined ? null : toView(row);
}

export async function requestView(client: Queryable, id: string): Promise<AccessRequestView> {
  const view = await findRequestView(client, id);
  if (view === null) throw notFound('no such request');
  return view;
}

export interface RequestListQuery {
  memberId: string;
  scope: 'mine' | 'review' | 'all';
  /** Resources the member may approve. */
  reviewResources: readonly string[];
  states: readonly AccessRequestState[] | null;
  limit: number;
}

/** Newest first. "review" leaves out the member's own requests (nobody approves their own). */
export async function listRequestViews(client: Queryable, query: RequestListQuery): Promise<AccessRequestView[]> {
  const scope =
    query.scope === 'mine'
      ? 'r.requester_id = $1'
      : query.scope === 'review'
        ? '(r.resource = ANY($4::text[]) AND r.requester_id <> $1)'
        : '(r.requester_id = $1 OR r.resource = ANY($4::text[]))';
  const params: unknown[] = [query.memberId, query.states, query.limit];
  if (query.scope !== 'mine') params.push(query.reviewResources);
  const result = await client.query<ViewRow>({
    name: `hub.request-list.${query.scope}`,
    text: `${VIEW_SELECT} WHERE ${scope} AND ($2::text[] IS NULL OR r.state = ANY($2::text[])) ORDER BY r.created_at DESC, r.id DESC LIMIT $3`,
    values: params,
  });
  return result.rows.map(toView);
}

/** Locks a request row for a state change (other instances wait; the sweeper skips it). */
export async function lockRequest(client: Queryable, id: string): Promise<RequestRow> {
  const result = await client.query<RequestRow>('SELECT * FROM requests WHERE id = $1 FOR UPDATE', [id]);
  const row = result.rows[0];
  if (row === undefined) throw notFound('no such request');
  return row;
}
