import { describe, expect, it } from 'vitest';
import { nameStartAt, parseAssignmentAt } from '../../../shared/scan/assignments';
import { alphabetSize, longestRun, randomEntropyFloor, shannonEntropy } from '../../../shared/scan/entropy';
import { inlineAllowance } from '../../../shared/scan/inline-allow';
import { redactSecret } from '../../../shared/scan/redact';
import { isPasswordName, isSecretName, nameWords } from '../../../shared/scan/rules/generic';
import {
  hasPlaceholderFragment,
  insideEncodedBlob,
  isDottedIdentifierPath,
  isIntegrityString,
  isReference,
  isUuid,
} from '../../../shared/scan/value-filters';

describe('entropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    expect(shannonEntropy('0123456789abcdef')).toBeCloseTo(4);
  });
  it('estimates the alphabet and a floor that short random strings exceed', () => {
    expect(alphabetSize('deadbeef0123')).toBe(16);
    expect(alphabetSize('abc123xyz')).toBe(36);
    expect(alphabetSize('aB3xY9')).toBe(62);
    expect(alphabetSize('a+b/c=')).toBe(64);
    expect(randomEntropyFloor('0123456789abcdef0123')).toBeLessThan(shannonEntropy('0123456789abcdef0123'));
    expect(longestRun('abbbbc')).toBe(4);
  });
});

describe('value filters', () => {
  it('recognises placeholders and references', () => {
    for (const value of ['your-api-key', '<token>', '${TOKEN}', 'xxxxxxxx', 'changeme', 'REDACTED', 'sk_test_EXAMPLE']) {
      expect(hasPlaceholderFragment(value) || isReference(value), value).toBe(true);
    }
    for (const value of ['$TOKEN', '${{ secrets.X }}', '{{ .Values.token }}', 'process.env.X', "os.environ['X']", 'op://vault/item', '%APPDATA%']) {
      expect(isReference(value), value).toBe(true);
    }
    expect(isReference('k8Qz2mXv9Lw4')).toBe(false);
    expect(hasPlaceholderFragment('k8Qz2mXv9Lw4')).toBe(false);
  });
  it('recognises UUIDs, integrity strings and identifier paths', () => {
    expect(isUuid('550e8400-e29b-41d4-a716-446655440000')).toBe(true);
    expect(isUuid('550e8400e29b41d4a716446655440000')).toBe(false);
    expect(isIntegrityString('sha512-abc+/123==')).toBe(true);
    expect(isDottedIdentifierPath('self.config.password')).toBe(true);
    expect(isDottedIdentifierPath('opts?.token')).toBe(true);
    expect(isDottedIdentifierPath('8a.9b')).toBe(false);
    expect(isDottedIdentifierPath('k8Qz2mXv9Lw4')).toBe(false);
  });
  it('knows when an offset lies inside a data URI or an integrity string', () => {
    const uri = 'url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB)';
    expect(insideEncodedBlob(uri, uri.indexOf('KGgo'))).toBe(true);
    const lock = 'integrity sha512-AAAAbbbbCCCC==';
    expect(insideEncodedBlob(lock, lock.indexOf('AAAA'))).toBe(true);
    const plain = 'token AAAAbbbb';
    expect(insideEncodedBlob(plain, plain.indexOf('AAAA'))).toBe(false);
  });
});

describe('generic name classification', () => {
  it('splits names into words', () => {
    expect(nameWords('dbPassword')).toEqual(['db', 'password']);
    expect(nameWords('AWS_SECRET_ACCESS_KEY')).toEqual(['aws', 'secret', 'access', 'key']);
    expect(nameWords('HTTPAuthToken')).toEqual(['http', 'auth', 'token']);
  });
  it('tells password names from look-alike words', () => {
    for (const name of ['password', 'DB_PASSWORD', 'dbPass', 'passwd', 'smtp.pwd', 'passphrase']) expect(isPasswordName(name), name).toBe(true);
    for (const name of ['bypass', 'passport', 'compass', 'passwordPolicy', 'password_hash', 'PASSWORD_MIN_LENGTH', 'passwordField']) {
      expect(isPasswordName(name), name).toBe(false);
    }
  });
  it('tells secret names from names that describe secrets', () => {
    for (const name of ['apiKey', 'API_KEY', 'client_secret', 'accessToken', 'SECRET_KEY_BASE', 'privateKey', 'refresh_token']) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['tokenEndpoint', 'token_url', 'csrf_token', 'publicKey', 'cacheKey', 'secretName', 'keyId', 'nextPageToken', 'TWILIO_API_KEY_SID']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });
});

describe('assignment parsing', () => {
  const parse = (text: string, keyword: string) => parseAssignmentAt(text, nameStartAt(text, text.indexOf(keyword)));
  it('reads env, YAML, JSON, code and CLI forms', () => {
    expect(parse('export API_TOKEN=abc123', 'TOKEN')).toMatchObject({ name: 'API_TOKEN', value: 'abc123', quoted: false });
    expect(parse('  api_token: "abc 123"', 'token')).toMatchObject({ name: 'api_token', value: 'abc 123', quoted: true });
    expect(parse('{"apiToken": "v1"}', 'Token')).toMatchObject({ name: 'apiToken', value: 'v1', quoted: true });
    expect(parse("settings['token'] = 'v2'", 'token')).toMatchObject({ name: 'token', value: 'v2' });
    expect(parse('token := "v3"', 'token')).toMatchObject({ value: 'v3' });
    expect(parse('$token => "v4",', 'token')).toMatchObject({ value: 'v4' });
    expect(parse('app --password=hunter22 --x', 'password')).toMatchObject({ name: '--password', value: 'hunter22' });
    expect(parse('const token = "a\\"b";', 'token')).toMatchObject({ value: 'a\\"b' });
  });
  it('declines comparisons, calls and multi-line strings', () => {
    expect(parse('if token == "abc"', 'token')).toBeUndefined();
    expect(parse('token(abc)', 'token')).toBeUndefined();
    expect(parse('token = "abc\ndef"', 'token')).toBeUndefined();
    expect(parse('token = `abc${x}`', 'token')).toBeUndefined();
  });
});

describe('redaction', () => {
  it('shows at most the prefix and the last four characters, never most of the value', () => {
    const token = `ghp_${'k8Qz2mXv9Lw4Tn7Rb5Hs1Jd6Fg3Ac0Ye8Ui2'}`;
    expect(redactSecret(token, 4)).toBe(`ghp_****…${token.slice(-4)}`);
    expect(redactSecret('hunter22', 0)).toBe('****…');
    expect(redactSecret('abcdefghijklmnop', 12)).toBe('abcde****…');
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIE';
    expect(redactSecret(pem, 31, 0)).toBe('-----BEGIN R****…');
  });
});

describe('inline allow parsing', () => {
  const known = (id: string) => ['github-pat', 'npm-access-token'].includes(id);
  it('allows everything, or only the named rules', () => {
    expect(inlineAllowance('x = 1', known)).toBeUndefined();
    expect(inlineAllowance('x = 1 // latch:allow', known)).toBe('all');
    expect(inlineAllowance('x = 1 // latch:allow because tests', known)).toBe('all');
    expect(inlineAllowance('x = 1 # latch:allow github-pat,npm-access-token', known)).toEqual(new Set(['github-pat', 'npm-access-token']));
  });
});
