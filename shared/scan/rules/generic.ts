// Generic `password = "…"` / `api_key: …` assignments, gated by name words, entropy and
// filters for placeholders, references, identifiers, hashes and encoded blobs.

import { charClasses, isHex, shannonEntropy } from '../entropy';
import type { AssignmentView, Rule } from '../types';
import { isDataUri, isDottedIdentifierPath, isIntegrityString, isUuid, isWordsOnly, isWordWithDigits } from '../value-filters';
import { isPrintableAscii } from '../encoding';
import { namedRule, PRIORITY_GENERIC } from './define';

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password.value` into lowercase words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Last words that make the variable describe a secret rather than hold one. */
const DESCRIPTIVE_LAST_WORDS = new Set([
  'id', 'ids', 'url', 'urls', 'uri', 'endpoint', 'path', 'file', 'filename', 'dir', 'name', 'names', 'type',
  'types', 'length', 'len', 'size', 'count', 'ttl', 'expiry', 'expires', 'expiration', 'at', 'header',
  'headers', 'prefix', 'suffix', 'field', 'fields', 'label', 'placeholder', 'regex', 'regexp', 'pattern',
  'env', 'var', 'ref', 'arn', 'version', 'format', 'mode', 'enabled', 'required', 'hash', 'hashed', 'digest',
  'policy', 'rules', 'hint', 'strength', 'min', 'max', 'prompt', 'input', 'error', 'errors', 'message',
  'text', 'title', 'visible', 'valid', 'validation', 'reset', 'changed', 'location', 'index', 'param',
  'params', 'query', 'method', 'algorithm', 'alg', 'schema', 'scope', 'scopes', 'kind', 'class', 'template',
  'provider', 'issuer', 'audience', 'lifetime', 'duration', 'timeout', 'interval', 'source', 'store',
  'selector', 'sid', 'key', 'keys', 'hint', 'help', 'description', 'style', 'color', 'icon', 'button', 'link',
  'route', 'handler', 'callback', 'service', 'manager', 'client', 'config', 'options', 'settings', 'state',
  'start', 'end', 'begin', 'separator', 'delimiter', 'marker', 'char', 'chars', 'charset', 'alphabet',
]);

/** Words anywhere in the name that mark non-secrets. */
const NON_SECRET_WORDS = new Set([
  'public', 'pub', 'csrf', 'xsrf', 'tokenizer', 'tokenize', 'tokens', 'pagination', 'page', 'next', 'cursor',
  'continuation', 'sort', 'cache', 'primary', 'foreign', 'partition', 'idempotency', 'i18n', 'translation',
  'example', 'sample', 'fake', 'dummy', 'mock', 'placeholder', 'default', 'bypass', 'compass', 'passport',
  'passthrough', 'passive', 'passenger', 'hash', 'hashed', 'digest', 'sha1', 'sha256', 'sha512', 'md5', 'bcrypt',
  'checksum', 'salt', 'fingerprint',
]);

const PASSWORD_WORDS = /passw(?:or)?d|passphrase|^pass$|^pwd$|^pw$|^passcode$|^pass(?:wd)?s$/;
const TOKEN_WORD = /secret|token|apikey|credential|accesskey|privatekey|authkey|signingkey|encryptionkey|masterkey/;
const KEY_PAIR_FIRST = new Set(['api', 'access', 'private', 'auth', 'signing', 'encryption', 'master', 'app', 'secret', 'session', 'client']);

function describesSecret(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const last = words[words.length - 1] as string;
  if (DESCRIPTIVE_LAST_WORDS.has(last) && !(last === 'key' && words.length >= 2 && KEY_PAIR_FIRST.has(words[words.length - 2] as string))) {
    return false;
  }
  return !words.some((w) => NON_SECRET_WORDS.has(w));
}

export function isPasswordName(name: string): boolean {
  const words = nameWords(name);
  return describesSecret(words) && words.some((w) => PASSWORD_WORDS.test(w));
}

export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (!describesSecret(words)) return false;
  if (words.some((w) => TOKEN_WORD.test(w))) return true;
  for (let i = 0; i + 1 < words.length; i++) {
    if (KEY_PAIR_FIRST.has(words[i] as string) && words[i + 1] === 'key') return true;
  }
  return false;
}

/** Values that are never secrets whatever they are assigned to. */
function percentDecoded(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function isNonSecretShape(raw: string): boolean {
  const value = percentDecoded(raw);
  return (
    !isPrintableAscii(value) ||
    /\s/.test(value) ||
    isWordWithDigits(value) ||
    isWordsOnly(value) ||
    isWordsOnly(value.replace(/[^A-Za-z0-9]+/g, ' ').trim().replace(/ /g, '_')) ||
    isUuid(value) ||
    isIntegrityString(value) ||
    isDataUri(value) ||
    /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\|\\\\)/.test(value) || // paths
    /^\$(?:2[abxy]?|argon2(?:id|i|d)|pbkdf2[^$]*|[156])\$/.test(value) || // password hashes
    /^\{(?:SSHA|SHA|MD5|CRYPT|bcrypt)\}/i.test(value) ||
    /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(value) || // versions
    /^\d+$/.test(value) ||
    /\(\?|\[\^?[A-Za-z0-9]-[A-Za-z0-9]/.test(value) || // regular expressions: (?…), [A-Z…
    /^(?:true|false|null|none|nil|undefined|yes|no|on|off)$/i.test(value)
  );
}

function looksLikeLiteral(value: string, view: AssignmentView): boolean {
  if (view.quoted || view.configFile) return true;
  // Unquoted in code: only values that do not look like identifiers or expressions.
  return (
    /[0-9]/.test(value) &&
    /[A-Za-z]/.test(value) &&
    !/[()[\]{}?]/.test(value) &&
    !isDottedIdentifierPath(value) &&
    !/^[A-Za-z_$][\w$]*$/.test(value.replace(/[0-9]/g, ''))
  );
}

export function isLikelyPassword(value: string, view: AssignmentView): boolean {
  if (value.length < 8 || value.length > 128) return false;
  if (isNonSecretShape(value) || !looksLikeLiteral(value, view)) return false;
  const k = charClasses(value);
  const special = /[^A-Za-z0-9_.\- ]/.test(value);
  if (!(k.lower || k.upper) || !(k.digit || special)) return false;
  return shannonEntropy(value) >= 2.8;
}

export function isLikelyToken(value: string, view: AssignmentView): boolean {
  if (value.length < 16 || value.length > 512 || /[()[\]{}<>]/.test(value)) return false;
  if (isNonSecretShape(value) || !looksLikeLiteral(value, view)) return false;
  const k = charClasses(value);
  // Hex secrets (session keys, secret_key_base, provider keys) are 32+ characters; shorter hex
  // runs are ids and digest prefixes.
  if (isHex(value)) return value.length >= 32 && shannonEntropy(value) >= 3.0 && k.digit && (k.lower || k.upper);
  if (!(k.digit || value.length >= 32)) return false;
  return shannonEntropy(value) >= 3.5;
}

export const GENERIC_RULES: readonly Rule[] = [
  namedRule({
    id: 'generic-password',
    provider: 'Generic',
    title: 'Hard-coded password',
    severity: 'high',
    keywords: ['pass', 'pwd', '_pw'],
    name: /pass|pwd|_pw/,
    value: '[^\\s]{8,128}',
    priority: PRIORITY_GENERIC,
    validate: (value, view) => isPasswordName(view.name) && isLikelyPassword(value, view),
  }),
  namedRule({
    id: 'generic-api-key',
    provider: 'Generic',
    title: 'Hard-coded secret, token or API key',
    severity: 'high',
    keywords: [
      'secret', 'token', 'credential', 'apikey', 'api_key', 'api-key', 'accesskey', 'access_key', 'access-key',
      'privatekey', 'private_key', 'private-key', 'authkey', 'auth_key', 'auth-key', 'signingkey', 'signing_key',
      'signing-key', 'encryptionkey', 'encryption_key', 'encryption-key', 'masterkey', 'master_key', 'master-key',
      'appkey', 'app_key', 'app-key', 'sessionkey', 'session_key', 'clientkey', 'client_key',
    ],
    name: /secret|token|credential|key/,
    value: '[^\\s]{16,512}',
    priority: PRIORITY_GENERIC,
    validate: (value, view) => isSecretName(view.name) && isLikelyToken(value, view),
  }),
];
