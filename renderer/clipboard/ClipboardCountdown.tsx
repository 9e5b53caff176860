import { CLIPBOARD_CLEAR_MS } from '../lib/clipboard-clear';
import { secondsLeft } from '../lib/format';
import { useNow } from '../lib/use-now';

/** "Copied github-pat · clears in 27 s [Clear now]". The ticking number is hidden from screen readers. */
export function ClipboardCountdown({ label, deadline, onClearNow }: { label: string; deadline: number; onClearNow(): void }) {
  const now = useNow(250);
  const left = secondsLeft(deadline, now);
  return (
    <div className="clipboard-countdown">
      <span>
        Copied <strong>{label}</strong>.<span className="visually-hidden"> The clipboard is cleared in 30 seconds.</span>{' '}
        <span aria-hidden="true" className="muted">
          Clears in <span data-testid="clipboard-seconds">{left}</span> s
        </span>
      </span>
      <div className="countdown-bar" aria-hidden="true">
        <div
          className="countdown-fill"
          style={{ transform: `scaleX(${Math.min(1, Math.max(0, (deadline - now) / CLIPBOARD_CLEAR_MS))})` }}
        />
      </div>
      <button type="button" className="button button-small" onClick={onClearNow} data-testid="clipboard-clear-now">
        Clear now
      </button>
    </div>
  );
}
