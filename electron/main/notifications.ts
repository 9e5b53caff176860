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
    default:
      return null;
  }
}
