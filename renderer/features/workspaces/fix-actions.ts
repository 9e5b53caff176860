import type { FixAction } from '../../../shared/contract/schemas/workspaces';
import type { IconName } from '../../ui/Icon';

/** How each fix is offered: order, label, icon and what it does (for the tooltip). */
export const FIX_ORDER: readonly FixAction[] = ['move-to-keychain', 'gitignore', 'ignore', 'open-in-editor'];

export const FIX_LABEL: Record<FixAction, string> = {
  'move-to-keychain': 'Move to keychain',
  gitignore: 'Add to .gitignore',
  ignore: 'Ignore',
  'open-in-editor': 'Open in editor',
};

export const FIX_ICON: Record<FixAction, IconName> = {
  'move-to-keychain': 'lock',
  gitignore: 'shield',
  ignore: 'eyeOff',
  'open-in-editor': 'edit',
};

export const FIX_HELP: Record<FixAction, string> = {
  'move-to-keychain': 'Store the value in the OS keychain as a personal token and take it out of the file',
  gitignore: 'Add this file to the workspace .gitignore so git does not pick it up',
  ignore: 'Not a secret (or accepted): record its fingerprint in .latchignore',
  'open-in-editor': 'Open the file at this line in your editor',
};

/** The finding's fixes in display order (unknown or duplicate entries dropped). */
export function orderedFixes(fixes: readonly FixAction[]): FixAction[] {
  return FIX_ORDER.filter((action) => fixes.includes(action));
}

/** The broker's `detail` as a sentence: capitalised, ending with a full stop. */
export function sentence(detail: string): string {
  const text = detail.trim();
  if (text === '') return '';
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
