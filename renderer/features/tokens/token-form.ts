import type { MethodInput } from '../../../shared/contract/methods';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';

/** What the add/edit forms hold: strings, exactly as typed. */
export interface TokenFormValues {
  name: string;
  kind: string;
  owner: string;
  scopes: string;
  notes: string;
  /** `YYYY-MM-DD` from <input type="date">, or '' for "never". */
  expires: string;
  /** Whole days, or '' for "no rotation period". */
  rotationDays: string;
}

export type TokenFormField = keyof TokenFormValues | 'value';
export type FieldErrors = Partial<Record<TokenFormField, string>>;

export type AddInput = MethodInput<'token.add'>;
export type UpdatePatch = MethodInput<'token.update'>['patch'];

/** Mirrors the contract (shared/contract/schemas) so we can say what is wrong before a round trip. */
export const TOKEN_NAME_PATTERN = /^[a-z0-9][a-z0-9._/-]{0,63}$/;
export const KIND_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const MAX_VALUE_LENGTH = 65_536;

/** Suggestions for the kind field; any short kebab-case name is accepted. */
export const KNOWN_KINDS = [
  'generic',
  'github',
  'gitlab',
  'npm',
  'aws',
  'gcp',
  'azure',
  'openai',
  'anthropic',
  'slack',
  'stripe',
  'docker',
  'pypi',
] as const;

export const EMPTY_FORM: TokenFormValues = { name: '', kind: '', owner: '', scopes: '', notes: '', expires: '', rotationDays: '' };

export function parseScopes(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,\n]/)) {
    const scope = part.trim();
    if (scope) seen.add(scope);
  }
  return [...seen];
}

/** A calendar date is stored as midnight UTC, the same as `latch token add --expires 2027-01-31`. */
export function dateInputToIso(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function isoToDateInput(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 10);
}

export function formFromToken(token: TokenMeta): TokenFormValues {
  return {
    name: token.name,
    kind: token.kind,
    owner: token.owner ?? '',
    scopes: token.scopes.join(', '),
    notes: token.notes ?? '',
    expires: isoToDateInput(token.expiresAt),
    rotationDays: token.rotationPeriodDays === null ? '' : String(token.rotationPeriodDays),
  };
}

function parseRotationDays(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const days = Number(trimmed);
  return days >= 1 && days <= 3650 ? days : 'invalid';
}

/** Field-by-field problems; empty when the form can be sent. `value` is checked only when given. */
export function validateTokenForm(values: TokenFormValues, value?: string): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'Give the token a name.';
  else if (!TOKEN_NAME_PATTERN.test(name)) {
    errors.name = 'Use 1–64 of a-z 0-9 . _ / - starting with a letter or digit (e.g. github/work).';
  }
  if (value !== undefined) {
    if (value === '') errors.value = 'Paste the token value.';
    else if (value.length > MAX_VALUE_LENGTH) errors.value = 'The value must be at most 64 KiB.';
    else if (value.includes('\0')) errors.value = 'The value must not contain NUL bytes.';
  }
  const kind = values.kind.trim();
  if (kind !== '' && !KIND_PATTERN.test(kind)) errors.kind = 'A short kebab-case provider name, e.g. github.';
  if (values.owner.length > 200) errors.owner = 'At most 200 characters.';
  if (values.notes.length > 4000) errors.notes = 'At most 4000 characters.';
  const scopes = parseScopes(values.scopes);
  if (scopes.length > 100) errors.scopes = 'At most 100 scopes.';
  else if (scopes.some((s) => s.length > 200)) errors.scopes = 'Each scope is at most 200 characters.';
  if (values.expires !== '' && dateInputToIso(values.expires) === null) errors.expires = 'Pick a date, or leave empty for never.';
  if (parseRotationDays(values.rotationDays) === 'invalid') errors.rotationDays = 'A whole number of days from 1 to 3650.';
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The token.add parameters; only fields the person filled in are sent. Assumes a valid form. */
export function buildAddInput(values: TokenFormValues, value: string): AddInput {
  const input: AddInput = { name: values.name.trim(), value };
  const kind = values.kind.trim();
  if (kind) input.kind = kind;
  const owner = values.owner.trim();
  if (owner) input.owner = owner;
  const scopes = parseScopes(values.scopes);
  if (scopes.length > 0) input.scopes = scopes;
  const notes = values.notes.trim();
  if (notes) input.notes = notes;
  const expiresAt = dateInputToIso(values.expires);
  if (expiresAt) input.expiresAt = expiresAt;
  const days = parseRotationDays(values.rotationDays);
  if (typeof days === 'number') input.rotationPeriodDays = days;
  return input;
}

/**
 * Only what changed, for token.update; null when nothing did. The contract has no null for
 * owner and notes, so clearing them sends an empty string.
 */
export function buildUpdatePatch(original: TokenMeta, values: TokenFormValues): UpdatePatch | null {
  const patch: UpdatePatch = {};
  const name = values.name.trim();
  if (name !== original.name) patch.rename = name;
  const kind = values.kind.trim() || 'generic';
  if (kind !== original.kind) patch.kind = kind;
  const owner = values.owner.trim();
  if (owner !== (original.owner ?? '')) patch.owner = owner;
  const scopes = parseScopes(values.scopes);
  if (scopes.join('\n') !== original.scopes.join('\n')) patch.scopes = scopes;
  const notes = values.notes.trim();
  if (notes !== (original.notes ?? '')) patch.notes = notes;
  const expiresAt = dateInputToIso(values.expires);
  if (isoToDateInput(expiresAt) !== isoToDateInput(original.expiresAt)) patch.expiresAt = expiresAt;
  const days = parseRotationDays(values.rotationDays);
  const rotationPeriodDays = days === 'invalid' ? original.rotationPeriodDays : days;
  if (rotationPeriodDays !== original.rotationPeriodDays) patch.rotationPeriodDays = rotationPeriodDays;
  return Object.keys(patch).length > 0 ? patch : null;
}

/** Map a contract validation failure (`details`: `{ path: 'patch.rename', message }[]`) onto form fields. */
export function fieldErrorsFromDetails(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!Array.isArray(details)) return errors;
  const map: Record<string, TokenFormField> = {
    name: 'name',
    rename: 'name',
    value: 'value',
    kind: 'kind',
    owner: 'owner',
    scopes: 'scopes',
    notes: 'notes',
    expiresAt: 'expires',
    rotationPeriodDays: 'rotationDays',
  };
  for (const issue of details as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const parts = typeof path === 'string' ? path.split('.') : Array.isArray(path) ? path.map(String) : [];
    const key = [...parts].reverse().find((p) => p in map);
    const field = key ? map[key] : undefined;
    if (field && !errors[field]) errors[field] = message;
  }
  return errors;
}
