import { Icon, type IconName } from '../ui/Icon';
import { PAGES, routeHref, type PageId } from './routes';

const ICONS: Record<PageId, IconName> = {
  tokens: 'key',
  projects: 'folder',
  shells: 'terminal',
  workspaces: 'monitor',
  access: 'userCheck',
  audit: 'list',
  health: 'activity',
};

export function Sidebar({ current }: { current: PageId }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <ul>
        {PAGES.map((page) => (
          <li key={page.id}>
            <a
              href={routeHref(page.id)}
              className="nav-link"
              aria-current={page.id === current ? 'page' : undefined}
              data-testid={`nav-${page.id}`}
              title={page.label}
            >
              <Icon name={ICONS[page.id]} />
              <span>{page.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
