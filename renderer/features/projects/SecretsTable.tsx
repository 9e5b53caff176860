import type { ProjectSecret } from '../../../shared/contract/schemas/projects';
import { DateCell } from '../tokens/DateCell';
import { Icon } from '../../ui/Icon';
import { SecretStatusBadge } from './SecretStatusBadge';
import { CLASS_HELP, docsHref, rotationPeriod, secretSource } from './secret-labels';

export type SecretAction = 'add-token' | 'show-stub' | 'rotate-stub';

interface SecretsTableProps {
  secrets: readonly ProjectSecret[];
  now: number;
  onAction(action: SecretAction, secret: ProjectSecret): void;
}

function Rotation({ secret, now }: { secret: ProjectSecret; now: number }) {
  const period = rotationPeriod(secret.rotationSeconds);
  if (secret.rotationDueAt) {
    const overdue = Date.parse(secret.rotationDueAt) <= now;
    return (
      <span className="rotation-cell">
        <DateCell iso={secret.rotationDueAt} now={now} tone={overdue ? 'warn' : undefined} />
        {period ? <span className="muted rotation-period">{period}</span> : null}
      </span>
    );
  }
  return period ? <span className="muted">{period}</span> : <span className="muted">—</span>;
}

function Actions({ secret, onAction }: { secret: ProjectSecret; onAction: SecretsTableProps['onAction'] }) {
  if (secret.status === 'missing-token') {
    return (
      <button
        type="button"
        className="button button-small button-primary"
        onClick={() => onAction('add-token', secret)}
        data-testid={`add-token-${secret.name}`}
      >
        <Icon name="plus" size={14} /> Add token
      </button>
    );
  }
  if (secret.class === 'stub') {
    return (
      <div className="row-actions secret-actions">
        <button
          type="button"
          className="icon-button"
          onClick={() => onAction('show-stub', secret)}
          aria-label={`Show the stub value of ${secret.name}`}
          title="Show stub"
          data-testid={`show-stub-${secret.name}`}
        >
          <Icon name="eye" />
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => onAction('rotate-stub', secret)}
          aria-label={`Rotate the stub of ${secret.name}`}
          title="Rotate stub"
          data-testid={`rotate-stub-${secret.name}`}
        >
          <Icon name="rotate" />
        </button>
      </div>
    );
  }
  return null;
}

/** The template's secrets in declaration order, with this developer's status for each. */
export function SecretsTable({ secrets, now, onAction }: SecretsTableProps) {
  return (
    <div className="table-wrap">
      <table className="table secrets-table" data-testid="secrets-table">
        <thead>
          <tr>
            <th scope="col">Secret</th>
            <th scope="col">Class</th>
            <th scope="col">Status</th>
            <th scope="col" className="col-optional">
              Owner
            </th>
            <th scope="col">Rotation due</th>
            <th scope="col" className="th-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {secrets.map((secret) => (
            <tr key={secret.name} data-testid={`secret-row-${secret.name}`} data-status={secret.status} data-class={secret.class}>
              <td className="secret-cell">
                <div className="secret-name">
                  <code>{secret.name}</code>
                  {docsHref(secret.docs) ? (
                    <a
                      href={docsHref(secret.docs) ?? undefined}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="docs-link"
                      data-testid={`docs-${secret.name}`}
                    >
                      Docs
                      <span className="visually-hidden"> for {secret.name} (opens in a new window)</span>
                      <span aria-hidden="true"> ↗</span>
                    </a>
                  ) : null}
                </div>
                {secret.description ? <div className="secret-description">{secret.description}</div> : null}
                <div className="secret-source muted">{secretSource(secret)}</div>
              </td>
              <td>
                <span className="kind" title={CLASS_HELP[secret.class]}>
                  {secret.class}
                </span>
              </td>
              <td className="status-cell">
                <SecretStatusBadge status={secret.status} testId={`secret-status-${secret.name}`} />
                {secret.hint ? (
                  <div className="secret-hint muted" data-testid={`secret-hint-${secret.name}`}>
                    {secret.hint}
                  </div>
                ) : null}
              </td>
              <td className="col-optional">{secret.owner ?? <span className="muted">—</span>}</td>
              <td>
                <Rotation secret={secret} now={now} />
              </td>
              <td className="cell-actions">
                <Actions secret={secret} onAction={onAction} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
