import { PlannedPage } from '../../ui/PlannedPage';

/** Projects: latch.yaml templates. Filled in by the projects/manifest issue. */
export function ProjectsPage() {
  return (
    <PlannedPage
      id="projects"
      icon="folder"
      title="Projects"
      summary="Projects declare the secrets they need in a latch.yaml template — never their values."
      willShow={[
        'Each registered project with its latch.yaml and where it lives on disk',
        'Every declared secret: class (stub, personal, dynamic, prod), owner, rotation period and TTL',
        'Which personal tokens are missing from your keychain, and stub values you can rotate',
        'Importing .env.example into a template, and moving .env values into the keychain',
      ]}
      cli={[
        { command: 'latch project add .', does: 'register the project in the current folder' },
        { command: 'latch project show', does: 'list its declared secrets and their sources' },
        { command: 'latch project import .env.example', does: 'start a template from an example file' },
      ]}
    />
  );
}
