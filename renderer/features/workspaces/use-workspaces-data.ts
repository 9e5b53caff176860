import { useCallback, useMemo, useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { EventPayload } from '../../../shared/contract/events';
import type { FindingInfo, WorkspaceInfo, WorkspaceMetrics } from '../../../shared/contract/schemas/workspaces';
import { useBrokerEvent } from '../../api/use-broker-event';
import { useQuery } from '../../api/use-query';
import { useInterval } from '../../lib/use-interval';
import { applyClosed } from './finding-model';
import { useCoalesced } from './use-coalesced';
import { useFreshSet } from './use-fresh-set';

/** How long a finding that arrived live stays highlighted as new. */
export const NEW_FINDING_MS = 60_000;

export interface WorkspacesData {
  workspaces: WorkspaceInfo[] | undefined;
  findings: FindingInfo[] | undefined;
  metrics: WorkspaceMetrics | undefined;
  /** The first failure among the three queries (each keeps its last good answer). */
  error: ContractError | null;
  loading: boolean;
  /** Fingerprints opened while this page was open. */
  fresh: ReadonlySet<string>;
  reload(): void;
}

/**
 * workspace.list, finding.list (every state) and workspace.metrics, kept live: finding.opened
 * and finding.closed refresh all three (coalesced), a closed finding moves tabs at once, and
 * watcher state (files, degraded mode) is re-read every 30 s since it has no event.
 */
export function useWorkspacesData(options: {
  onOpened?(payload: EventPayload<'finding.opened'>): void;
  onClosed?(payload: EventPayload<'finding.closed'>): void;
} = {}): WorkspacesData {
  const workspaces = useQuery((api) => api.call('workspace.list', {}), 'workspace.list');
  const findings = useQuery((api) => api.call('finding.list', {}), 'finding.list');
  const metrics = useQuery((api) => api.call('workspace.metrics', {}), 'workspace.metrics');
  const [closed, setClosed] = useState<ReadonlyMap<string, { state: string; at: string }>>(() => new Map());
  const { fresh, mark, unmark } = useFreshSet(NEW_FINDING_MS);

  const { reload: reloadWorkspaces } = workspaces;
  const { reload: reloadFindings } = findings;
  const { reload: reloadMetrics } = metrics;
  const reload = useCallback(() => {
    reloadWorkspaces();
    reloadFindings();
    reloadMetrics();
  }, [reloadWorkspaces, reloadFindings, reloadMetrics]);
  const reloadSoon = useCoalesced(reload, 120);
  useInterval(reloadWorkspaces, 30_000);

  useBrokerEvent('finding.opened', (payload) => {
    setClosed((map) => {
      if (!map.has(payload.fingerprint)) return map;
      const next = new Map(map);
      next.delete(payload.fingerprint);
      return next;
    });
    if (payload.kind !== 'stub') mark(payload.fingerprint);
    options.onOpened?.(payload);
    reloadSoon();
  });
  useBrokerEvent('finding.closed', (payload) => {
    setClosed((map) => new Map(map).set(payload.fingerprint, { state: payload.state, at: new Date().toISOString() }));
    unmark(payload.fingerprint);
    options.onClosed?.(payload);
    reloadSoon();
  });

  const merged = useMemo(() => (findings.data ? applyClosed(findings.data, closed) : undefined), [findings.data, closed]);

  return {
    workspaces: workspaces.data,
    findings: merged,
    metrics: metrics.data,
    error: workspaces.error ?? findings.error ?? metrics.error,
    loading: workspaces.loading || findings.loading,
    fresh,
    reload,
  };
}
