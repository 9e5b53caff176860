import { useCallback } from 'react';
import { useApi } from '../../api/connection-context';
import { useSecretClipboard } from '../../clipboard/ClipboardProvider';
import { useToasts } from '../../ui/Toasts';

/** Copy = an audited token.reveal straight to the clipboard (never through the DOM), cleared after 30 s. */
export function useCopyToken(): (name: string) => Promise<void> {
  const api = useApi();
  const clipboard = useSecretClipboard();
  const toasts = useToasts();
  return useCallback(
    async (name: string) => {
      const result = await api.call('token.reveal', { name, reason: 'copied to the clipboard from the Latch UI' });
      if (!result.ok) {
        toasts.show({ tone: 'bad', content: `Could not copy ${name}: ${result.error.message}`, testId: 'copy-failed' });
        return;
      }
      await clipboard.copySecret(name, result.value.value);
    },
    [api, clipboard, toasts],
  );
}
