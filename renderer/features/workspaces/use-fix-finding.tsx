import { useCallback, useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { FindingInfo, FixAction } from '../../../shared/contract/schemas/workspaces';
import { useApi } from '../../api/connection-context';
import { TextWithCode } from '../../ui/TextWithCode';
import { useToasts } from '../../ui/Toasts';
import { FIX_LABEL, sentence } from './fix-actions';
import { location } from './finding-model';

export interface FixFinding {
  /** Fingerprints with a fix in flight (their buttons are disabled). */
  pending: ReadonlySet<string>;
  /**
   * finding.fix; the broker's detail is shown as a toast, and so is a failure unless the caller
   * shows it itself (`toastErrors: false`). Resolves to the failure, or null.
   */
  fix(finding: FindingInfo, action: FixAction, options?: { toastErrors?: boolean }): Promise<ContractError | null>;
}

export function useFixFinding(onDone: () => void): FixFinding {
  const api = useApi();
  const toasts = useToasts();
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());

  const fix = useCallback(
    async (finding: FindingInfo, action: FixAction, { toastErrors = true }: { toastErrors?: boolean } = {}) => {
      setPending((set) => new Set(set).add(finding.fingerprint));
      const result = await api.call('finding.fix', { fingerprint: finding.fingerprint, action });
      setPending((set) => {
        const next = new Set(set);
        next.delete(finding.fingerprint);
        return next;
      });
      if (!result.ok) {
        if (!toastErrors) return result.error;
        toasts.show({
          tone: 'bad',
          testId: 'fix-failed',
          content: (
            <>
              <strong>{FIX_LABEL[action]} failed</strong> for {location(finding)}: <TextWithCode text={result.error.message} />
            </>
          ),
        });
        return result.error;
      }
      const closed = result.value.state !== 'open';
      toasts.show({
        tone: closed ? 'ok' : 'info',
        testId: 'fix-result',
        timeoutMs: 8000,
        content: (
          <span data-action={action}>
            <TextWithCode text={sentence(result.value.detail)} />
          </span>
        ),
      });
      onDone();
      return null;
    },
    [api, toasts, onDone],
  );

  return { pending, fix };
}
