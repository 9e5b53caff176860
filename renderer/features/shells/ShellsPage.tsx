import { useCallback, useMemo, useState } from 'react';
import { useBrokerEvent } from '../../api/use-broker-event';
import { routeHref } from '../../app/routes';
import { useRoute } from '../../app/use-route';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorBanner, Loading } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { OpenShellDialog } from './OpenShellDialog';
import { ShellList } from './ShellList';
import { ShellView } from './ShellView';
import { leasesById, orderShells, pickShell } from './shell-select';
import { useOpenFromRoute } from './use-open-from-route';
import { useLeases, useShells } from './use-shells';
import './shells.css';

/** Leased dev shells: the list, one embedded terminal, and its lease. */
export function ShellsPage() {
  const route = useRoute();
  const shells = useShells();
  const leases = useLeases();
  const toasts = useToasts();
  const [dialog, setDialog] = useState(false);
  const { reload: reloadShells } = shells;
  const { reload: reloadLeases } = leases;
  const reloadAll = useCallback(() => {
    reloadShells();
    reloadLeases();
  }, [reloadShells, reloadLeases]);
  const opening = useOpenFromRoute(route.params, reloadAll);

  const byId = useMemo(() => leasesById(leases.data), [leases.data]);
  const ordered = useMemo(() => orderShells(shells.data ?? [], byId), [shells.data, byId]);
  const selected = pickShell(ordered, route.params.shell);

  useBrokerEvent('lease.expiring', (warning) => {
    const shell = ordered.find((s) => s.leaseId === warning.id);
    if (!shell) return;
    toasts.show({
      key: `expiring-${warning.id}`,
      tone: 'warn',
      timeoutMs: 15_000,
      testId: 'lease-expiring-toast',
      content: (
        <>
          The {warning.project} shell’s lease expires in {Math.max(0, Math.round(warning.secondsLeft))} s.{' '}
          {selected?.id === shell.id ? 'Renew it below to keep the shell.' : <a href={routeHref('shells', { shell: shell.id })}>Show it</a>}
        </>
      ),
    });
  });

  const openButton = (
    <button type="button" className="button button-primary" onClick={() => setDialog(true)} data-testid="open-shell">
      <Icon name="plus" /> Open shell
    </button>
  );

  let body;
  if (opening.state.kind === 'opening') {
    body = <Loading label={`Opening a shell for ${opening.state.project}…`} />;
  } else if (!shells.data) {
    body = shells.loading ? <Loading label="Loading shells…" /> : null;
  } else if (ordered.length === 0) {
    body = (
      <EmptyState icon="terminal" title="No shells yet" action={openButton}>
        <p>A dev shell runs in a project’s folder with its secrets injected for a short lease, and masks them in its output.</p>
        <p className="muted">
          Open one from <a href={routeHref('projects')}>Projects</a>, or from a terminal: <code>latch shell</code>
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <div className="shells-layout">
        <ShellList shells={ordered} leases={byId} selected={selected?.id ?? null} />
        {selected ? (
          <ShellView
            key={selected.id}
            shell={selected}
            lease={byId.get(selected.leaseId)}
            autoFocus={route.params.shell === selected.id}
            onChanged={reloadAll}
          />
        ) : null}
      </div>
    );
  }

  return (
    <section className="page" data-testid="page-shells" aria-labelledby="page-title-shells">
      <PageHeader
        id="shells"
        title="Shells"
        subtitle="Project shells whose injected environment is a short-lived lease. Secrets are masked before output reaches this page."
        actions={ordered.length > 0 ? openButton : undefined}
      />
      {opening.state.kind === 'failed' ? (
        <div data-testid="shell-open-error">
          <ErrorBanner error={opening.state.error} onRetry={opening.retry} title={`Could not open a shell for ${opening.state.project}.`} />
        </div>
      ) : null}
      {shells.error ? <ErrorBanner error={shells.error} onRetry={shells.reload} title="Could not load shells." /> : null}
      {leases.error ? <ErrorBanner error={leases.error} onRetry={leases.reload} title="Could not load leases." /> : null}
      {body}
      {dialog ? <OpenShellDialog onClose={() => setDialog(false)} /> : null}
    </section>
  );
}
