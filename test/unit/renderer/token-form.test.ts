import { describe, expect, it } from 'vitest';
import { tokenAddInput, tokenUpdateInput } from '../../../shared/contract/schemas/tokens';
import {
  buildAddInput,
  buildUpdatePatch,
  dateInputToIso,
  EMPTY_FORM,
  fieldErrorsFromDetails,
  formFromToken,
  isoToDateInput,
  parseScopes,
  validateTokenForm,
} from '../../../renderer/features/tokens/token-form';
import { token } from './token-fixtures';

describe('validateTokenForm', () => {
  it('accepts a minimal form with a value', () => {
    expect(validateTokenForm({ ...EMPTY_FORM, name: 'github/work' }, 'ghp_x')).toEqual({});
  });
  it('explains bad names, empty values and bad numbers', () => {
    const errors = validateTokenForm({ ...EMPTY_FORM, name: 'Bad Name', kind: 'Git Hub', rotationDays: '0' }, '');
    expect(Object.keys(errors).sort()).toEqual(['kind', 'name', 'rotationDays', 'value']);
    expect(validateTokenForm({ ...EMPTY_FORM, name: '' }).name).toMatch(/name/);
    expect(validateTokenForm({ ...EMPTY_FORM, name: 'a', rotationDays: '3651' }).rotationDays).toBeDefined();
    expect(validateTokenForm({ ...EMPTY_FORM, name: 'a', rotationDays: '1.5' }).rotationDays).toBeDefined();
    expect(validateTokenForm({ ...EMPTY_FORM, name: 'a' }, 'a\0b').value).toBeDefined();
  });
  it('does not check the value when none is asked for (edit form)', () => {
    expect(validateTokenForm({ ...EMPTY_FORM, name: 'a' })).toEqual({});
  });
  it('agrees with the contract on names', () => {
    for (const name of ['a', 'github/work', 'x.y_z-1', '0abc']) {
      expect(validateTokenForm({ ...EMPTY_FORM, name }, 'v').name).toBeUndefined();
      expect(tokenAddInput.safeParse({ name, value: 'v' }).success).toBe(true);
    }
    for (const name of ['A', '/lead', 'has space', 'x'.repeat(65)]) {
      expect(validateTokenForm({ ...EMPTY_FORM, name }, 'v').name).toBeDefined();
      expect(tokenAddInput.safeParse({ name, value: 'v' }).success).toBe(false);
    }
  });
});

describe('parseScopes', () => {
  it('splits on commas and newlines, trims and dedupes', () => {
    expect(parseScopes(' repo, read:org,,\nrepo , gist ')).toEqual(['repo', 'read:org', 'gist']);
    expect(parseScopes('')).toEqual([]);
  });
});

describe('dates', () => {
  it('stores a calendar date as midnight UTC, like the CLI', () => {
    expect(dateInputToIso('2027-01-31')).toBe('2027-01-31T00:00:00.000Z');
    expect(dateInputToIso('31/01/2027')).toBeNull();
    expect(isoToDateInput('2027-01-31T00:00:00.000Z')).toBe('2027-01-31');
    expect(isoToDateInput(null)).toBe('');
  });
});

describe('buildAddInput', () => {
  it('sends only what was filled in, and passes the contract', () => {
    const input = buildAddInput({ ...EMPTY_FORM, name: ' github/work ' }, 'ghp_x');
    expect(input).toEqual({ name: 'github/work', value: 'ghp_x' });
    expect(tokenAddInput.safeParse(input).success).toBe(true);
  });
  it('converts every field', () => {
    const input = buildAddInput(
      { name: 'gh', kind: 'github', owner: ' me ', scopes: 'repo, gist', notes: ' n ', expires: '2027-01-31', rotationDays: '90' },
      'v',
    );
    expect(input).toEqual({
      name: 'gh',
      value: 'v',
      kind: 'github',
      owner: 'me',
      scopes: ['repo', 'gist'],
      notes: 'n',
      expiresAt: '2027-01-31T00:00:00.000Z',
      rotationPeriodDays: 90,
    });
    expect(tokenAddInput.safeParse(input).success).toBe(true);
  });
});

describe('buildUpdatePatch', () => {
  const original = token({
    name: 'github/work',
    kind: 'github',
    owner: 'me',
    scopes: ['repo'],
    notes: 'old',
    expiresAt: '2027-01-31T00:00:00.000Z',
    rotationPeriodDays: 90,
  });

  it('is null when nothing changed', () => {
    expect(buildUpdatePatch(original, formFromToken(original))).toBeNull();
  });
  it('sends only the changed fields, and passes the contract', () => {
    const values = { ...formFromToken(original), name: 'github/acme', scopes: 'repo, gist', rotationDays: '' };
    const patch = buildUpdatePatch(original, values);
    expect(patch).toEqual({ rename: 'github/acme', scopes: ['repo', 'gist'], rotationPeriodDays: null });
    expect(tokenUpdateInput.safeParse({ name: original.name, patch }).success).toBe(true);
  });
  it('clears expiry with null and owner/notes with an empty string', () => {
    const values = { ...formFromToken(original), expires: '', owner: '', notes: '' };
    expect(buildUpdatePatch(original, values)).toEqual({ expiresAt: null, owner: '', notes: '' });
  });
  it('treats an emptied kind as generic', () => {
    expect(buildUpdatePatch(original, { ...formFromToken(original), kind: '' })).toEqual({ kind: 'generic' });
  });
});

describe('fieldErrorsFromDetails', () => {
  it('maps contract issue paths onto form fields', () => {
    expect(
      fieldErrorsFromDetails([
        { path: 'patch.rename', message: 'bad name', code: 'invalid_format' },
        { path: 'expiresAt', message: 'bad date', code: 'invalid_format' },
        { path: 'unknown', message: 'x', code: 'x' },
      ]),
    ).toEqual({ name: 'bad name', expires: 'bad date' });
    expect(fieldErrorsFromDetails(undefined)).toEqual({});
  });
});
