import { shouldClearClipboard, type ClipboardProbe } from '../lib/clipboard-clear';

/**
 * Read the clipboard only when permission is already granted: asking would pop a permission
 * prompt thirty seconds after the copy, which is worse than not knowing.
 */
async function probe(): Promise<ClipboardProbe> {
  try {
    const status = await navigator.permissions.query({ name: 'clipboard-read' as PermissionName });
    if (status.state !== 'granted') return { readable: false };
    return { readable: true, text: await navigator.clipboard.readText() };
  } catch {
    return { readable: false };
  }
}

export async function writeClipboard(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/** 'cleared', 'kept' (the clipboard holds something newer) or 'failed' (e.g. window not focused). */
export async function clearClipboardIfOurs(copied: string): Promise<'cleared' | 'kept' | 'failed'> {
  if (!shouldClearClipboard(await probe(), copied)) return 'kept';
  try {
    await navigator.clipboard.writeText('');
    return 'cleared';
  } catch {
    return 'failed';
  }
}
