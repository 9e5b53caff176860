import { readFileSync } from 'node:fs';

/** A stand-in for the stub catalogue's ids (shared/stubs owns the real list). */
export const KNOWN_SHAPE_IDS = [
  'stripe-secret-key',
  'stripe-publishable-key',
  'github-pat',
  'postgres-url',
  'redis-url',
  'openai-api-key',
  'aws-access-key-id',
  'aws-secret-access-key',
  'hex-32',
  'jwt-signing-secret',
] as const;

export const PARSE_OPTIONS = { knownShapeIds: KNOWN_SHAPE_IDS };

/** Lines joined with '\n'. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The three lines every valid template starts with; secrets follow at two spaces. */
export const HEAD = ['version: 1', 'project: demo', 'secrets:'] as const;

export function readExample(): string {
  return readFileSync(new URL('../../../shared/manifest/EXAMPLE.latch.yaml', import.meta.url), 'utf8');
}
