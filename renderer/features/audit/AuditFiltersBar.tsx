import { Icon } from '../../ui/Icon';
import { AUDIT_OUTCOMES, hasFilters, isOutcome, KNOWN_ACTIONS, NO_FILTERS, type AuditFilters } from './audit-query';

export function AuditFiltersBar({ filters, onChange }: { filters: AuditFilters; onChange(next: AuditFilters): void }) {
  return (
    <div className="toolbar" role="search" aria-label="Filter the audit log">
      <label className="toolbar-field">
        <span>Action</span>
        <input
          className="input mono"
          list="audit-actions"
          value={filters.action}
          placeholder="any"
          onChange={(e) => onChange({ ...filters, action: e.target.value })}
          spellCheck={false}
          data-testid="audit-filter-action"
        />
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
      </label>
      <label className="toolbar-field">
        <span>Target</span>
        <input
          className="input mono"
          value={filters.target}
          placeholder="any"
          onChange={(e) => onChange({ ...filters, target: e.target.value })}
          spellCheck={false}
          data-testid="audit-filter-target"
        />
      </label>
      <label className="toolbar-field">
        <span>Outcome</span>
        <select
          className="input"
          value={filters.outcome}
          onChange={(e) => {
            const value = e.target.value;
            onChange({ ...filters, outcome: isOutcome(value) ? value : '' });
          }}
          data-testid="audit-filter-outcome"
        >
          <option value="">any</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      {hasFilters(filters) ? (
        <button type="button" className="button button-ghost" onClick={() => onChange(NO_FILTERS)} data-testid="audit-filter-clear">
          <Icon name="x" /> Clear
        </button>
      ) : null}
    </div>
  );
}
