/** What we could learn about the clipboard when the clear timer fires. */
export type ClipboardProbe = { readable: true; text: string } | { readable: false };

/** Copied secrets are wiped from the clipboard after this long. */
export const CLIPBOARD_CLEAR_MS = 30_000;

/**
 * Clear only if the clipboard still holds what we put there. When it cannot be read (no
 * permission), clear anyway: leaving a secret behind is worse than wiping something newer.
 */
export function shouldClearClipboard(probe: ClipboardProbe, copied: string): boolean {
  return !probe.readable || probe.text === copied;
}
