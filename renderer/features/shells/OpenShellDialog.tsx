import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { routeHref } from '../../app/routes';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { ErrorBanner, Loading } from '../../ui/States';

/** Pick a project; the Shells page then opens its shell through `#/shells?project=<id>`. */
export function OpenShellDialog({ onClose }: { onClose(): void }) {
  const { data, error, loading, reload } = useQuery((api) => api.call('project.list', {}), 'project.list');
  const usable = (data ?? []).filter((p) => p.ok).sort((a, b) => a.name.localeCompare(b.name));
  const [chosen, setChosen] = useState('');
  const project = chosen || usable[0]?.id || '';

  return (
    <Dialog
      title="Open a dev shell"
      description="A shell in the project’s folder with its secrets injected for the lease’s TTL."
      onClose={onClose}
      onSubmit={() => {
        if (!project) return;
        onClose();
        window.location.hash = routeHref('shells', { project });
      }}
      testId="dialog-open-shell"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!project} data-testid="open-shell-confirm">
            Open shell
          </button>
        </>
      }
    >
      {error ? <ErrorBanner error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading label="Loading projects…" /> : null}
      {data && usable.length === 0 ? (
        <p className="muted">
          No project with a valid template yet. Add one on the <a href={routeHref('projects')}>Projects</a> page.
        </p>
      ) : null}
      {usable.length > 0 ? (
        <Field label="Project">
          {(props) => (
            <select
              {...props}
              className="input"
              value={project}
              onChange={(e) => setChosen(e.target.value)}
              data-testid="open-shell-project"
            >
              {usable.map((p) => (
                <option key={p.path} value={p.id}>
                  {p.name} — {p.path}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </Dialog>
  );
}
