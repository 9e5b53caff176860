import { describe, expect, it } from 'vitest';
import type { ProjectSecret, ProjectSummary, StubShapeInfo } from '../../../shared/contract/schemas/projects';
import {
  checkProjectPath,
  pickProject,
  projectKey,
  sortProjects,
  templateFileLabel,
} from '../../../renderer/features/projects/project-select';
import {
  docsHref,
  formatProblem,
  kindFromShape,
  missingTokens,
  projectHealth,
  rotationPeriod,
  SECRET_STATUS_LABEL,
  SECRET_STATUS_TONE,
  secretSource,
} from '../../../renderer/features/projects/secret-labels';
import { filterShapes } from '../../../renderer/features/projects/shape-filter';

function secret(overrides: Partial<ProjectSecret> & { name: string }): ProjectSecret {
  return {
    class: 'stub',
    status: 'stub',
    description: null,
    owner: null,
    docs: null,
    shape: null,
    token: null,
    provider: null,
    ttlSeconds: 3600,
    maxTtlSeconds: 28_800,
    rotationSeconds: null,
    rotationDueAt: null,
    hint: null,
    ...overrides,
  };
}

function summary(overrides: Partial<ProjectSummary> & { id: string }): ProjectSummary {
  return {
    name: overrides.id,
    path: `/src/${overrides.id}`,
    templateFile: `/src/${overrides.id}/latch.yaml`,
    source: 'user',
    addedAt: '2026-01-01T00:00:00.000Z',
    ok: true,
    counts: { total: 0, ready: 0, missing: 0, needsAccess: 0 },
    errors: [],
    ...overrides,
  };
}

describe('secret labels', () => {
  it('has a label and a tone for every status', () => {
    expect(SECRET_STATUS_LABEL['missing-token']).toBe('Token missing');
    expect(SECRET_STATUS_TONE['missing-token']).toBe('bad');
    expect(SECRET_STATUS_TONE.ready).toBe('ok');
    expect(SECRET_STATUS_TONE['needs-access']).toBe('warn');
  });

  it('names where a value comes from', () => {
    expect(secretSource(secret({ name: 'A', shape: 'stripe-secret-key' }))).toBe('shape stripe-secret-key');
    expect(secretSource(secret({ name: 'B', class: 'personal', token: 'gh-work' }))).toBe('keychain: gh-work');
    expect(secretSource(secret({ name: 'C', class: 'dynamic', provider: 'postgres:local-pg' }))).toBe('postgres:local-pg');
    expect(secretSource(secret({ name: 'D', class: 'prod' }))).toBe('prod');
  });

  it('prints template problems as FILE:LINE:COL: message', () => {
    expect(formatProblem({ file: 'latch.yaml', line: 4, column: 17, message: 'unknown class "stubb"' })).toBe(
      'latch.yaml:4:17: unknown class "stubb"',
    );
  });

  it('words rotation periods', () => {
    expect(rotationPeriod(90 * 86_400)).toBe('every 90 d');
    expect(rotationPeriod(12 * 3600)).toBe('every 12 h');
    expect(rotationPeriod(15 * 60)).toBe('every 15 min');
    expect(rotationPeriod(45)).toBe('every 45 s');
    expect(rotationPeriod(null)).toBeNull();
  });

  it('sums up a project', () => {
    expect(projectHealth(summary({ id: 'a', counts: { total: 4, ready: 2, missing: 1, needsAccess: 1 } }))).toEqual({
      text: '2 of 4 ready · 1 token missing · 1 needs access',
      tone: 'bad',
    });
    expect(projectHealth(summary({ id: 'b', counts: { total: 3, ready: 2, missing: 0, needsAccess: 1 } })).tone).toBe('warn');
    expect(projectHealth(summary({ id: 'c', counts: { total: 2, ready: 2, missing: 0, needsAccess: 0 } }))).toEqual({
      text: '2 of 2 ready',
      tone: 'ok',
    });
    expect(projectHealth(summary({ id: 'd' })).text).toBe('No secrets declared');
    const broken = summary({ id: 'e', ok: false, errors: [{ file: 'latch.yaml', line: 1, column: 1, message: 'x' }] });
    expect(projectHealth(broken)).toEqual({ text: 'Template invalid (1 error)', tone: 'bad' });
  });

  it('guesses a token kind from a shape', () => {
    expect(kindFromShape('github-pat')).toBe('github');
    expect(kindFromShape('stripe-secret-key')).toBe('stripe');
    expect(kindFromShape('custom')).toBe('');
    expect(kindFromShape(null)).toBe('');
  });

  it('links docs only over http(s)', () => {
    expect(docsHref('https://wiki.example.com/stripe')).toBe('https://wiki.example.com/stripe');
    expect(docsHref('javascript:alert(1)')).toBeNull();
    expect(docsHref('not a url')).toBeNull();
    expect(docsHref(null)).toBeNull();
  });

  it('finds the missing tokens', () => {
    const list = [secret({ name: 'A' }), secret({ name: 'B', class: 'personal', status: 'missing-token', token: 'b' })];
    expect(missingTokens(list).map((s) => s.name)).toEqual(['B']);
  });
});

describe('project selection', () => {
  const a = summary({ id: 'api', name: 'api', path: '/src/b/api' });
  const a2 = summary({ id: 'api', name: 'api', path: '/src/a/api' });
  const web = summary({ id: 'web', name: 'web' });

  it('sorts by name, then folder', () => {
    expect(sortProjects([web, a, a2]).map((p) => p.path)).toEqual(['/src/a/api', '/src/b/api', '/src/web']);
  });

  it('names a project by id, or by folder when the id is shared', () => {
    expect(projectKey(web, [a, web])).toBe('web');
    expect(projectKey(a, [a, a2, web])).toBe('/src/b/api');
  });

  it('picks by folder or id, else the first', () => {
    const sorted = sortProjects([web, a, a2]);
    expect(pickProject(sorted, '/src/b/api')).toBe(a);
    expect(pickProject(sorted, 'web')).toBe(web);
    expect(pickProject(sorted, 'nope')).toBe(a2);
    expect(pickProject([], undefined)).toBeNull();
  });

  it('keeps the project shown before when the address no longer matches (its id changed)', () => {
    const sorted = sortProjects([web, a, a2]);
    expect(pickProject(sorted, 'old-id', '/src/web')).toBe(web);
    expect(pickProject(sorted, 'old-id', '/gone')).toBe(a2);
  });

  it('accepts only absolute folders', () => {
    expect(checkProjectPath('/home/me/src/app')).toBeNull();
    expect(checkProjectPath('C:\\src\\app')).toBeNull();
    expect(checkProjectPath('  ')).toMatch(/Enter the folder/);
    expect(checkProjectPath('src/app')).toMatch(/absolute path/);
  });

  it('shows the template file relative to its project', () => {
    expect(templateFileLabel({ path: '/src/app', templateFile: '/src/app/latch.yaml' })).toBe('latch.yaml');
    expect(templateFileLabel({ path: '/src/app/', templateFile: '/src/app/latch.yaml' })).toBe('latch.yaml');
    expect(templateFileLabel({ path: '/src/app', templateFile: '/elsewhere/latch.yaml' })).toBe('/elsewhere/latch.yaml');
  });
});

describe('filterShapes', () => {
  const shapes: StubShapeInfo[] = [
    { id: 'github-pat', provider: 'GitHub', description: 'classic PAT', marker: 'LATCHSTUB', example: 'ghp_x' },
    { id: 'stripe-secret-key', provider: 'Stripe', description: 'secret API key', marker: 'LATCHSTUB', example: 'sk_test_x' },
  ];
  it('matches every word against id, provider, description and marker', () => {
    expect(filterShapes(shapes, 'stripe secret').map((s) => s.id)).toEqual(['stripe-secret-key']);
    expect(filterShapes(shapes, 'GITHUB').map((s) => s.id)).toEqual(['github-pat']);
    expect(filterShapes(shapes, '  ')).toHaveLength(2);
    expect(filterShapes(shapes, 'gitlab')).toEqual([]);
  });
});
