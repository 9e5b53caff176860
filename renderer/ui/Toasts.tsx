import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from './Icon';
import { subscribeModals, topModal } from './top-layer';

export type ToastTone = 'info' | 'ok' | 'warn' | 'bad';

export interface ToastInput {
  /** A toast with the same key replaces the previous one. */
  key?: string;
  tone?: ToastTone;
  content: ReactNode;
  /** Auto-dismiss after this long; `null` keeps it until dismissed. Default 5 s. */
  timeoutMs?: number | null;
  testId?: string;
}

interface Toast extends ToastInput {
  id: number;
}

interface ToastApi {
  show(toast: ToastInput): number;
  dismiss(idOrKey: number | string): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside <ToastProvider>');
  return api;
}

/** Toasts live in a polite live region (errors assertively) at the bottom right. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((idOrKey: number | string) => {
    setToasts((list) => {
      const gone = list.filter((t) => t.id === idOrKey || t.key === idOrKey);
      for (const t of gone) {
        window.clearTimeout(timers.current.get(t.id));
        timers.current.delete(t.id);
      }
      return list.filter((t) => !gone.includes(t));
    });
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      setToasts((list) => {
        const kept = input.key ? list.filter((t) => t.key !== input.key) : list;
        for (const t of list) {
          if (!kept.includes(t)) window.clearTimeout(timers.current.get(t.id));
        }
        return [...kept.slice(-4), { ...input, id }];
      });
      const timeout = input.timeoutMs === undefined ? 5000 : input.timeoutMs;
      if (timeout !== null)
        timers.current.set(
          id,
          window.setTimeout(() => dismiss(id), timeout),
        );
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const handle of pending.values()) window.clearTimeout(handle);
    };
  }, []);

  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  // Inside the topmost modal while one is open (everything else is inert), else in <body>.
  const host = useSyncExternalStore(subscribeModals, topModal, () => null) ?? document.body;
  const polite = toasts.filter((t) => t.tone !== 'bad');
  const urgent = toasts.filter((t) => t.tone === 'bad');

  const render = (t: Toast) => (
    <div key={t.id} className={`toast toast-${t.tone ?? 'info'}`} data-testid={t.testId ?? 'toast'}>
      <div className="toast-content">{t.content}</div>
      <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
        <Icon name="x" size={14} />
      </button>
    </div>
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      {createPortal(
        <div className="toasts">
          <div role="status" aria-live="polite" className="toast-stack">
            {polite.map(render)}
          </div>
          <div role="alert" aria-live="assertive" className="toast-stack">
            {urgent.map(render)}
          </div>
        </div>,
        host,
      )}
    </ToastContext.Provider>
  );
}
