import { useMemo, useState } from 'react';
import type { FindingInfo, FixAction } from '../../../shared/contract/schemas/workspaces';
import { plural } from '../../lib/format';
import { EmptyState } from '../../ui/States';
import { countByState, groupByWorkspace, isReportable, selectFindings, type FindingState } from './finding-model';
import { FindingGroupTable } from './FindingGroupTable';
import { FINDINGS_PANEL_ID, findingTabId, FindingTabs } from './FindingTabs';
import { MoveToKeychainDialog } from './MoveToKeychainDialog';
import { useFixFinding } from './use-fix-finding';
import { WorkspaceFilter } from './WorkspaceFilter';

interface FindingsSectionProps {
  findings: readonly FindingInfo[];
  /** Watched folder paths, in list order. */
  watched: readonly string[];
  tab: FindingState;
  onTabChange(state: FindingState): void;
  workspace: string | null;
  onWorkspaceChange(path: string | null): void;
  fresh: ReadonlySet<string>;
  now: number;
  onChanged(): void;
}

const EMPTY_TEXT: Record<FindingState, { title: string; text: string }> = {
  open: { title: 'No open findings', text: 'Nothing that looks like a secret in the watched files. Saved files are rescanned at once.' },
  fixed: { title: 'Nothing fixed yet', text: 'Findings move here when the value leaves the file — by a fix below, or by your own edit.' },
  ignored: { title: 'Nothing ignored', text: 'Ignored findings are listed by fingerprint in the workspace’s .latchignore.' },
};

/** Findings by state (tabs) and workspace (groups), with their fixes. */
export function FindingsSection({ findings, watched, tab, onTabChange, workspace, onWorkspaceChange, fresh, now, onChanged }: FindingsSectionProps) {
  const [moving, setMoving] = useState<FindingInfo | null>(null);
  const { pending, fix } = useFixFinding(onChanged);

  const scoped = useMemo(() => (workspace === null ? findings : findings.filter((f) => f.workspace === workspace)), [findings, workspace]);
  const counts = useMemo(() => countByState(scoped), [scoped]);
  const groups = useMemo(() => groupByWorkspace(selectFindings(scoped, tab), watched), [scoped, tab, watched]);
  const paths = useMemo(() => [...new Set([...watched, ...findings.filter(isReportable).map((f) => f.workspace)])], [watched, findings]);
  const stubs = useMemo(() => scoped.filter((f) => !isReportable(f) && f.state === 'open').length, [scoped]);

  const onFix = (finding: FindingInfo, action: FixAction) => {
    if (action === 'move-to-keychain') setMoving(finding);
    else void fix(finding, action);
  };

  return (
    <section className="ws-section" aria-labelledby="findings-title" data-testid="findings">
      <div className="ws-section-header">
        <h2 id="findings-title">Findings</h2>
        <p className="muted">File, line, rule and a redacted preview — never the secret itself.</p>
      </div>
      <div className="toolbar">
        <FindingTabs current={tab} counts={counts} onChange={onTabChange} />
        {paths.length > 1 ? <WorkspaceFilter paths={paths} value={workspace} onChange={onWorkspaceChange} /> : null}
        <span className="toolbar-note muted" aria-live="polite">
          {workspace === null ? plural(counts[tab], `${tab} finding`) : `${plural(counts[tab], `${tab} finding`)} in this folder`}
        </span>
      </div>
      <div role="tabpanel" id={FINDINGS_PANEL_ID} aria-labelledby={findingTabId(tab)} className="ws-panel">
        {groups.length === 0 ? (
          <EmptyState
            icon={tab === 'open' ? 'check' : 'list'}
            title={workspace === null ? EMPTY_TEXT[tab].title : `${EMPTY_TEXT[tab].title} in this folder`}
            testId={`findings-empty-${tab}`}
            action={
              workspace === null ? undefined : (
                <button type="button" className="button" onClick={() => onWorkspaceChange(null)}>
                  Show all folders
                </button>
              )
            }
          >
            <p>{EMPTY_TEXT[tab].text}</p>
          </EmptyState>
        ) : (
          groups.map((group) => (
            <FindingGroupTable key={group.workspace} group={group} now={now} fresh={fresh} pending={pending} onFix={onFix} />
          ))
        )}
        {tab === 'open' && stubs > 0 ? (
          <p className="muted ws-stub-note" data-testid="findings-stubs">
            Also recognised: {plural(stubs, 'Latch stub')} — fake values Latch issued, not secrets, so not reported.
          </p>
        ) : null}
      </div>
      {moving ? <MoveToKeychainDialog finding={moving} onClose={() => setMoving(null)} onConfirm={() => fix(moving, 'move-to-keychain', { toastErrors: false })} /> : null}
    </section>
  );
}
