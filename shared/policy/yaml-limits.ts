// Cheap checks before the YAML library sees a text: its parser takes seconds (or runs out of
// memory) on very large or very deeply nested input, and a policy needs neither.

import { Lexer } from 'yaml';

/** Longest policy text read, in UTF-16 code units (a policy of a few hundred resources fits). */
export const MAX_POLICY_LENGTH = 256 * 1024;
/** Deepest `[`/`{` nesting accepted; a policy nests flow collections two or three deep. */
export const MAX_FLOW_DEPTH = 32;
/** Widest indentation (spaces and `- `/`? `/`: ` indicators) a line may start with. */
export const MAX_INDENT = 128;

/** Tokens the lexer adds that are not in the text: document start, scalar start, flow end. */
const FLOW_END = '\x18';
const SYNTHETIC_TOKENS: ReadonlySet<string> = new Set(['\x02', '\x1f', FLOW_END]);

export interface LimitProblem {
  readonly offset: number;
  readonly message: string;
}

export function checkYamlLimits(text: string): LimitProblem | undefined {
  if (text.length > MAX_POLICY_LENGTH) {
    return { offset: 0, message: `the policy is too large (${Math.ceil(text.length / 1024)} KiB); at most ${MAX_POLICY_LENGTH / 1024} KiB is read` };
  }
  return checkYamlNesting(text, 'a policy');
}

/** Only the nesting bounds (any size): for other small YAML files such as latch.yaml. */
export function checkYamlNesting(text: string, what: string): LimitProblem | undefined {
  return checkIndent(text, what) ?? (mayNestDeep(text) ? checkFlowDepth(text, what) : undefined);
}

/** Fewer opening brackets than the limit cannot nest past it: skip the lexer pass. */
function mayNestDeep(text: string): boolean {
  let opened = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if ((code === 91 || code === 123) && ++opened > MAX_FLOW_DEPTH) return true;
  }
  return false;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Block nesting grows with indentation: bound the indentation of every line with content. */
function checkIndent(text: string, what: string): LimitProblem | undefined {
  let lineStart = 0;
  while (lineStart <= text.length) {
    let at = lineStart;
    let indicators = false;
    for (;;) {
      const code = text.charCodeAt(at);
      const next = text.charCodeAt(at + 1);
      if (isBlank(code)) at++;
      else if ((code === 45 || code === 63 || code === 58) && (isBlank(next) || Number.isNaN(next) || next === 10 || next === 13)) {
        indicators = true;
        at++;
      } else break;
    }
    const rest = text.charCodeAt(at);
    // Blank and comment-only lines may be as wide as they like; `- - -` nests even without a value.
    const hasContent = indicators || (!Number.isNaN(rest) && rest !== 10 && rest !== 13 && rest !== 35);
    if (hasContent && at - lineStart > MAX_INDENT) {
      return { offset: lineStart, message: `this line is indented more than ${MAX_INDENT} columns; ${what} needs only a few levels of nesting` };
    }
    const newline = text.indexOf('\n', at);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return undefined;
}

/** Flow collections (`[…]`, `{…}`) nest without indentation: count them with yaml's own lexer. */
function checkFlowDepth(text: string, what: string): LimitProblem | undefined {
  if (!text.includes('[') && !text.includes('{')) return undefined;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      depth++;
      if (depth > MAX_FLOW_DEPTH) {
        return { offset, message: `[ and { are nested more than ${MAX_FLOW_DEPTH} deep here; ${what} needs only a few levels of nesting` };
      }
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    } else if (token === FLOW_END) {
      depth = 0;
    }
    if (!SYNTHETIC_TOKENS.has(token)) offset += token.length;
  }
  return undefined;
}
