import { useConnection, useConnectionSnapshot } from '../api/connection-context';
import { connectionLabel, type ConnectionState } from '../api/connection-state';
import { useNow } from '../lib/use-now';

const SPOKEN: Record<ConnectionState['kind'], string> = {
  connecting: 'Connecting to the Latch broker',
  connected: 'Connected to the Latch broker',
  stopping: 'The Latch broker is stopping',
  reconnecting: 'Disconnected from the Latch broker, reconnecting',
  unavailable: 'No Latch broker',
};

/** The header's broker state: a dot, a few words, "Retry now" while waiting to reconnect. */
export function ConnectionPill() {
  const connection = useConnection();
  const { state } = useConnectionSnapshot();
  const now = useNow(500, state.kind === 'reconnecting');
  const label = connectionLabel(state, now);
  return (
    <div className="connection">
      <span className={`pill pill-${label.tone}`} title={label.detail} data-testid="connection-state" data-state={state.kind}>
        <span className="pill-dot" aria-hidden="true" />
        <span aria-hidden="true">{label.text}</span>
      </span>
      {/* Announce state changes, not every tick of the countdown. */}
      <span className="visually-hidden" role="status" aria-live="polite">
        {SPOKEN[state.kind]}
      </span>
      {state.kind === 'reconnecting' ? (
        <button type="button" className="button button-small" onClick={() => connection.retryNow()} data-testid="connection-retry">
          Retry now
        </button>
      ) : null}
    </div>
  );
}
