import type { ReactNode } from 'react';
import type { ContractError } from '../../shared/contract/errors';
import { Icon, type IconName } from './Icon';
import { TextWithCode } from './TextWithCode';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({
  icon,
  title,
  children,
  action,
  testId = 'empty-state',
}: {
  icon: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="state state-empty" data-testid={testId}>
      <span className="state-icon">
        <Icon name={icon} size={28} />
      </span>
      <h2>{title}</h2>
      {children ? <div className="state-text">{children}</div> : null}
      {action ? <div className="state-action">{action}</div> : null}
    </div>
  );
}

/** A failed call: its message (safe to show: never contains a secret) and its stable code. */
export function ErrorBanner({ error, onRetry, title }: { error: ContractError; onRetry?: () => void; title?: string }) {
  return (
    <div className="banner banner-bad" role="alert" data-testid="error-banner" data-code={error.code}>
      <Icon name="alert" />
      <div className="banner-text">
        {title ? <strong>{title} </strong> : null}
        <span data-testid="error-message">
          <TextWithCode text={error.message} />
        </span>{' '}
        <code className="error-code">{error.code}</code>
      </div>
      {onRetry ? (
        <button type="button" className="button button-small" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}

/** A short inline error under a form. */
export function FormError({ error }: { error: ContractError | string | null }) {
  if (!error) return null;
  const message = typeof error === 'string' ? error : error.message;
  return (
    <p className="form-error" role="alert" data-testid="form-error">
      <Icon name="alert" size={14} />
      <span>
        <TextWithCode text={message} />
      </span>
    </p>
  );
}
