import { useId, useState } from 'react';
import type { FindingInfo } from '../../../shared/contract/schemas/workspaces';
import { Icon } from '../../ui/Icon';
import { incidentSteps } from './incident';

/**
 * The "already exposed" notice for a finding in a file git tracks: a one-line summary, and
 * the incident steps (rotate at the provider, take it out, clean history), open by default.
 */
export function ExposedSteps({ finding, initiallyOpen }: { finding: Pick<FindingInfo, 'provider' | 'file'>; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const listId = useId();
  const steps = incidentSteps(finding);
  return (
    <div className="ws-exposed" data-testid="finding-incident">
      <div className="ws-exposed-summary">
        <Icon name="alert" />
        <p>
          <strong>Already exposed:</strong> git tracks <code>{finding.file}</code>, so this value is in the repository history. Removing it
          from the file is not enough.
        </p>
        <button
          type="button"
          className="button button-small button-ghost"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
          data-testid="finding-incident-toggle"
        >
          {open ? 'Hide steps' : 'What to do'}
        </button>
      </div>
      <ol id={listId} className="ws-steps" hidden={!open}>
        {steps.map((step) => (
          <li key={step.title}>
            <strong>{step.title}.</strong> <span className="muted">{step.detail}</span>
            {step.commands.length > 0 ? (
              <span className="ws-step-commands">
                {step.commands.map((command) => (
                  <code key={command}>{command}</code>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
