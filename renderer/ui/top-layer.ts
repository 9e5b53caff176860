/**
 * Open modal dialogs, innermost last. A modal makes everything outside it inert (popovers
 * included), so the toast region is portalled into the topmost dialog while one is open:
 * toasts then stay visible, clickable and announced over a modal.
 */
const open: HTMLElement[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of [...listeners]) listener();
}

export function pushModal(element: HTMLElement): void {
  open.push(element);
  changed();
}

export function popModal(element: HTMLElement): void {
  const at = open.lastIndexOf(element);
  if (at === -1) return;
  open.splice(at, 1);
  changed();
}

export function topModal(): HTMLElement | null {
  return open[open.length - 1] ?? null;
}

export function subscribeModals(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
