import { AccessPage } from '../features/access';
import { AuditPage } from '../features/audit';
import { HealthPage } from '../features/health';
import { ProjectsPage } from '../features/projects';
import { ShellsPage } from '../features/shells';
import { TokensPage } from '../features/tokens';
import { WorkspacesPage } from '../features/workspaces';
import type { Route } from './routes';

export function PageView({ route }: { route: Route }) {
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
