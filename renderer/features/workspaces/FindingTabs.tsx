import { useRef, type KeyboardEvent } from 'react';
import { FINDING_STATES, STATE_LABEL, type FindingState } from './finding-model';

export const findingTabId = (state: FindingState) => `findings-tab-${state}`;
export const FINDINGS_PANEL_ID = 'findings-panel';

/** The tab a key moves to (wrapping around), or null for other keys. */
function targetTab(key: string, at: number, last: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return at === last ? 0 : at + 1;
    case 'ArrowLeft':
      return at === 0 ? last : at - 1;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** Open / Fixed / Ignored as ARIA tabs: arrow keys, Home and End move between them. */
export function FindingTabs({ current, counts, onChange }: { current: FindingState; counts: Record<FindingState, number>; onChange(state: FindingState): void }) {
  const refs = useRef(new Map<FindingState, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const target = targetTab(event.key, FINDING_STATES.indexOf(current), FINDING_STATES.length - 1);
    if (target === null) return;
    event.preventDefault();
    const state = FINDING_STATES[target] as FindingState;
    onChange(state);
    refs.current.get(state)?.focus();
  };

  return (
    <div className="ws-tabs" role="tablist" aria-label="Findings by state">
      {FINDING_STATES.map((state) => {
        const selected = state === current;
        const count = counts[state];
        return (
          <button
            key={state}
            ref={(el) => {
              if (el) refs.current.set(state, el);
              else refs.current.delete(state);
            }}
            type="button"
            role="tab"
            id={findingTabId(state)}
            aria-selected={selected}
            aria-controls={FINDINGS_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(state)}
            onKeyDown={onKeyDown}
            data-testid={`findings-tab-${state}`}
          >
            {STATE_LABEL[state]}
            <span className={state === 'open' && count > 0 ? 'count ws-count-bad' : 'count'} data-testid={`findings-count-${state}`}>
              {count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
