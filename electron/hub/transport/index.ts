export { startHubServer, type HubServer, type HubServerOptions } from './hub-server';
export type { HubServerLogger } from './hub-server-logger';
export { MAX_BODY_BYTES } from './read-body';
export { HEADER_KEY, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIMESTAMP, TIMESTAMP_WINDOW_MS } from './signed-headers';
export { EVENTS_PATH } from './event-socket';
