// A custom shape's `charset`: an alphabet name, or the allowed characters spelled out
// (2-94 distinct printable ASCII characters, no space), as shared/stubs reads it. A
// kebab-case word that is not a name is taken for a mistyped name, never for letters.

import { CHARSET_ALIASES, CHARSET_IDS } from './vocabulary';

const NAMES: ReadonlySet<string> = new Set([...CHARSET_IDS, ...CHARSET_ALIASES]);
const LOOKS_LIKE_A_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PRINTABLE_NO_SPACE = /^[\x21-\x7e]*$/;

export type CharsetCheck = { readonly ok: true } | { readonly ok: false; readonly problem: 'unknown-name' | 'bad-literal' };

export function checkCharset(charset: string): CharsetCheck {
  if (NAMES.has(charset)) return { ok: true };
  if (LOOKS_LIKE_A_NAME.test(charset)) return { ok: false, problem: 'unknown-name' };
  const distinct = new Set(charset);
  const ok = PRINTABLE_NO_SPACE.test(charset) && distinct.size === charset.length && distinct.size >= 2 && distinct.size <= 94;
  return ok ? { ok: true } : { ok: false, problem: 'bad-literal' };
}

export function isValidCharset(charset: string): boolean {
  return checkCharset(charset).ok;
}
