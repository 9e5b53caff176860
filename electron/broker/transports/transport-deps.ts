import type { Dispatcher } from '../../../shared/contract';
import type { BrokerEvents } from '../events';
import type { Logger } from '../log';
import type { ClientContext, ClientSession } from './client-session';

/** What every transport needs from the broker. */
export interface TransportDeps {
  dispatcher: Dispatcher<ClientContext>;
  events: BrokerEvents;
  logger: Logger;
  actor: string;
  connections: Set<ClientSession>;
}
