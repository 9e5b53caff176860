import { formatDuration } from '../manifest/model/duration';

/** The fields of an access request a person needs in one line (tray, notification, CLI). */
export interface RequestSummaryInput {
  resource: string;
  requesterName: string;
  reason: string;
  state: string;
  requestedSeconds: number;
  grantedSeconds: number;
  decidedByName?: string;
  comment?: string;
  endsAt?: string;
  mine: boolean;
}

const MAX_REASON = 120;

function quoted(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `“${oneLine.length > MAX_REASON ? oneLine.slice(0, MAX_REASON - 1) + '…' : oneLine}”`;
}

/** One line saying who, what, how long and why — or what happened to it. */
export function requestSummary(r: RequestSummaryInput): string {
  const who = r.mine ? 'Your request' : `${r.requesterName}’s request`;
  const by = r.decidedByName ? ` by ${r.decidedByName}` : '';
  const comment = r.comment ? `: ${quoted(r.comment)}` : '';
  switch (r.state) {
    case 'pending':
      return r.mine
        ? `You asked for ${r.resource} for ${formatDuration(r.requestedSeconds)} (waiting for approval)`
        : `${r.requesterName} asks for ${r.resource} for ${formatDuration(r.requestedSeconds)}: ${quoted(r.reason)}`;
    case 'approved':
      return `${who} for ${r.resource} was approved${by}; the credential is being minted`;
    case 'active':
      return `${who} for ${r.resource} is active for ${formatDuration(r.grantedSeconds)}${r.endsAt ? ` (until ${r.endsAt})` : ''}`;
    case 'denied':
      return `${who} for ${r.resource} was denied${by}${comment}`;
    case 'cancelled':
      return `${who} for ${r.resource} was withdrawn`;
    case 'timed-out':
      return `${who} for ${r.resource} timed out without a decision`;
    case 'expired':
      return `${who} for ${r.resource} has ended: access expired`;
    case 'revoked':
      return `${who} for ${r.resource} was revoked${by}${comment}`;
    default:
      return `${who} for ${r.resource}: ${r.state}`;
  }
}
