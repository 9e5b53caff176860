// Rewrites a .env file with the values of some keys replaced, every other byte untouched.

import { parseEnvLines } from './envLines';

/**
 * What dotenv would read into a blank value: a quoted string on a later line, or text after
 * a U+2028/U+2029 on the same line (its unquoted values only stop at CR, LF and #).
 */
const READ_AHEAD = /\s*['"`]|[^\S\r\n]*[^\s#]/y;

/**
 * `replacement(key)` is written where the value was (quotes and all, a multiline value
 * included): '' leaves `KEY=`, ` # in keychain` leaves `KEY= # in keychain`. It should not
 * contain line breaks. Every assignment of a listed key is rewritten. A blank replacement is
 * written `""` where `KEY=` would let dotenv read on into text that follows. (A non-blank one
 * is written as given: after a quoted value followed by U+2028 and more text on the same
 * line — which no editor writes — dotenv would read that text into it.)
 */
export function stripEnvValues(
  text: string,
  keys: ReadonlySet<string>,
  replacement: (key: string) => string = () => '',
): string {
  let out = '';
  let copied = 0;
  for (const line of parseEnvLines(text)) {
    if (line.kind !== 'assignment' || !keys.has(line.key)) continue;
    let written = replacement(line.key);
    READ_AHEAD.lastIndex = line.valueEnd;
    if (written.trim() === '' && READ_AHEAD.test(text)) written = '""';
    // `KEY:value` is not an assignment: keep a blank after a colon.
    if (line.separator === ':' && written !== '' && text[line.valueStart - 1] === ':') written = ` ${written}`;
    out += text.slice(copied, line.valueStart) + written;
    copied = line.valueEnd;
  }
  return out + text.slice(copied);
}
