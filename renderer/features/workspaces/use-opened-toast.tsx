import { useCallback } from 'react';
import type { EventPayload } from '../../../shared/contract/events';
import { useToasts } from '../../ui/Toasts';
import { baseName, location } from './finding-model';
import { OpenedToast } from './OpenedToast';

/** A toast for each finding that arrives live (one at a time: a newer one replaces it). */
export function useOpenedToast(onShow: (fingerprint: string) => void): (payload: EventPayload<'finding.opened'>) => void {
  const toasts = useToasts();
  return useCallback(
    (payload) => {
      if (payload.kind === 'stub') return;
      toasts.show({
        key: 'finding-opened',
        tone: 'warn',
        timeoutMs: 10_000,
        testId: 'finding-opened',
        content: (
          <OpenedToast
            where={`${baseName(payload.workspace)}/${location(payload)}`}
            message={payload.message}
            tracked={payload.tracked}
            onShow={() => {
              toasts.dismiss('finding-opened');
              onShow(payload.fingerprint);
            }}
          />
        ),
      });
    },
    [toasts, onShow],
  );
}
