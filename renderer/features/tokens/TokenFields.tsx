import type { ReactNode } from 'react';
import { Field } from '../../ui/Field';
import { KNOWN_KINDS, type FieldErrors, type TokenFormValues } from './token-form';

interface TokenFieldsProps {
  values: TokenFormValues;
  errors: FieldErrors;
  onChange(field: keyof TokenFormValues, value: string): void;
  /** Between name and the metadata (the add dialog puts the value field there). */
  afterName?: ReactNode;
  nameLabel?: string;
}

/** The metadata fields shared by the add and edit dialogs. */
export function TokenFields({ values, errors, onChange, afterName, nameLabel = 'Name' }: TokenFieldsProps) {
  return (
    <div className="form-grid">
      <div className="span-2">
        <Field label={nameLabel} hint="How you and your projects refer to it, e.g. github/work." error={errors.name}>
          {(props) => (
            <input
              {...props}
              className="input mono"
              value={values.name}
              onChange={(e) => onChange('name', e.target.value)}
              autoComplete="off"
              spellCheck={false}
              data-testid="token-form-name"
            />
          )}
        </Field>
      </div>
      {afterName}
      <Field label="Kind" optional hint="Provider, e.g. github. Defaults to generic." error={errors.kind}>
        {(props) => (
          <>
            <input
              {...props}
              className="input"
              list="token-kinds"
              value={values.kind}
              onChange={(e) => onChange('kind', e.target.value)}
              autoComplete="off"
              spellCheck={false}
              placeholder="generic"
              data-testid="token-form-kind"
            />
            <datalist id="token-kinds">
              {KNOWN_KINDS.map((kind) => (
                <option key={kind} value={kind} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Owner" optional hint="Who it belongs to or who issued it." error={errors.owner}>
        {(props) => (
          <input
            {...props}
            className="input"
            value={values.owner}
            onChange={(e) => onChange('owner', e.target.value)}
            autoComplete="off"
            data-testid="token-form-owner"
          />
        )}
      </Field>
      <div className="span-2">
        <Field label="Scopes" optional hint="Comma-separated, e.g. repo, read:org." error={errors.scopes}>
          {(props) => (
            <input
              {...props}
              className="input mono"
              value={values.scopes}
              onChange={(e) => onChange('scopes', e.target.value)}
              autoComplete="off"
              spellCheck={false}
              data-testid="token-form-scopes"
            />
          )}
        </Field>
      </div>
      <Field label="Expires" optional hint="Leave empty if it never expires." error={errors.expires}>
        {(props) => (
          <input
            {...props}
            type="date"
            className="input"
            value={values.expires}
            onChange={(e) => onChange('expires', e.target.value)}
            data-testid="token-form-expires"
          />
        )}
      </Field>
      <Field label="Rotate every (days)" optional hint="Flags the token when a rotation is due." error={errors.rotationDays}>
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            className="input"
            value={values.rotationDays}
            onChange={(e) => onChange('rotationDays', e.target.value)}
            data-testid="token-form-rotation"
          />
        )}
      </Field>
      <div className="span-2">
        <Field label="Notes" optional error={errors.notes}>
          {(props) => (
            <textarea
              {...props}
              className="input"
              rows={2}
              value={values.notes}
              onChange={(e) => onChange('notes', e.target.value)}
              data-testid="token-form-notes"
            />
          )}
        </Field>
      </div>
    </div>
  );
}
