import type { ProjectDetail, ProjectSummary, StubShapeInfo } from '../../../shared/contract/schemas/projects';
import { useBrokerEvent } from '../../api/use-broker-event';
import { useQuery, type QueryState } from '../../api/use-query';

/** project.list, refreshed when a template file changes or a token is added or removed. */
export function useProjects(): QueryState<ProjectSummary[]> {
  const query = useQuery((api) => api.call('project.list', {}), 'project.list');
  useBrokerEvent('project.changed', () => query.reload());
  useBrokerEvent('token.changed', () => query.reload());
  return query;
}

/** project.get for one project (`reference`: id or folder), refreshed live the same way. */
export function useProjectDetail(reference: string, path: string, environment: string | null): QueryState<ProjectDetail> {
  const query = useQuery(
    (api) => api.call('project.get', environment ? { project: reference, environment } : { project: reference }),
    `project.get:${reference}:${environment ?? ''}`,
  );
  useBrokerEvent('project.changed', (change) => {
    if (change.path === path) query.reload();
  });
  useBrokerEvent('token.changed', () => query.reload());
  return query;
}

/** The built-in stub shapes (fixed for a broker version: loaded once). */
export function useStubShapes(): QueryState<StubShapeInfo[]> {
  return useQuery((api) => api.call('stub.shapes', {}), 'stub.shapes');
}
