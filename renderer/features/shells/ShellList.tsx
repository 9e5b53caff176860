import type { LeaseInfo, ShellInfo } from '../../../shared/contract/schemas/leases';
import { routeHref } from '../../app/routes';
import { formatDateTime } from '../../lib/format';
import { Countdown } from './Countdown';
import { isLive, shortId } from './lease-format';

interface ShellListProps {
  shells: readonly ShellInfo[];
  leases: ReadonlyMap<string, LeaseInfo>;
  selected: string | null;
}

function ShellItem({ shell, lease, current }: { shell: ShellInfo; lease: LeaseInfo | undefined; current: boolean }) {
  const live = !shell.exited && lease !== undefined && isLive(lease.state);
  return (
    <li>
      <a
        href={routeHref('shells', { shell: shell.id })}
        className={live ? 'shell-item' : 'shell-item shell-item-ended'}
        aria-current={current ? 'page' : undefined}
        data-testid={`shell-item-${shell.id}`}
        data-live={live ? 'true' : 'false'}
      >
        <span className="shell-item-top">
          <span className="shell-item-name">{shell.project}</span>
          {live && lease ? (
            <Countdown lease={lease} />
          ) : (
            <span className="badge shell-badge-muted">{shell.exited ? 'Exited' : 'Ended'}</span>
          )}
        </span>
        <span className="shell-item-meta muted">
          <span className="mono">{shortId(shell.id)}</span> · {formatDateTime(shell.startedAt).slice(11, 16)}
        </span>
      </a>
    </li>
  );
}

/** Open shells first (newest first), then ended ones. */
export function ShellList({ shells, leases, selected }: ShellListProps) {
  return (
    <nav className="shell-list" aria-label="Shells" data-testid="shell-list">
      <ul>
        {shells.map((shell) => (
          <ShellItem key={shell.id} shell={shell} lease={leases.get(shell.leaseId)} current={shell.id === selected} />
        ))}
      </ul>
    </nav>
  );
}
