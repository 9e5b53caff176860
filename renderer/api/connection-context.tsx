import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { LatchApi } from '../../shared/contract/api';
import type { Connection } from './connection';
import type { ConnectionSnapshot } from './connection-state';

const ConnectionContext = createContext<Connection | null>(null);

export function ConnectionProvider({ connection, children }: { connection: Connection; children: ReactNode }) {
  return <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): Connection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection outside <ConnectionProvider>');
  return connection;
}

export function useApi(): LatchApi {
  return useConnection().api;
}

export function useConnectionSnapshot(): ConnectionSnapshot {
  const connection = useConnection();
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}
