import type { ProjectSecret } from '../../../shared/contract/schemas/projects';
import { useQuery } from '../../api/use-query';
import { useSecretClipboard } from '../../clipboard/ClipboardProvider';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { ErrorBanner, Loading } from '../../ui/States';

/** stub.get, only once asked: stubs are fake, but still shown on request only. */
export function StubValueDialog({
  secret,
  projectRef,
  onClose,
  onRotate,
}: {
  secret: ProjectSecret;
  projectRef: string;
  onClose(): void;
  onRotate(): void;
}) {
  const clipboard = useSecretClipboard();
  const { data, error, loading, reload } = useQuery(
    (api) => api.call('stub.get', { project: projectRef, name: secret.name }),
    `stub.get:${projectRef}:${secret.name}`,
  );

  return (
    <Dialog
      title={`${secret.name} stub`}
      description={
        data
          ? `A well-formed, recognisably fake value (${data.shape}, rotation ${data.rotation}). It stays the same until you rotate it.`
          : 'A well-formed, recognisably fake value for local development.'
      }
      onClose={onClose}
      testId="dialog-show-stub"
      wide
      dismissOnBackdrop
      footer={
        <>
          <button type="button" className="button" onClick={onRotate} data-testid="stub-rotate-from-show">
            <Icon name="rotate" /> Rotate…
          </button>
          <span className="footer-spacer" />
          {data ? (
            <button
              type="button"
              className="button"
              onClick={() => void clipboard.copySecret(`${secret.name} stub`, data.value)}
              data-testid="stub-copy"
            >
              <Icon name="copy" /> Copy
            </button>
          ) : null}
          <button type="button" className="button button-primary" onClick={onClose} data-autofocus data-testid="stub-hide">
            <Icon name="eyeOff" /> Hide
          </button>
        </>
      }
    >
      {error ? <ErrorBanner error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading label="Generating…" /> : null}
      {data ? (
        <pre className="secret-value" data-testid="stub-value" aria-label={`Stub value of ${secret.name}`}>
          {data.value}
        </pre>
      ) : null}
    </Dialog>
  );
}
