import type { ProjectSummary } from '../../../shared/contract/schemas/projects';
import { Icon } from '../../ui/Icon';
import { problemLocation } from './secret-labels';

/** An invalid latch.yaml: every located error as FILE:LINE:COL: message. */
export function TemplateErrors({ project }: { project: Pick<ProjectSummary, 'errors' | 'templateFile'> }) {
  return (
    <div className="banner banner-bad template-errors" role="alert" data-testid="template-errors">
      <Icon name="alert" />
      <div className="banner-text">
        <strong>The template is invalid.</strong> Fix {project.templateFile} and this page refreshes by itself; shells can’t open until
        then.
        <ul className="template-error-list">
          {project.errors.map((problem, index) => (
            <li key={`${problemLocation(problem)}-${index}`} data-testid="template-error">
              <code>{problemLocation(problem)}</code>: {problem.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
