import type { ProjectSecret, ProjectSummary, SecretStatus } from '../../../shared/contract/schemas/projects';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted';
export type SecretClass = ProjectSecret['class'];
type Problem = ProjectSummary['errors'][number];

/** This developer's standing for a secret, in a word or two. */
export const SECRET_STATUS_LABEL: Record<SecretStatus, string> = {
  ready: 'Ready',
  stub: 'Stub',
  'missing-token': 'Token missing',
  'on-demand': 'On demand',
  'needs-access': 'Needs access',
};

export const SECRET_STATUS_TONE: Record<SecretStatus, Tone> = {
  ready: 'ok',
  stub: 'info',
  'missing-token': 'bad',
  'on-demand': 'muted',
  'needs-access': 'warn',
};

export const SECRET_STATUS_HELP: Record<SecretStatus, string> = {
  ready: 'Your token is in the OS keychain',
  stub: 'A generated, recognisably fake value is used locally',
  'missing-token': 'Add your token to the OS keychain before opening a shell',
  'on-demand': 'Minted for each shell or run, revoked when its lease ends',
  'needs-access': 'Only through an access request a reviewer approves',
};

export const CLASS_HELP: Record<SecretClass, string> = {
  stub: 'Generated fake value for local development',
  personal: 'Your own token, from the OS keychain',
  dynamic: 'Minted per lease by a provider and revoked when it ends',
  prod: 'Production: time-boxed, after an approved access request',
};

/** Where the value comes from: the stub shape, the keychain token, or the provider. */
export function secretSource(secret: Pick<ProjectSecret, 'class' | 'shape' | 'token' | 'provider'>): string {
  switch (secret.class) {
    case 'stub':
      return secret.shape ? `shape ${secret.shape}` : 'stub';
    case 'personal':
      return secret.token ? `keychain: ${secret.token}` : 'keychain';
    case 'dynamic':
    case 'prod':
      return secret.provider ?? secret.class;
  }
}

/** `latch.yaml:4:7` */
export function problemLocation(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}`;
}

/** `latch.yaml:4:7: unknown class "stubb"` — the same line the CLI prints. */
export function formatProblem(problem: Problem): string {
  return `${problemLocation(problem)}: ${problem.message}`;
}

/** `every 90 d`, `every 12 h`, or null. */
export function rotationPeriod(seconds: number | null): string | null {
  if (seconds === null || seconds <= 0) return null;
  if (seconds % 86_400 === 0) return `every ${seconds / 86_400} d`;
  if (seconds % 3_600 === 0) return `every ${seconds / 3_600} h`;
  if (seconds % 60 === 0) return `every ${seconds / 60} min`;
  return `every ${seconds} s`;
}

/** A project at a glance: `3 of 4 ready · 1 token missing`, or the template error count. */
export function projectHealth(summary: Pick<ProjectSummary, 'ok' | 'counts' | 'errors'>): { text: string; tone: Tone } {
  if (!summary.ok) {
    const n = summary.errors.length;
    return { text: `Template invalid (${n} ${n === 1 ? 'error' : 'errors'})`, tone: 'bad' };
  }
  const { total, ready, missing, needsAccess } = summary.counts;
  if (total === 0) return { text: 'No secrets declared', tone: 'muted' };
  const parts = [`${ready} of ${total} ready`];
  if (missing > 0) parts.push(`${missing} ${missing === 1 ? 'token' : 'tokens'} missing`);
  if (needsAccess > 0) parts.push(`${needsAccess} need${needsAccess === 1 ? 's' : ''} access`);
  return { text: parts.join(' · '), tone: missing > 0 ? 'bad' : needsAccess > 0 ? 'warn' : 'ok' };
}

/** A token kind for a personal secret's shape (`github-pat` → `github`), or '' when unsure. */
export function kindFromShape(shape: string | null): string {
  if (!shape || shape === 'custom') return '';
  const first = shape.split('-')[0] ?? '';
  return /^[a-z0-9][a-z0-9-]{0,39}$/.test(first) ? first : '';
}

/** Secrets this developer must act on before a shell can open. */
export function missingTokens(secrets: readonly ProjectSecret[]): ProjectSecret[] {
  return secrets.filter((s) => s.status === 'missing-token');
}

/** The docs link, only when it is http(s) (the parser checks too; a link is never a script). */
export function docsHref(docs: string | null): string | null {
  if (!docs) return null;
  try {
    const url = new URL(docs);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
