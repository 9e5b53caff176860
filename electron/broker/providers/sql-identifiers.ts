// Quoting for the few SQL statements that cannot take bind parameters (CREATE/ALTER ROLE,
// GRANT): identifiers and string literals are always emitted quoted, never interpolated raw.

/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated by the server. */
export const MAX_IDENTIFIER_BYTES = 63;

/** Plain, unquoted SQL identifier: letter or underscore, then letters, digits, underscores. */
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isPlainIdentifier(name: string): boolean {
  return PLAIN_IDENTIFIER.test(name) && Buffer.byteLength(name, 'utf8') <= MAX_IDENTIFIER_BYTES;
}

/**
 * A double-quoted identifier ("a""b" for a"b). Refuses what PostgreSQL would mangle or
 * reject: empty names, NUL characters and names longer than 63 bytes (truncated server-side,
 * so the statement would silently act on another name).
 */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new RangeError('empty SQL identifier');
  if (name.includes('\0')) throw new RangeError('SQL identifier contains a NUL character');
  if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) throw new RangeError('SQL identifier longer than 63 bytes');
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A string literal that means the same whatever standard_conforming_strings is set to:
 * quotes are doubled, and a value with a backslash is written as an E'' literal with the
 * backslashes doubled (what PostgreSQL's own quote_literal() does).
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new RangeError('SQL literal contains a NUL character');
  const quoted = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}
