import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { Icon } from './Icon';
import { popModal, pushModal } from './top-layer';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons, right-aligned under the body. */
  footer?: ReactNode;
  testId?: string;
  wide?: boolean;
  /** A short line under the title. */
  description?: ReactNode;
  /** When set, body and footer are one <form> (Enter submits); default behaviour is prevented. */
  onSubmit?(): void;
  /** Close when the backdrop is clicked (only for dialogs that hold no typing). */
  dismissOnBackdrop?: boolean;
}

/**
 * A modal on the native <dialog>: the browser makes the page behind it inert, keeps focus
 * inside, closes on Esc (we route that through `onClose`) and returns focus to the opener.
 */
export function Dialog({ title, onClose, children, footer, testId, wide, description, onSubmit, dismissOnBackdrop }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    pushModal(dialog);
    // React's autoFocus ran while the dialog was still closed: focus the first field now.
    dialog.querySelector<HTMLElement>('[data-autofocus], .dialog-body :is(input, textarea, select):not([disabled])')?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      popModal(dialog);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onMouseDown={(event) => {
        // A press on the backdrop (the dialog element itself, outside its box) closes it.
        if (dismissOnBackdrop && event.target === ref.current) {
          const box = ref.current.getBoundingClientRect();
          const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
          if (!inside) onClose();
        }
      }}
    >
      <header className="dialog-header">
        <div>
          <h2 id={titleId}>{title}</h2>
          {description ? (
            <p id={descriptionId} className="dialog-description">
              {description}
            </p>
          ) : null}
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close" data-testid="dialog-close">
          <Icon name="x" />
        </button>
      </header>
      {onSubmit ? (
        <form
          className="dialog-form"
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <div className="dialog-body">{children}</div>
          {footer ? <footer className="dialog-footer">{footer}</footer> : null}
        </form>
      ) : (
        <>
          <div className="dialog-body">{children}</div>
          {footer ? <footer className="dialog-footer">{footer}</footer> : null}
        </>
      )}
    </dialog>
  );
}
