import type { ProjectSummary } from '../../../shared/contract/schemas/projects';
import { routeHref } from '../../app/routes';
import { projectHealth, type Tone } from './secret-labels';
import { projectKey } from './project-select';

const DOT: Record<Tone, string> = {
  ok: 'project-dot-ok',
  warn: 'project-dot-warn',
  bad: 'project-dot-bad',
  info: 'project-dot-info',
  muted: 'project-dot-muted',
};

/** Known projects; each is a link (`#/projects?project=<id>`) so the selection survives reloads. */
export function ProjectList({ projects, selected }: { projects: readonly ProjectSummary[]; selected: ProjectSummary | null }) {
  return (
    <nav className="project-list" aria-label="Projects" data-testid="project-list">
      <ul>
        {projects.map((project) => {
          const health = projectHealth(project);
          const current = selected?.path === project.path;
          return (
            <li key={project.path}>
              <a
                href={routeHref('projects', { project: projectKey(project, projects) })}
                className="project-item"
                aria-current={current ? 'page' : undefined}
                data-testid={`project-item-${project.id}`}
                data-ok={project.ok ? 'true' : 'false'}
              >
                <span className="project-item-name">
                  <span className={`project-dot ${DOT[health.tone]}`} aria-hidden="true" />
                  {project.name}
                </span>
                <span className="project-item-path mono" title={project.path}>
                  {project.path}
                </span>
                <span className="project-item-health muted">{health.text}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
