import { useState } from 'react';
import type { LeaseInfo, ShellInfo } from '../../../shared/contract/schemas/leases';
import { routeHref } from '../../app/routes';
import { formatDateTime } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { CloseShellDialog } from './CloseShellDialog';
import { LeasePanel } from './LeasePanel';
import { LazyShellTerminal } from './LazyShellTerminal';
import { shellEndState } from './lease-format';

interface ShellViewProps {
  shell: ShellInfo;
  lease: LeaseInfo | undefined;
  autoFocus: boolean;
  onChanged(): void;
}

/** One shell: its header, its lease, and the terminal (kept on screen after it ends, read-only). */
export function ShellView({ shell, lease, autoFocus, onChanged }: ShellViewProps) {
  const [confirmClose, setConfirmClose] = useState(false);
  const end = shellEndState(shell, lease);

  return (
    <article
      className="shell-view"
      data-testid="shell-view"
      data-shell={shell.id}
      data-ended={end.ended ? 'true' : 'false'}
      aria-labelledby="shell-view-title"
    >
      <header className="shell-view-header">
        <div className="shell-view-title">
          <h2 id="shell-view-title">
            <Icon name="terminal" /> {shell.project}
          </h2>
          <p className="muted shell-meta">
            <span className="mono path" title="Working folder">
              {shell.cwd}
            </span>
            <span aria-hidden="true"> · </span>
            <span>pid {shell.pid}</span>
            <span aria-hidden="true"> · </span>
            <span>started {formatDateTime(shell.startedAt)}</span>
          </p>
        </div>
        <div className="page-actions">
          {end.ended ? (
            <a className="button button-primary" href={routeHref('shells', { project: shell.project })} data-testid="shell-reopen">
              <Icon name="plus" /> New shell for {shell.project}
            </a>
          ) : (
            <button type="button" className="button" onClick={() => setConfirmClose(true)} data-testid="shell-close">
              <Icon name="x" /> Close shell
            </button>
          )}
        </div>
      </header>

      {lease ? <LeasePanel lease={lease} onChanged={onChanged} /> : null}

      {end.ended ? (
        <div
          className="banner banner-bad shell-ended"
          role="status"
          data-testid="shell-ended"
          data-exited={shell.exited ? 'true' : 'false'}
        >
          <Icon name="lock" />
          <div className="banner-text">
            <strong>{end.headline}</strong> {end.detail}
          </div>
        </div>
      ) : null}

      <LazyShellTerminal key={shell.id} shell={shell} ended={end.ended} autoFocus={autoFocus} />
      <p className="terminal-hint muted">
        Output is masked by the broker: injected values show as <code>&lt;concealed:NAME&gt;</code>. <kbd>Shift</kbd>+<kbd>Tab</kbd> leaves
        the terminal.
      </p>

      {confirmClose ? <CloseShellDialog shell={shell} onClose={() => setConfirmClose(false)} onDone={onChanged} /> : null}
    </article>
  );
}
