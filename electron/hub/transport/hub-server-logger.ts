import type { Logger } from '../../broker/log';

/** What the transport logs through: the broker's Logger and the hub service's logger both fit. */
export type HubServerLogger = Pick<Logger, 'info' | 'warn' | 'error'>;
