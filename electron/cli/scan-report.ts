import type { Finding } from '../../shared/scan';

export interface FileFinding extends Finding {
  file: string;
  /** Whether git tracks the file (then the secret is already in history: rotate it). */
  tracked: boolean;
}

/** The JSON report: never the raw value, only the redacted preview. */
export function toJsonFindings(findings: readonly FileFinding[]) {
  return findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    rule: f.ruleId,
    provider: f.provider,
    severity: f.severity,
    kind: f.secretKind,
    fingerprint: f.fingerprint,
    redacted: f.redacted,
    message: f.message,
    tracked: f.tracked,
  }));
}

const SARIF_LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** SARIF 2.1.0 for code-scanning UIs (GitHub, GitLab, VS Code SARIF viewer). */
export function toSarif(findings: readonly FileFinding[], version: string) {
  const rules = [...new Map(findings.map((f) => [f.ruleId, f])).values()].map((f) => ({
    id: f.ruleId,
    name: f.ruleId,
    shortDescription: { text: `${f.provider} credential` },
    defaultConfiguration: { level: SARIF_LEVEL[f.severity] },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'latch', version, informationUri: 'https://github.com/latch-dev/latch', rules } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          level: SARIF_LEVEL[f.severity],
          message: { text: `${f.message} (${f.redacted})` },
          partialFingerprints: { latchFingerprint: f.fingerprint },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}

export function toText(findings: readonly FileFinding[]): string {
  return findings
    .map((f) => {
      const exposed = f.tracked ? ' [tracked by git: already exposed — rotate it at the provider, then clean history]' : '';
      return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} ${f.redacted} (${f.ruleId}, ${f.fingerprint})${exposed}`;
    })
    .join('\n');
}
