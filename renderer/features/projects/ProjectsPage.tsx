import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectSummary } from '../../../shared/contract/schemas/projects';
import { routeHref } from '../../app/routes';
import { useRoute } from '../../app/use-route';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorBanner, Loading } from '../../ui/States';
import { AddProjectDialog } from './AddProjectDialog';
import { ProjectDetailView } from './ProjectDetailView';
import { ProjectList } from './ProjectList';
import { RemoveProjectDialog } from './RemoveProjectDialog';
import { StubGallery } from './StubGallery';
import { pickProject, projectKey, sortProjects } from './project-select';
import { useProjects } from './use-projects';
import './projects.css';

type OpenDialog = { kind: 'add' } | { kind: 'remove'; project: ProjectSummary };

function Tabs({ view, project }: { view: 'projects' | 'shapes'; project: string | undefined }) {
  return (
    <nav className="project-tabs" aria-label="Projects views">
      <a
        href={routeHref('projects', { project })}
        aria-current={view === 'projects' ? 'page' : undefined}
        data-testid="projects-tab-projects"
      >
        <Icon name="folder" /> Projects
      </a>
      <a
        href={routeHref('projects', { view: 'shapes', project })}
        aria-current={view === 'shapes' ? 'page' : undefined}
        data-testid="projects-tab-shapes"
      >
        <Icon name="key" /> Stub shapes
      </a>
    </nav>
  );
}

/** Projects (latch.yaml templates) and the gallery of built-in stub shapes. */
export function ProjectsPage() {
  const route = useRoute();
  const { data, error, loading, reload } = useProjects();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const projects = useMemo(() => sortProjects(data ?? []), [data]);
  const shownPath = useRef<string | null>(null);
  const selected = pickProject(projects, route.params.project, shownPath.current);
  useEffect(() => {
    shownPath.current = selected?.path ?? null;
  }, [selected]);
  const view = route.params.view === 'shapes' ? 'shapes' : 'projects';

  const addButton = (
    <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'add' })} data-testid="add-project">
      <Icon name="plus" /> Add project
    </button>
  );

  let body;
  if (view === 'shapes') {
    body = <StubGallery />;
  } else if (!data) {
    body = loading ? <Loading label="Loading projects…" /> : null;
  } else if (projects.length === 0) {
    body = (
      <EmptyState icon="folder" title="No projects yet" action={addButton}>
        <p>A project declares the secrets it needs in a latch.yaml next to its code — never their values.</p>
        <p className="muted">
          From a terminal, in the project folder: <code>latch project add .</code>
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <div className="projects-layout">
        <ProjectList projects={projects} selected={selected} />
        {selected ? (
          <ProjectDetailView
            key={selected.path}
            summary={selected}
            reference={projectKey(selected, projects)}
            onRemove={() => setDialog({ kind: 'remove', project: selected })}
          />
        ) : null}
      </div>
    );
  }

  return (
    <section className="page" data-testid="page-projects" aria-labelledby="page-title-projects">
      <PageHeader
        id="projects"
        title="Projects"
        subtitle="Each project declares the secrets it needs in a latch.yaml template. Here is where you stand for each of them."
        actions={projects.length > 0 && view === 'projects' ? addButton : undefined}
      />
      <Tabs view={view} project={route.params.project} />
      {error && view === 'projects' ? <ErrorBanner error={error} onRetry={reload} title="Could not load projects." /> : null}
      {body}

      {dialog?.kind === 'add' ? (
        <AddProjectDialog
          onClose={() => setDialog(null)}
          onAdded={(project) => {
            reload();
            window.location.hash = routeHref('projects', {
              project: projectKey(project, [...projects.filter((p) => p.path !== project.path), project]),
            });
          }}
        />
      ) : null}
      {dialog?.kind === 'remove' ? (
        <RemoveProjectDialog
          project={dialog.project}
          reference={projectKey(dialog.project, projects)}
          onClose={() => setDialog(null)}
          onDone={() => {
            reload();
            window.location.hash = routeHref('projects');
          }}
        />
      ) : null}
    </section>
  );
}
