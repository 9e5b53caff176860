import { BOOT_ELEMENT_ID, BOOT_METHODS, type BootAnswers } from '../../../shared/contract/boot';
import type { TransportDeps } from './transport-deps';

/**
 * The answers to the landing page's first calls (`BOOT_METHODS`), made through the contract's
 * dispatcher like any call (input and output validated). `latch ui` puts them into the page it
 * serves to a signed-in browser, so the Tokens page renders without waiting for the
 * WebSocket; the page then refreshes them over the socket.
 */
export async function bootAnswers(deps: TransportDeps): Promise<BootAnswers> {
  const ctx = { actor: deps.actor, client: 'http:ui', connectionId: 0, onClose: () => undefined };
  const answers: BootAnswers = {};
  for (const method of BOOT_METHODS) answers[method] = await deps.dispatcher.call(method, {}, ctx);
  return answers;
}

/**
 * `answers` as a JSON data block for the page (a data block is not run, so the strict CSP
 * holds). `<` is escaped, so no value can close the element.
 */
export function bootAnswersBlock(answers: BootAnswers): string {
  const json = JSON.stringify(answers).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${BOOT_ELEMENT_ID}">${json}</script>`;
}

/** The page split where the answers go: before `</body>` (at the end without one). */
export function splitForBootAnswers(html: string): [string, string] {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? [html, ''] : [html.slice(0, at), html.slice(at)];
}
