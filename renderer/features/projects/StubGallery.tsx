import { useMemo, useState } from 'react';
import { plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { EmptyState, ErrorBanner, Loading } from '../../ui/States';
import { filterShapes } from './shape-filter';
import { useStubShapes } from './use-projects';

/**
 * The built-in stub shapes with an example of each. Examples come from a fixed public seed:
 * never a real stub, so they are shown as they are.
 */
export function StubGallery() {
  const { data, error, loading, reload } = useStubShapes();
  const [query, setQuery] = useState('');
  const visible = useMemo(() => filterShapes(data ?? [], query), [data, query]);

  return (
    <section className="stub-gallery" data-testid="stub-gallery" aria-labelledby="stub-gallery-title">
      <div className="toolbar" role="search">
        <h2 id="stub-gallery-title" className="visually-hidden">
          Built-in stub shapes
        </h2>
        <label className="search">
          <Icon name="search" />
          <span className="visually-hidden">Filter shapes</span>
          <input
            type="search"
            className="input"
            placeholder="Filter by provider, id, description…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="stub-shape-filter"
          />
        </label>
        {data ? (
          <span className="toolbar-note muted" aria-live="polite">
            {visible.length === data.length ? plural(data.length, 'shape') : `${visible.length} of ${plural(data.length, 'shape')}`}
          </span>
        ) : null}
      </div>
      <p className="muted gallery-note">
        Use one in latch.yaml with <code>shape: ID</code> on a stub secret. Each stub keeps the real format (prefix, charset, length,
        checksum) and carries a marker so scanners know it is fake.
      </p>
      {error ? <ErrorBanner error={error} onRetry={reload} title="Could not load the stub shapes." /> : null}
      {loading && !data ? <Loading label="Loading shapes…" /> : null}
      {data && visible.length === 0 ? <EmptyState icon="search" title="No shapes match" testId="stub-shapes-no-match" /> : null}
      <ul className="shape-grid">
        {visible.map((shape) => (
          <li key={shape.id} className="shape-card" data-testid={`stub-shape-${shape.id}`}>
            <div className="shape-head">
              <code className="shape-id">{shape.id}</code>
              <span className="kind">{shape.provider}</span>
            </div>
            <p className="shape-description">{shape.description}</p>
            <pre className="shape-example" aria-label={`Example ${shape.id} stub`}>
              {shape.example}
            </pre>
          </li>
        ))}
      </ul>
    </section>
  );
}
