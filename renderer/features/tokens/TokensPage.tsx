import { useCallback, useMemo, useState } from 'react';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';
import { plural } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorBanner, Loading } from '../../ui/States';
import { AddTokenDialog } from './AddTokenDialog';
import { EditTokenDialog } from './EditTokenDialog';
import { RemoveTokenDialog } from './RemoveTokenDialog';
import { RevealTokenDialog } from './RevealTokenDialog';
import { RotateTokenDialog } from './RotateTokenDialog';
import { TokenDetailsDialog } from './TokenDetailsDialog';
import { TokenTable, type TokenAction } from './TokenTable';
import { attentionCount, filterTokens, nextSort, sortTokens, type Sort, type StatusFilter } from './token-filter';
import { useCopyToken } from './use-copy-token';
import { useTokens } from './use-tokens';

type OpenDialog = { kind: 'add' } | { kind: 'details'; name: string } | { kind: 'reveal' | 'rotate' | 'edit' | 'remove'; token: TokenMeta };

export function TokensPage() {
  const { data: tokens, error, loading, reload } = useTokens();
  const [query, setQuery] = useState('');
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'asc' });
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const copy = useCopyToken();
  const now = useNow(60_000);

  const visible = useMemo(() => sortTokens(filterTokens(tokens ?? [], query, statusFilter), sort), [tokens, query, statusFilter, sort]);
  const needAttention = tokens ? attentionCount(tokens) : 0;
  const close = useCallback(() => setDialog(null), []);

  const onAction = useCallback(
    (action: TokenAction, token: TokenMeta) => {
      if (action === 'copy') void copy(token.name);
      else if (action === 'details') setDialog({ kind: 'details', name: token.name });
      else setDialog({ kind: action, token });
    },
    [copy],
  );

  const addButton = (
    <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'add' })} data-testid="add-token">
      <Icon name="plus" /> Add token
    </button>
  );

  let body;
  if (!tokens) {
    body = loading ? <Loading label="Loading tokens…" /> : null;
  } else if (tokens.length === 0) {
    body = (
      <EmptyState icon="key" title="No tokens yet" action={addButton}>
        <p>Keep your personal access tokens in the OS keychain instead of dotfiles and shell history.</p>
        <p className="muted">
          From a terminal: <code>latch token add github/work --kind github</code>
        </p>
      </EmptyState>
    );
  } else if (visible.length === 0) {
    body = (
      <EmptyState icon="search" title="No tokens match" testId="tokens-no-match">
        <button
          type="button"
          className="button"
          onClick={() => {
            setQuery('');
            setStatusFilter('all');
          }}
        >
          Clear filters
        </button>
      </EmptyState>
    );
  } else {
    body = <TokenTable tokens={visible} sort={sort} onSort={(key) => setSort((s) => nextSort(s, key))} onAction={onAction} now={now} />;
  }

  return (
    <section className="page" data-testid="page-tokens" aria-labelledby="page-title-tokens">
      <PageHeader
        id="tokens"
        title="Tokens"
        subtitle="Personal tokens, kept in your OS keychain. Latch shows metadata; values only when you ask."
        actions={addButton}
      />
      {tokens && tokens.length > 0 ? (
        <div className="toolbar" role="search">
          <label className="search">
            <Icon name="search" />
            <span className="visually-hidden">Filter tokens</span>
            <input
              type="search"
              className="input"
              placeholder="Filter by name, kind, owner, scope…"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="token-search"
            />
          </label>
          <div className="segmented" role="group" aria-label="Show">
            <button type="button" aria-pressed={statusFilter === 'all'} onClick={() => setStatusFilter('all')} data-testid="filter-all">
              All <span className="count">{tokens.length}</span>
            </button>
            <button
              type="button"
              aria-pressed={statusFilter === 'attention'}
              onClick={() => setStatusFilter('attention')}
              data-testid="filter-attention"
            >
              Needs attention <span className={needAttention > 0 ? 'count count-warn' : 'count'}>{needAttention}</span>
            </button>
          </div>
          <span className="toolbar-note muted" aria-live="polite">
            {visible.length === tokens.length ? plural(tokens.length, 'token') : `${visible.length} of ${plural(tokens.length, 'token')}`}
          </span>
        </div>
      ) : null}
      {error ? <ErrorBanner error={error} onRetry={reload} title="Could not load tokens." /> : null}
      {body}

      {dialog?.kind === 'add' ? <AddTokenDialog onClose={close} onDone={reload} /> : null}
      {dialog?.kind === 'details' ? <TokenDetailsDialog name={dialog.name} onClose={close} onAction={onAction} /> : null}
      {dialog?.kind === 'reveal' ? <RevealTokenDialog token={dialog.token} onClose={close} /> : null}
      {dialog?.kind === 'rotate' ? <RotateTokenDialog token={dialog.token} onClose={close} onDone={reload} /> : null}
      {dialog?.kind === 'edit' ? <EditTokenDialog token={dialog.token} onClose={close} onDone={reload} /> : null}
      {dialog?.kind === 'remove' ? <RemoveTokenDialog token={dialog.token} onClose={close} onDone={reload} /> : null}
    </section>
  );
}
