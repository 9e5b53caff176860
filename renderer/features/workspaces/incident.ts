import type { FindingInfo } from '../../../shared/contract/schemas/workspaces';

export interface IncidentStep {
  title: string;
  detail: string;
  /** Commands to run, one per entry. Never contains the secret. */
  commands: readonly string[];
}

/**
 * What to do when a secret sits in a file git already tracks: the value is in history (and
 * in every clone and fork), so taking it out of the file is not enough.
 */
export function incidentSteps(finding: Pick<FindingInfo, 'provider' | 'file'>): IncidentStep[] {
  const provider = finding.provider.trim() || 'its provider';
  const file = finding.file.split('\\').join('/');
  return [
    {
      title: `Revoke or rotate it at ${provider} now`,
      detail: 'Anyone with a clone already has the value. Rotating is the only thing that makes the old value useless.',
      commands: [],
    },
    {
      title: 'Take it out of the file',
      detail: 'Move it to the keychain, or replace it with a reference to the environment, then commit.',
      commands: [`git rm --cached ${file}   # if the file should not be in git at all`],
    },
    {
      title: 'Clean the history, then force-push',
      detail:
        'List the old value in a replacements file you write yourself (Latch never shows it), rewrite history, and ask collaborators to re-clone.',
      commands: ['git filter-repo --replace-text replacements.txt', 'bfg --replace-text replacements.txt   # or, with BFG'],
    },
  ];
}
