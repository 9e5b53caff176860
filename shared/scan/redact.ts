// Previews of secrets for findings: the fixed prefix and at most the last four characters,
// never more than half of the value, never the whole of it.

export const REDACTION_MARK = '****…';

export function redactSecret(secret: string, prefixLength: number, tailLength = 4): string {
  const n = secret.length;
  const prefix = Math.max(0, Math.min(prefixLength, Math.floor(n / 3)));
  let tail = n >= 20 ? Math.max(0, Math.min(tailLength, 4)) : 0;
  if (prefix + tail > n / 2) tail = 0;
  return `${secret.slice(0, prefix)}${REDACTION_MARK}${tail > 0 ? secret.slice(n - tail) : ''}`;
}
