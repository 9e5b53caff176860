// Pure: which broker events become OS notifications, and their text (never a value).
import type { EventName, EventPayload } from '../../shared/contract/events';

export interface NotificationText {
  title: string;
  body: string;
  /** Route to open when the notification is clicked. */
  route: string;
}

export function notificationFor<E extends EventName>(event: E, payload: EventPayload<E>): NotificationText | null {
  switch (event) {
    case 'broker.stopping': {
      const p = payload as EventPayload<'broker.stopping'>;
      return { title: 'Latch broker stopped', body: `Reason: ${p.reason}. Leases and shells end with it.`, route: '#/health' };
    }
    case 'token.changed': {
      const p = payload as EventPayload<'token.changed'>;
      return p.change === 'rotated' ? { title: 'Token rotated', body: `“${p.name}” has a new value.`, route: '#/tokens' } : null;
    }
    case 'finding.opened': {
      const p = payload as EventPayload<'finding.opened'>;
      return {
        title: p.tracked ? 'Secret committed to git' : 'Secret saved into a file',
        body: `${p.file}:${p.line} — ${p.message}${p.tracked ? ' Already in history: rotate it.' : ''}`,
        route: '#/workspaces',
      };
    }
    case 'lease.expiring': {
      const p = payload as EventPayload<'lease.expiring'>;
      return { title: `${p.project}: lease ends in ${p.secondsLeft}s`, body: 'Renew it from the Shells page or run `latch renew` in the shell.', route: '#/shells' };
    }
    case 'access.changed': {
      const p = payload as EventPayload<'access.changed'>;
      // Approvers hear about new requests; requesters about every decision and the end.
      if (p.canReview && p.state === 'pending') return { title: `Access request: ${p.resource}`, body: p.summary, route: '#/access' };
      if (p.mine && p.state !== 'pending') return { title: `Access ${p.state}: ${p.resource}`, body: p.summary, route: '#/access' };
      return null;
    }
    default:
      return null;
  }
}
