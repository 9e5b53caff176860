import { lazy, Suspense, type ComponentType } from 'react';
import { TokensPage } from '../features/tokens';
import { Loading } from '../ui/States';
import type { Route } from './routes';

// Tokens is the landing page and ships in the main bundle; every other page loads with its
// first visit, so the app starts with less JavaScript to parse.
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const ProjectsPage = page(async () => (await import('../features/projects')).ProjectsPage);
const ShellsPage = page(async () => (await import('../features/shells')).ShellsPage);
const WorkspacesPage = page(async () => (await import('../features/workspaces')).WorkspacesPage);
const AccessPage = page(async () => (await import('../features/access')).AccessPage);
const AuditPage = page(async () => (await import('../features/audit')).AuditPage);
const HealthPage = page(async () => (await import('../features/health')).HealthPage);

function RoutedPage({ route }: { route: Route }) {
  switch (route.page) {
    case 'tokens':
      return <TokensPage />;
    case 'projects':
      return <ProjectsPage />;
    case 'shells':
      return <ShellsPage />;
    case 'workspaces':
      return <WorkspacesPage />;
    case 'access':
      return <AccessPage />;
    case 'audit':
      return <AuditPage params={route.params} />;
    case 'health':
      return <HealthPage />;
  }
}

export function PageView({ route }: { route: Route }) {
  return (
    <Suspense fallback={<Loading label="Loading…" />}>
      <RoutedPage route={route} />
    </Suspense>
  );
}
