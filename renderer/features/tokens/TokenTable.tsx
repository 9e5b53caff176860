import { useLayoutEffect, useRef } from 'react';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';
import { useRowWindow } from '../../lib/use-row-window';
import { MaskIcon, type IconName } from '../../ui/Icon';
import { DateCell } from './DateCell';
import { StatusBadge } from './StatusBadge';
import type { Sort, SortKey } from './token-filter';

export type TokenAction = 'details' | 'reveal' | 'copy' | 'rotate' | 'edit' | 'remove';

/** `className` marks columns dropped on narrow windows (see app.css). */
const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; className: string }> = [
  { key: 'name', label: 'Name', className: 'col-name' },
  { key: 'kind', label: 'Kind', className: 'col-kind' },
  { key: 'owner', label: 'Owner', className: 'col-owner col-optional' },
  { key: 'status', label: 'Status', className: 'col-status' },
  { key: 'expiresAt', label: 'Expires', className: 'col-date' },
  { key: 'rotationDueAt', label: 'Rotation due', className: 'col-date' },
  { key: 'lastRotatedAt', label: 'Last rotated', className: 'col-date col-optional' },
];

/**
 * User-timing mark set once per page load, right after the first frame that shows token rows:
 * the app's own "interactive" moment (bench:ui reads it; DevTools shows it).
 */
export const TOKENS_RENDERED_MARK = 'latch:tokens-rendered';
let renderedMarked = false;

/** Runs `then` after the next frame is produced (a task posted from that frame's rAF callback). */
function afterNextFrame(then: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    then();
  };
  requestAnimationFrame(() => channel.port2.postMessage(null));
}

/**
 * Before the first measurement: a row's height and the rows' distance from the top of the
 * page's scroller (px; header, toolbar and column titles above them). Close guesses keep the
 * first frame to the rows that fit on screen.
 */
const WINDOW_ESTIMATE = { rowHeight: 46, listTop: 200 };

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

/**
 * The token list. Long lists keep only the rows near the viewport in the DOM (fixed column
 * widths, so columns do not jump while scrolling); `aria-rowcount`/`aria-rowindex` tell
 * assistive technology the full size.
 */
export function TokenTable({ tokens, sort, onSort, onAction, now }: TokenTableProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  const range = useRowWindow(body, tokens.length, WINDOW_ESTIMATE);
  useLayoutEffect(() => {
    if (renderedMarked) return;
    renderedMarked = true;
    const count = tokens.length;
    afterNextFrame(() => performance.mark(TOKENS_RENDERED_MARK, { detail: { tokens: count } }));
  });
  return (
    <div className="table-wrap">
      <table className="table table-fixed" data-testid="token-table" aria-rowcount={tokens.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
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
        <tbody ref={body}>
          {range.before > 0 ? <tr className="row-spacer" aria-hidden="true" style={{ height: range.before }} /> : null}
          {tokens.slice(range.start, range.end).map((token, offset) => (
            <tr
              key={token.id}
              ref={offset === 0 ? range.measureRow : undefined}
              aria-rowindex={range.start + offset + 2}
              data-testid={`token-row-${token.name}`}
              data-status={token.status}
            >
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
                      <MaskIcon name={icon} />
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
          {range.after > 0 ? <tr className="row-spacer" aria-hidden="true" style={{ height: range.after }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
