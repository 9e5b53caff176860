import { useCallback, useMemo, useRef, useState } from 'react';
import type { EventPayload } from '../../../shared/contract/events';
import type { WorkspaceInfo } from '../../../shared/contract/schemas/workspaces';
import { plural } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorBanner, Loading } from '../../ui/States';
import { AddWorkspaceDialog } from './AddWorkspaceDialog';
import { isReportable, type FindingState } from './finding-model';
import { FindingsSection } from './FindingsSection';
import { MetricsPanel } from './MetricsPanel';
import { RemoveWorkspaceDialog } from './RemoveWorkspaceDialog';
import { useOpenedToast } from './use-opened-toast';
import { useWorkspacesData } from './use-workspaces-data';
import { WorkspaceList } from './WorkspaceList';
import './workspaces.css';

type OpenDialog = { kind: 'add' } | { kind: 'remove'; workspace: WorkspaceInfo };

function scrollToFinding(fingerprint: string): void {
  // After React has rendered the tab that holds it.
  window.requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>(`[data-testid="finding-row"][data-fingerprint="${CSS.escape(fingerprint)}"]`);
    row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    row?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  });
}

/** Watched folders, the secrets found in them (live), their fixes, and how fast they get fixed. */
export function WorkspacesPage() {
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [tab, setTab] = useState<FindingState>('open');
  const [workspace, setWorkspace] = useState<string | null>(null);
  const now = useNow(30_000);

  const showFinding = useCallback((fingerprint: string) => {
    setTab('open');
    setWorkspace(null);
    scrollToFinding(fingerprint);
  }, []);
  // While a folder's first scan runs, its findings are summed up by the "Watching …" toast instead.
  const firstScan = useRef(false);
  const toastOpened = useOpenedToast(showFinding);
  const onOpened = useCallback(
    (payload: EventPayload<'finding.opened'>) => {
      if (!firstScan.current) toastOpened(payload);
    },
    [toastOpened],
  );
  const data = useWorkspacesData({ onOpened });
  const { workspaces, findings, metrics, error, loading, fresh, reload } = data;

  const watched = useMemo(() => (workspaces ?? []).map((w) => w.path), [workspaces]);
  const degraded = (workspaces ?? []).filter((w) => w.problem);
  const hasFindings = (findings ?? []).some(isReportable);
  const close = useCallback(() => setDialog(null), []);

  const addButton = (
    <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'add' })} data-testid="add-workspace">
      <Icon name="plus" /> Watch folder
    </button>
  );

  let body;
  if (!workspaces || !findings) {
    body = loading ? <Loading label="Loading workspaces…" /> : null;
  } else if (workspaces.length === 0 && !hasFindings) {
    body = (
      <EmptyState icon="monitor" title="No watched folders yet" action={addButton}>
        <p>Watch the folders you code in: every file you save is scanned at once, and a secret pasted into it shows up here within a second.</p>
        <p className="muted">
          From a terminal: <code>latch workspace add ~/src/api</code>
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        {metrics ? <MetricsPanel metrics={metrics} /> : null}
        <section className="ws-section" aria-labelledby="folders-title" data-testid="workspaces">
          <div className="ws-section-header">
            <h2 id="folders-title">Watched folders</h2>
            <p className="muted">{plural(workspaces.length, 'folder')}</p>
          </div>
          {workspaces.length > 0 ? (
            <WorkspaceList
              workspaces={workspaces}
              now={now}
              onShowFindings={(path) => {
                setTab('open');
                setWorkspace(path);
                document.getElementById('findings-title')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
              }}
              onRemove={(ws) => setDialog({ kind: 'remove', workspace: ws })}
            />
          ) : (
            <p className="muted">No folder is watched right now; the findings below are history.</p>
          )}
        </section>
        <FindingsSection
          findings={findings}
          watched={watched}
          tab={tab}
          onTabChange={setTab}
          workspace={workspace}
          onWorkspaceChange={setWorkspace}
          fresh={fresh}
          now={now}
          onChanged={reload}
        />
      </>
    );
  }

  return (
    <section className="page" data-testid="page-workspaces" aria-labelledby="page-title-workspaces">
      <PageHeader
        id="workspaces"
        title="Workspaces"
        subtitle="Folders Latch watches for secrets saved into files: rescanned on every save, .gitignore respected."
        actions={addButton}
      />
      {degraded.length > 0 ? (
        <div className="banner banner-warn" role="alert" data-testid="workspaces-degraded">
          <Icon name="alert" />
          <div className="banner-text">
            <strong>{degraded.length === 1 ? '1 folder is' : `${degraded.length} folders are`} not watched live.</strong> Saved files there are not rescanned
            until the problem shown below is fixed.
          </div>
        </div>
      ) : null}
      {error ? <ErrorBanner error={error} onRetry={reload} title="Could not load workspaces." /> : null}
      {body}

      {dialog?.kind === 'add' ? (
        <AddWorkspaceDialog
          onClose={close}
          onScanning={(scanning) => {
            firstScan.current = scanning;
          }}
          onAdded={() => {
            setWorkspace(null);
            reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'remove' ? (
        <RemoveWorkspaceDialog
          workspace={dialog.workspace}
          onClose={close}
          onDone={() => {
            if (workspace === dialog.workspace.path) setWorkspace(null);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}
