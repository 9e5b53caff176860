// Finds `name = value` / `name: value` / `"name": "value"` around a keyword occurrence.
// Works outward from the keyword, so cost is per keyword hit, not per character.

export interface Assignment {
  readonly name: string;
  readonly nameStart: number;
  readonly value: string;
  readonly valueStart: number;
  readonly quoted: boolean;
}

const MAX_NAME = 96;
const MAX_VALUE = 1024;

function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 /* _ */ || c === 45 /* - */ || c === 46 /* . */
  );
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Characters that end an unquoted value. */
function endsUnquoted(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 34 || c === 39 || c === 96 || c === 44 /* , */ ||
    c === 59 /* ; */ || c === 41 /* ) */ || c === 125 /* } */ || c === 93 /* ] */ || c === 38 /* & */ || c === 60 /* < */
  );
}

/** The start offset of the variable name that contains offset `inside`. */
export function nameStartAt(text: string, inside: number): number {
  let start = inside;
  const floor = Math.max(0, inside - MAX_NAME);
  while (start > floor && isNameChar(text.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * Parses the assignment whose name starts at `start`. Returns undefined when the name is not
 * followed by an assignment operator and a value on the same line.
 */
export function parseAssignmentAt(text: string, start: number): Assignment | undefined {
  const n = text.length;
  let i = start;
  const nameLimit = Math.min(n, start + MAX_NAME);
  while (i < nameLimit && isNameChar(text.charCodeAt(i))) i++;
  if (i === start) return undefined;
  let name = text.slice(start, i);
  // Leading dashes belong to CLI flags (`--password=x`); trailing dots/dashes are punctuation.
  name = name.replace(/[.-]+$/, '');
  if (name.length === 0) return undefined;
  i = start + name.length;

  // Closing quote / bracket of a key: "name": …, 'name' => …, ['name'] = …
  for (let k = 0; k < 3 && i < n; k++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 93 || c === 96) i++;
    else break;
  }
  while (i < n && isBlank(text.charCodeAt(i))) i++;

  // Operator.
  const c0 = text.charCodeAt(i);
  const c1 = text.charCodeAt(i + 1);
  if (c0 === 58 /* : */) {
    if (c1 === 61 /* := */) i += 2;
    else if (c1 === 58 /* :: */) return undefined;
    else i += 1;
  } else if (c0 === 61 /* = */) {
    if (c1 === 61 || c1 === 126 /* == =~ */) return undefined;
    i += c1 === 62 /* => */ ? 2 : 1;
  } else if ((c0 === 63 /* ? */ || c0 === 43 /* + */) && c1 === 61) {
    i += 2;
  } else if (c0 === 124 && c1 === 124 && text.charCodeAt(i + 2) === 61 /* ||= */) {
    i += 3;
  } else {
    return undefined;
  }
  while (i < n && isBlank(text.charCodeAt(i))) i++;
  if (i >= n) return undefined;

  const q = text.charCodeAt(i);
  if (q === 34 || q === 39 || q === 96) {
    const valueStart = i + 1;
    const limit = Math.min(n, valueStart + MAX_VALUE);
    let j = valueStart;
    while (j < limit) {
      const c = text.charCodeAt(j);
      if (c === q) break;
      if (c === 10 || c === 13) return undefined;
      j += c === 92 /* \ */ ? 2 : 1;
    }
    if (j >= limit || text.charCodeAt(j) !== q) return undefined;
    const value = text.slice(valueStart, j);
    if (q === 96 && value.includes('${')) return undefined;
    return { name, nameStart: start, value, valueStart, quoted: true };
  }

  const valueStart = i;
  const limit = Math.min(n, valueStart + MAX_VALUE);
  let j = valueStart;
  while (j < limit && !endsUnquoted(text.charCodeAt(j))) j++;
  if (j === valueStart) return undefined;
  return { name, nameStart: start, value: text.slice(valueStart, j), valueStart, quoted: false };
}
