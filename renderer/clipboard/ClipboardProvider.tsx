import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { CLIPBOARD_CLEAR_MS } from '../lib/clipboard-clear';
import { useToasts } from '../ui/Toasts';
import { ClipboardCountdown } from './ClipboardCountdown';
import { clearClipboardIfOurs, writeClipboard } from './system-clipboard';

interface ClipboardApi {
  /** Puts a secret on the clipboard and wipes it after 30 s; resolves false if the write failed. */
  copySecret(label: string, value: string): Promise<boolean>;
}

const ClipboardContext = createContext<ClipboardApi | null>(null);

export function useSecretClipboard(): ClipboardApi {
  const api = useContext(ClipboardContext);
  if (!api) throw new Error('useSecretClipboard outside <ClipboardProvider>');
  return api;
}

const TOAST_KEY = 'clipboard';

/** One pending secret at a time: a newer copy replaces the older one (and its timer). */
export function ClipboardProvider({ children }: { children: ReactNode }) {
  const toasts = useToasts();
  const pending = useRef<{ value: string; timer: number } | null>(null);
  const retryOnFocus = useRef<(() => void) | null>(null);

  const stopFocusRetry = () => {
    if (retryOnFocus.current) window.removeEventListener('focus', retryOnFocus.current);
    retryOnFocus.current = null;
  };

  const clearNow = useCallback(async () => {
    const current = pending.current;
    if (!current) return;
    window.clearTimeout(current.timer);
    const outcome = await clearClipboardIfOurs(current.value);
    if (outcome === 'failed') {
      // Browsers refuse clipboard writes from a background window: finish when it is focused again.
      toasts.show({
        key: TOAST_KEY,
        tone: 'warn',
        timeoutMs: null,
        testId: 'clipboard-pending-clear',
        content: 'Could not clear the clipboard while Latch is in the background. It will be cleared when you return.',
      });
      stopFocusRetry();
      const retry = () => {
        stopFocusRetry();
        void clearNow();
      };
      retryOnFocus.current = retry;
      window.addEventListener('focus', retry);
      return;
    }
    pending.current = null;
    stopFocusRetry();
    toasts.show({
      key: TOAST_KEY,
      tone: 'ok',
      timeoutMs: 3000,
      testId: 'clipboard-cleared',
      content: outcome === 'cleared' ? 'Clipboard cleared.' : 'Clipboard left alone: it holds something newer.',
    });
    // toasts is stable (memoised in its provider)
  }, [toasts]);

  const copySecret = useCallback(
    async (label: string, value: string) => {
      try {
        await writeClipboard(value);
      } catch {
        toasts.show({ tone: 'bad', content: 'Could not write to the clipboard (the browser refused).', testId: 'clipboard-failed' });
        return false;
      }
      if (pending.current) window.clearTimeout(pending.current.timer);
      stopFocusRetry();
      const deadline = Date.now() + CLIPBOARD_CLEAR_MS;
      pending.current = { value, timer: window.setTimeout(() => void clearNow(), CLIPBOARD_CLEAR_MS) };
      toasts.show({
        key: TOAST_KEY,
        tone: 'info',
        timeoutMs: null,
        testId: 'clipboard-countdown',
        content: <ClipboardCountdown label={label} deadline={deadline} onClearNow={() => void clearNow()} />,
      });
      return true;
    },
    [toasts, clearNow],
  );

  useEffect(
    () => () => {
      if (pending.current) window.clearTimeout(pending.current.timer);
      stopFocusRetry();
    },
    [],
  );

  const api = useMemo(() => ({ copySecret }), [copySecret]);
  return <ClipboardContext.Provider value={api}>{children}</ClipboardContext.Provider>;
}
