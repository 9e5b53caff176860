import { useCallback, useEffect, useState } from 'react';
import type { ProjectSecret, ProjectSummary } from '../../../shared/contract/schemas/projects';
import { useNow } from '../../lib/use-now';
import { Icon } from '../../ui/Icon';
import { EmptyState, ErrorBanner, Loading } from '../../ui/States';
import { AddProjectTokenDialog } from './AddProjectTokenDialog';
import { RotateStubDialog } from './RotateStubDialog';
import { SecretsTable, type SecretAction } from './SecretsTable';
import { StubValueDialog } from './StubValueDialog';
import { TemplateErrors } from './TemplateErrors';
import { templateFileLabel } from './project-select';
import { missingTokens, projectHealth } from './secret-labels';
import { useOpenShell } from './use-open-shell';
import { useProjectDetail } from './use-projects';

type OpenDialog = { kind: SecretAction; secret: ProjectSecret };

/**
 * One project's template: its secrets and what this developer can do about each. Mount with
 * `key={path}`. `reference` names it in calls: its id, or its folder when two share an id (a
 * folder the broker no longer knows would be registered again, so ids are preferred).
 */
export function ProjectDetailView({ summary, reference, onRemove }: { summary: ProjectSummary; reference: string; onRemove(): void }) {
  const [environment, setEnvironment] = useState<string | null>(null);
  const { data, error, loading, reload } = useProjectDetail(reference, summary.path, environment);
  const shell = useOpenShell();
  const now = useNow(60_000);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const project = data ?? null;
  const shown = project ?? summary;
  const health = projectHealth(shown);
  const missing = project ? missingTokens(project.secrets) : [];
  // A refreshed template (a token added, the file fixed) makes an old "could not open" stale.
  const { clear: clearShellFailure } = shell;
  useEffect(() => clearShellFailure(), [data, clearShellFailure]);

  return (
    <article className="project-detail" data-testid="project-detail" data-project={summary.id} aria-labelledby="project-detail-title">
      <header className="project-detail-header">
        <div className="project-detail-title">
          <h2 id="project-detail-title">{shown.name}</h2>
          {project?.description ? <p className="project-description">{project.description}</p> : null}
          <p className="muted project-where">
            <span className="mono path">{summary.path}</span>
            <span aria-hidden="true"> · </span>
            <span className="mono" title={summary.templateFile}>
              {templateFileLabel(summary)}
            </span>
            {summary.source === 'discovered' ? <span className="muted"> · discovered</span> : null}
          </p>
          <p className={`project-health project-health-${health.tone}`} data-testid="project-health">
            {health.text}
          </p>
        </div>
        <div className="page-actions project-actions">
          {project && project.environments.length > 0 ? (
            <label className="toolbar-field">
              <span>Environment</span>
              <select
                className="input"
                value={environment ?? ''}
                onChange={(e) => setEnvironment(e.target.value || null)}
                data-testid="project-environment"
              >
                <option value="">default</option>
                {project.environments.map((env) => (
                  <option key={env} value={env}>
                    {env}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" className="button button-ghost" onClick={onRemove} data-testid="project-remove">
            <Icon name="trash" /> Remove
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void shell.open(reference, environment)}
            disabled={!shown.ok || shell.opening}
            title={shown.ok ? 'Open a shell in this folder with the secrets injected for a short lease' : 'Fix the template first'}
            data-testid="project-open-shell"
          >
            <Icon name="terminal" /> {shell.opening ? 'Opening…' : 'Open dev shell'}
          </button>
        </div>
      </header>

      {shell.failure ? (
        <div data-testid="project-shell-error">
          <ErrorBanner error={shell.failure} title="Could not open a shell." onRetry={() => void shell.open(reference, environment)} />
        </div>
      ) : null}
      {error ? <ErrorBanner error={error} onRetry={reload} title="Could not load this project." /> : null}
      {!shown.ok ? <TemplateErrors project={shown} /> : null}
      {missing.length > 0 ? (
        <div className="banner banner-warn" role="status" data-testid="missing-tokens">
          <Icon name="key" />
          <div className="banner-text">
            <strong>
              {missing.length === 1 ? '1 personal token is' : `${missing.length} personal tokens are`} missing from your keychain.
            </strong>{' '}
            Add {missing.length === 1 ? 'it' : 'them'} below before opening a shell: {missing.map((s) => s.token ?? s.name).join(', ')}.
          </div>
        </div>
      ) : null}

      {!project ? (
        loading ? (
          <Loading label="Loading the template…" />
        ) : null
      ) : project.ok && project.secrets.length === 0 ? (
        <EmptyState icon="key" title="No secrets declared" testId="secrets-empty">
          <p>This template declares no secrets yet. Add entries under secrets: in {project.templateFile}; this page follows the file.</p>
        </EmptyState>
      ) : project.ok ? (
        <SecretsTable secrets={project.secrets} now={now} onAction={(kind, secret) => setDialog({ kind, secret })} />
      ) : null}

      {dialog?.kind === 'add-token' ? (
        <AddProjectTokenDialog secret={dialog.secret} project={shown.name} onClose={close} onDone={reload} />
      ) : null}
      {dialog?.kind === 'show-stub' ? (
        <StubValueDialog
          secret={dialog.secret}
          projectRef={reference}
          onClose={close}
          onRotate={() => setDialog({ kind: 'rotate-stub', secret: dialog.secret })}
        />
      ) : null}
      {dialog?.kind === 'rotate-stub' ? (
        <RotateStubDialog secret={dialog.secret} projectRef={reference} onClose={close} onDone={reload} />
      ) : null}
    </article>
  );
}
