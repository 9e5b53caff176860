import { useConnection, useConnectionSnapshot } from '../api/connection-context';
import { Icon } from '../ui/Icon';
import { Loading } from '../ui/States';
import { TextWithCode } from '../ui/TextWithCode';

/** Before the first connection: a full panel instead of pages that could only fail. */
export function ConnectionGate() {
  const connection = useConnection();
  const { state } = useConnectionSnapshot();
  if (state.kind === 'connecting' || state.kind === 'connected') return <Loading label="Connecting to the Latch broker…" />;
  const reason = state.kind === 'stopping' ? `The broker is stopping: ${state.reason}` : state.reason;
  return (
    <div className="gate" data-testid="connection-gate">
      <span className="state-icon state-icon-bad">
        <Icon name="alert" size={28} />
      </span>
      <h1>Can’t reach the Latch broker</h1>
      <p>
        <TextWithCode text={reason} />
      </p>
      <p className="muted">
        In a terminal, <code>latch ui</code> starts the broker if needed and prints the address to open. In the app, the broker restarts on
        its own.
      </p>
      {state.kind === 'reconnecting' ? (
        <button type="button" className="button button-primary" onClick={() => connection.retryNow()} data-testid="connection-retry-now">
          Retry now
        </button>
      ) : null}
    </div>
  );
}

/** After a connection was lost: pages keep their last data under this banner. */
export function ConnectionBanner() {
  const connection = useConnection();
  const { state, epoch } = useConnectionSnapshot();
  if (epoch === 0 || state.kind === 'connected' || state.kind === 'connecting') return null;
  const reason = state.kind === 'stopping' ? `The broker is stopping: ${state.reason}` : state.reason;
  return (
    <div className="banner banner-warn connection-banner" role="status" data-testid="connection-banner">
      <Icon name="alert" />
      <div className="banner-text">
        <strong>Disconnected — reconnecting.</strong> <TextWithCode text={reason} /> What you see may be out of date.
      </div>
      {state.kind === 'reconnecting' ? (
        <button type="button" className="button button-small" onClick={() => connection.retryNow()}>
          Retry now
        </button>
      ) : null}
    </div>
  );
}
