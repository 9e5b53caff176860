import { BOOT_ELEMENT_ID, type BootAnswers, type BootMethod } from '../../shared/contract/boot';
import type { MethodOutput } from '../../shared/contract/methods';
import type { Result } from '../../shared/contract/result';

let answers: BootAnswers | null = null;

function embedded(): BootAnswers {
  if (answers !== null) return answers;
  answers = {};
  const element = document.getElementById(BOOT_ELEMENT_ID);
  if (element?.textContent) {
    try {
      answers = JSON.parse(element.textContent) as BootAnswers;
    } catch {
      // A page without usable answers works as before: everything over the connection.
    }
  }
  element?.remove();
  return answers;
}

/**
 * The answer `latch ui` embedded in the page for `method` (see shared/contract/boot.ts), or
 * undefined (the Electron app, a page served without them, or already taken). Once.
 */
export function takeBootAnswer<M extends BootMethod>(method: M): Result<MethodOutput<M>> | undefined {
  const all = embedded();
  const answer = all[method] as Result<MethodOutput<M>> | undefined;
  delete all[method];
  return answer;
}
