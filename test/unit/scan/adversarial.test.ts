// Inputs that make naive regex scanners quadratic. Each must finish in well under a second on
// a developer machine; the bound here is loose so a loaded CI box does not flake.

import { describe, expect, it } from 'vitest';
import { createScanner, fnv1a64Hex, type KnownValueIndex } from '../../../shared/scan/index';

const hash = (c: string): string => fnv1a64Hex(`k\u0000${c}`);
const index: KnownValueIndex = {
  values: new Map([
    [hash('q'.repeat(24)), { label: 'a', kind: 'personal', length: 24 }],
    [hash('r'.repeat(40)), { label: 'b', kind: 'lease', length: 40 }],
  ]),
  hash,
};

const INPUTS: Readonly<Record<string, string>> = {
  'a 2 MB run of one letter': `x${'A'.repeat(2_000_000)}`,
  'one keyword repeated': 'token '.repeat(200_000),
  'assignments on one line': 'password=abc '.repeat(100_000),
  'URL schemes without hosts': 'https://'.repeat(200_000),
  'PEM headers without bodies': '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n'.repeat(20_000),
  'dense punctuation': 'a.'.repeat(500_000),
  'prefixes without bodies': 'sk-proj-'.repeat(50_000),
  'curl on one long line': 'curl '.repeat(50_000),
};

describe('pathological inputs', () => {
  const scanner = createScanner({ knownValues: index });
  for (const [name, text] of Object.entries(INPUTS)) {
    it(`scans ${name} in linear time`, () => {
      const started = performance.now();
      expect(scanner.scan(text, 'bundle.min.js')).toEqual([]);
      expect(performance.now() - started).toBeLessThan(5000);
    });
  }
});
