import type { TokenMeta } from '../../../shared/contract/schemas/tokens';
import { Icon, type IconName } from '../../ui/Icon';
import { DateCell } from './DateCell';
import { StatusBadge } from './StatusBadge';
import type { Sort, SortKey } from './token-filter';

export type TokenAction = 'details' | 'reveal' | 'copy' | 'rotate' | 'edit' | 'remove';

/** `className` marks columns dropped on narrow windows (see app.css). */
const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; className?: string }> = [
  { key: 'name', label: 'Name' },
  { key: 'kind', label: 'Kind' },
  { key: 'owner', label: 'Owner', className: 'col-optional' },
  { key: 'status', label: 'Status' },
  { key: 'expiresAt', label: 'Expires' },
  { key: 'rotationDueAt', label: 'Rotation due' },
  { key: 'lastRotatedAt', label: 'Last rotated', className: 'col-optional' },
];

const ROW_ACTIONS: ReadonlyArray<{ action: Exclude<TokenAction, 'details'>; icon: IconName; label: string; danger?: boolean }> = [
  { action: 'reveal', icon: 'eye', label: 'Reveal' },
  { action: 'copy', icon: 'copy', label: 'Copy' },
  { action: 'rotate', icon: 'rotate', label: 'Rotate' },
  { action: 'edit', icon: 'edit', label: 'Edit' },
  { action: 'remove', icon: 'trash', label: 'Remove', danger: true },
];

interface TokenTableProps {
  tokens: readonly TokenMeta[];
  sort: Sort;
  onSort(key: SortKey): void;
  onAction(action: TokenAction, token: TokenMeta): void;
  now: number;
}

export function TokenTable({ tokens, sort, onSort, onAction, now }: TokenTableProps) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="token-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.className}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className={active ? 'th-sort th-sort-active' : 'th-sort'} onClick={() => onSort(column.key)}>
                    {column.label}
                    <span className="th-arrow" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? '↑' : '↓') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col" className="th-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} data-testid={`token-row-${token.name}`} data-status={token.status}>
              <td className="cell-name">
                <button
                  type="button"
                  className="link-button mono"
                  onClick={() => onAction('details', token)}
                  data-testid={`details-${token.name}`}
                  title="Show details"
                >
                  {token.name}
                </button>
              </td>
              <td>
                <span className="kind">{token.kind}</span>
              </td>
              <td className="cell-owner col-optional">{token.owner ? token.owner : <span className="muted">—</span>}</td>
              <td>
                <StatusBadge status={token.status} testId={`status-${token.name}`} />
              </td>
              <td>
                <DateCell
                  iso={token.expiresAt}
                  now={now}
                  empty="never"
                  tone={token.status === 'expired' ? 'bad' : token.status === 'expiring' ? 'warn' : undefined}
                />
              </td>
              <td>
                <DateCell iso={token.rotationDueAt} now={now} tone={token.status === 'rotation-due' ? 'warn' : undefined} />
              </td>
              <td className="col-optional">
                <DateCell iso={token.lastRotatedAt} now={now} empty="never" />
              </td>
              <td className="cell-actions">
                <div className="row-actions">
                  {ROW_ACTIONS.map(({ action, icon, label, danger }) => (
                    <button
                      key={action}
                      type="button"
                      className={danger ? 'icon-button icon-button-danger' : 'icon-button'}
                      onClick={() => onAction(action, token)}
                      aria-label={`${label} ${token.name}`}
                      title={label}
                      data-testid={`${action}-${token.name}`}
                    >
                      <Icon name={icon} />
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
