import { PlannedPage } from '../../ui/PlannedPage';

/** Workspaces: watched folders and scanner findings. Filled in by the scanner issue. */
export function WorkspacesPage() {
  return (
    <PlannedPage
      id="workspaces"
      icon="monitor"
      title="Workspaces"
      summary="Folders Latch watches for secrets that land in files: rescanned on every save, .gitignore respected."
      willShow={[
        'Watched folders and when each was last scanned',
        'Findings: file, line, rule and fingerprint (never the secret itself)',
        'Fixes: move the value to the keychain, ignore it inline or by baseline, add the file to .gitignore',
      ]}
      cli={[
        { command: 'latch scan .', does: 'scan a folder once (also for pre-commit hooks)' },
        { command: 'latch scan --sarif out.sarif', does: 'report for CI' },
        { command: 'latch workspace add .', does: 'watch a folder continuously' },
      ]}
    />
  );
}
