// Filters that tell real credentials from placeholders, references, documentation examples
// and high-entropy non-secrets (UUIDs, hashes, integrity strings, data URIs).

import { shannonEntropy } from './entropy';
import { fnv1a64Hex } from './fingerprint';

const PLACEHOLDER_FRAGMENTS = [
  'example', 'sample', 'placeholder', 'dummy', 'changeme', 'change_me', 'change-me', 'changeit',
  'redacted', 'replaceme', 'replace_me', 'replace-me', 'your_', 'your-', 'yourkey', 'yourtoken',
  'yoursecret', 'yourpass', 'insert_', 'insert-', 'notreal', 'not_real', 'not-real', 'not-a-real',
  'fake_', 'fake-', 'xxxxx', '*****', '.....', '•••', '<', '>', '${', '{{', '}}', '%s', 'lorem',
  'foobar', 'abcdef', 'bcdefg', '123456', '234567', 'qwerty', 'asdfgh',
] as const;

const PLACEHOLDER_PATTERN = new RegExp(PLACEHOLDER_FRAGMENTS.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

/** Contains a fragment that only placeholders and documentation values contain. */
export function hasPlaceholderFragment(value: string): boolean {
  return PLACEHOLDER_PATTERN.test(value);
}

/**
 * Fingerprints (fnv1a64Hex of the value) of keys published in providers' documentation:
 * AWS key id and secret from the AWS docs, Stripe's documented test keys, the jwt.io sample
 * token, the GitHub docs PAT, the Mailgun docs key, the Slack docs bot token, and the example
 * tokens, codes and client credentials of the OAuth RFCs (5849, 6749). Stored hashed so this
 * file holds no credential-shaped text.
 */
const DOCUMENTED_EXAMPLE_FINGERPRINTS: ReadonlySet<string> = new Set([
  '0e627699b98376d0',
  '7699c294beebad32',
  'ddd19c486d095d84',
  '67e733c2f9035757',
  '4b814e2c74560377',
  '15f87945422cbea3',
  'f6cad54e10eb31ac',
  'dcb53d39ae3dbeb0',
  '49514f155640fcf4',
  '846b2a1e2fad7fcb',
  'ecc1a4474851bc28',
  'dc8d8ca0645472e9',
  '058633e2ffe8cd27',
  '3c0d8e9db0e6bea8',
  '105e4dd763a812bc',
  '0ab50e412ab981a4',
  'd7ba480fb3bb167e',
  '30aa8188bb023e35',
  '1a7b78be56f3054d',
]);

/** Lengths of those values: most candidates are ruled out without hashing. */
const DOCUMENTED_EXAMPLE_LENGTHS: ReadonlySet<number> = new Set([10, 16, 20, 22, 28, 32, 36, 40, 53, 155]);

export function isDocumentedExample(value: string): boolean {
  return DOCUMENTED_EXAMPLE_LENGTHS.has(value.length) && DOCUMENTED_EXAMPLE_FINGERPRINTS.has(fnv1a64Hex(value));
}

const REFERENCE_SHAPES: readonly RegExp[] = [
  /^\$\{[^}]*\}$/, // ${VAR}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^\$\([^)]*\)$/, // $(command)
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR%
  /^\{\{.*\}\}$/, // {{ template }}
  /^<[^>]*>$/, // <your-key>
  /^@[A-Za-z_]+@$/, // @TOKEN@
  /^\[\[.*\]\]$/, // [[secret]]
  /\{[A-Za-z_][\w.]*\}/, // {self.password}, {password}: format-string fields
];

const REFERENCE_FRAGMENTS = [
  'process.env', 'os.environ', 'getenv(', 'env[', 'env(', 'env.', 'secrets.', 'vars.', '${{',
  'import.meta', 'system.getenv', 'config.', 'settings.',
] as const;

/** YAML tags (`!Ref`, `!vault`), secret-manager paths, and URLs / data URIs (not secret values). */
const REFERENCE_PREFIXES = [
  '!', 'arn:', 'vault:', 'ref+', 'op://', 'sm://', 'env:', 'secret://', 'enc[', '@microsoft.keyvault',
  'keyvault:', 'awssecretsmanager:', 'gcp:', 'file:', 'http://', 'https://', 'data:',
] as const;

/**
 * A reference to a secret kept elsewhere (env var, template, vault path) or a URL: not a
 * secret value itself. (Credentials inside URLs have their own rules.)
 */
export function isReference(value: string): boolean {
  for (const shape of REFERENCE_SHAPES) if (shape.test(value)) return true;
  const lower = value.toLowerCase();
  for (const fragment of REFERENCE_FRAGMENTS) if (lower.includes(fragment)) return true;
  for (const prefix of REFERENCE_PREFIXES) if (lower.startsWith(prefix)) return true;
  return false;
}

/** `a.b.c`, `self.password`, `opts?.token`: an expression, not a literal. */
export function isDottedIdentifierPath(value: string): boolean {
  return /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+$/.test(value);
}

const WEAK_WORDS = /^(?:secret|password|passwd|pass|admin|test|demo|example|changeme|letmein|qwerty|welcome|default|guest|user|root)[0-9!@#$%^&*._-]*$/i;

/** `secret123`, `Password1!`: a word plus digits, the shape of documentation passwords. */
export function isWordWithDigits(value: string): boolean {
  return WEAK_WORDS.test(value);
}

/** Only letters and word separators: `my-secret-name`, `changeMe`. */
export function isWordsOnly(value: string): boolean {
  return /^[A-Za-z]+(?:[ _.\-/][A-Za-z]+)*$/.test(value);
}

export function isUuid(value: string): boolean {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value);
}

/** Lockfile / SRI integrity strings: `sha512-…`. */
export function isIntegrityString(value: string): boolean {
  return /^sha(?:1|256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(value);
}

export function isDataUri(value: string): boolean {
  return /^data:[\w.+-]+\/[\w.+-]+[;,]/i.test(value);
}

/** Repetitive or low-variety values: `aaaaaaaa`, `abababab`. */
export function isLowVariety(value: string, minEntropy = 2.0): boolean {
  return value.length >= 8 && shannonEntropy(value) < minEntropy;
}

const BASE64_CHAR = /[A-Za-z0-9+/=]/;
/** A base64 run longer than this before a match is an encoded blob whatever precedes it. */
const MAX_BLOB_WALK = 1 << 16;

/**
 * True when offset `start` lies inside (or at the start of) a base64 run that belongs to a data
 * URI (`;base64,…`) or an integrity string (`sha512-…`): such runs are random but not secrets.
 */
export function insideEncodedBlob(text: string, start: number): boolean {
  let k = start;
  const floor = start - MAX_BLOB_WALK;
  while (k > 0 && BASE64_CHAR.test(text[k - 1] as string)) {
    if (--k <= floor) return true;
  }
  const before = text.slice(Math.max(0, k - 8), k);
  return before.endsWith('base64,') || /sha(?:1|256|384|512)-$/.test(before);
}
