import type { FindingInfo } from '../../../shared/contract/schemas/workspaces';

/** What "move to keychain" does to this file, said before the person confirms. */
export function moveOutcome(finding: Pick<FindingInfo, 'file'>): string {
  const dotEnv = /(^|[/\\])\.env/.test(finding.file);
  return dotEnv
    ? 'The value is deleted from the line (KEY= stays, empty). Nothing else in the file changes.'
    : 'The value is replaced by a ${KEY} reference, for your app or Latch to fill in from the environment.';
}
