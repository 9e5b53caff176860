// Reading a mint command's stdout, and keeping what it printed out of every message.
// stdout holds the secret, so nothing here ever quotes it: errors name the problem and the
// size, never the content (JSON.parse's own message would quote the input: it is dropped).

export interface MintOutput {
  value: string;
  expiresAt?: Date;
  /** The command's own handle, as JSON text (given back verbatim in LATCH_HANDLE). */
  handleJson: string;
}

export class MintOutputError extends Error {}

/** Shorter values are not looked for inside the handle (too many false alarms). */
const MIN_CONTAINED_VALUE = 8;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse and check `{"value": "...", "expiresAt"?: ISO 8601, "handle"?: {...}}`. */
export function parseMintOutput(stdout: string, now: Date = new Date()): MintOutput {
  const text = stdout.trim();
  if (text.length === 0) throw new MintOutputError('printed nothing on stdout (expected {"value": ...})');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MintOutputError(`printed malformed JSON on stdout (${Buffer.byteLength(text)} bytes; expected {"value": ...})`);
  }
  if (!isPlainObject(parsed)) throw new MintOutputError('printed JSON that is not an object on stdout (expected {"value": ...})');
  const { value, expiresAt, handle } = parsed;
  if (typeof value !== 'string' || value.length === 0) throw new MintOutputError('printed no "value" (a non-empty string) on stdout');
  if (value.includes('\0')) throw new MintOutputError('printed a "value" containing a NUL character');

  let expiry: Date | undefined;
  if (expiresAt !== undefined && expiresAt !== null) {
    if (typeof expiresAt !== 'string' || !ISO_DATE.test(expiresAt) || Number.isNaN(Date.parse(expiresAt))) {
      throw new MintOutputError('printed an "expiresAt" that is not an ISO 8601 date-time with a time zone');
    }
    expiry = new Date(expiresAt);
    if (expiry.getTime() <= now.getTime()) throw new MintOutputError('printed an "expiresAt" that is already past');
  }

  if (handle !== undefined && handle !== null && !isPlainObject(handle)) {
    throw new MintOutputError('printed a "handle" that is not a JSON object');
  }
  const handleJson = JSON.stringify(handle ?? {});
  const escaped = JSON.stringify(value).slice(1, -1);
  if (value.length >= MIN_CONTAINED_VALUE && (handleJson.includes(value) || handleJson.includes(escaped))) {
    throw new MintOutputError('printed a "handle" that contains the value (handles are stored with the lease: put only ids in them)');
  }
  return { value, handleJson, ...(expiry !== undefined && { expiresAt: expiry }) };
}

const MIN_SECRET_LENGTH = 4;
const OUTPUT_KEYS = new Set(['value', 'expiresAt', 'handle']);

/**
 * Everything from stdout that must not be echoed: the whole output, each line, and every
 * JSON string in it (the value, even inside malformed JSON).
 */
export function stdoutSecrets(stdout: string): string[] {
  const secrets = new Set<string>();
  const add = (text: string): void => {
    const trimmed = text.trim();
    if (trimmed.length >= MIN_SECRET_LENGTH && !OUTPUT_KEYS.has(trimmed)) secrets.add(trimmed);
  };
  add(stdout);
  for (const line of stdout.split(/\r?\n/)) add(line);
  for (const match of stdout.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
    const literal = match[1] ?? '';
    add(literal);
    try {
      const decoded: unknown = JSON.parse(`"${literal}"`);
      if (typeof decoded === 'string') add(decoded);
    } catch {
      // not a valid JSON string: the raw text was added already
    }
  }
  // Longest first, so a line is redacted whole before its parts are looked for.
  return [...secrets].sort((a, b) => b.length - a.length);
}
