// GitLab tokens (GitLab docs, "Token overview": prefixes glpat-, glrt-, gldt-, glptt-).
// Legacy/non-routable tokens: prefix + 20 characters of [0-9A-Za-z_-]. Since 17.x GitLab
// can also issue longer "routable" tokens (…​.01.<base36>); the PAT pattern accepts both,
// stubs use the 20-character form every GitLab version accepts.

import { BASE64URL_CHARS } from '../charsets';
import { defineShape, type StubShape } from '../shape';
import { markedChars, markedHex } from './build';

function twentyCharShape(id: string, prefix: string, what: string): StubShape {
  return defineShape({
    id,
    provider: 'GitLab',
    summary: `${what}: ${prefix} + 20 characters of [0-9A-Za-z_-].`,
    pattern: new RegExp(`^${prefix}[0-9A-Za-z_-]{20}$`),
    marker: 'the 20 characters begin with LATCHSTUB.',
    markerPattern: new RegExp(`^${prefix}LATCHSTUB`),
    generate: (random) => prefix + markedChars(random, BASE64URL_CHARS, 20),
  });
}

export const GITLAB_SHAPES: readonly StubShape[] = [
  defineShape({
    id: 'gitlab-pat',
    provider: 'GitLab',
    summary:
      'GitLab personal access token: glpat- + 20 characters of [0-9A-Za-z_-] (or the longer routable form).',
    pattern: /^glpat-(?:[0-9A-Za-z_-]{20}|[0-9A-Za-z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7})$/,
    marker: 'the 20 characters begin with LATCHSTUB.',
    markerPattern: /^glpat-LATCHSTUB/,
    generate: (random) => `glpat-${markedChars(random, BASE64URL_CHARS, 20)}`,
  }),
  twentyCharShape('gitlab-runner-token', 'glrt-', 'GitLab runner authentication token'),
  twentyCharShape('gitlab-deploy-token', 'gldt-', 'GitLab deploy token'),
  defineShape({
    id: 'gitlab-pipeline-trigger-token',
    provider: 'GitLab',
    summary: 'GitLab pipeline trigger token: glptt- + 40 lower-case hex digits.',
    pattern: /^glptt-[0-9a-f]{40}$/,
    marker: 'the hex begins with 528247882 (LATCHSTUB on a phone keypad).',
    markerPattern: /^glptt-528247882/,
    generate: (random) => `glptt-${markedHex(random, 40)}`,
  }),
];
