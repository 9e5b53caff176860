// The stub generator's values (shared/stubs) are well-formed by design, so the format rules
// match them; the scanner must report them as stubs (severity info), never as leaks.

import { describe, expect, it } from 'vitest';
import { createScanner, STUB_MARKER_RULE_ID } from '../../../shared/scan/index';
import { generateStub, STUB_SHAPES } from '../../../shared/stubs/index';

const scanner = createScanner();

function seed(n: number, salt: string): Uint8Array {
  return new Uint8Array(32).map((_, i) => (i * 31 + n * 7 + salt.length * 13) & 255);
}

describe('Latch stubs', () => {
  it('are never reported as leaks, whichever catalogue shape they come from', () => {
    expect(STUB_SHAPES.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    let reportedAsStubs = 0;
    for (const shape of STUB_SHAPES) {
      for (let n = 0; n < 3; n++) {
        const value = generateStub(shape, seed(n, shape.id));
        const text = value.includes('\n') ? `# key\n${value}\n` : `SERVICE_SECRET=${value}\n`;
        for (const finding of scanner.scan(text, '.env')) {
          if (finding.secretKind === 'leak') leaks.push(`${shape.id} -> ${finding.ruleId}`);
          else {
            reportedAsStubs++;
            expect(finding.severity).toBe('info');
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(reportedAsStubs).toBeGreaterThan(STUB_SHAPES.length);
  });

  it('reports a marked value under the stub rule id with the matching provider', () => {
    const shape = STUB_SHAPES.find((s) => s.id.includes('github'));
    expect(shape).toBeDefined();
    if (!shape) return;
    const [finding] = scanner.scan(`GITHUB_TOKEN=${generateStub(shape, seed(1, 'x'))}`, '.env');
    expect(finding).toMatchObject({ ruleId: STUB_MARKER_RULE_ID, secretKind: 'stub', severity: 'info', provider: 'GitHub' });
    expect(finding?.message).toMatch(/stub/);
  });
});
