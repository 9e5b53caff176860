// Decoys that are not tied to one rule: placeholders, references, documentation examples,
// identifiers, hashes, integrity strings, data URIs, public keys and other high-entropy text
// that a scanner must not report.

import { ALNUM, B64, DIGITS, HEX, LOWER, type Rng } from './rng';
import type { PlantContext } from './makers/index';

export interface GenericDecoy {
  readonly kind: string;
  readonly context: PlantContext;
  /** Variable name for `assign` decoys. */
  readonly name?: string;
  readonly text: string;
}

function uuid(rng: Rng): string {
  return `${rng.string(HEX, 8)}-${rng.string(HEX, 4)}-4${rng.string(HEX, 3)}-${rng.pick(['8', '9', 'a', 'b'])}${rng.string(HEX, 3)}-${rng.string(HEX, 12)}`;
}

function wrap64(text: string): string {
  return text.match(/.{1,64}/g)?.join('\n') ?? text;
}

type DecoyFactory = (rng: Rng) => GenericDecoy;

const assign = (kind: string, name: string, text: string): GenericDecoy => ({ kind, context: 'assign', name, text });

export const GENERIC_DECOYS: readonly DecoyFactory[] = [
  (rng) => assign('uuid', 'REQUEST_ID', uuid(rng)),
  (rng) => assign('uuid', 'apiKey', uuid(rng)),
  (rng) => assign('uuid', 'SESSION_TOKEN_ID', uuid(rng)),
  (rng) => assign('hex hash', 'commit', rng.string(HEX, 40)),
  (rng) => assign('hex hash', 'sha256sum', rng.string(HEX, 64)),
  (rng) => assign('hex hash', 'etag', rng.string(HEX, 32)),
  (rng) => assign('hex hash', 'password_hash_sha1', rng.string(HEX, 40)),
  (rng) => assign('integrity string', 'integrity', `sha512-${rng.string(B64, 86)}==`),
  (rng) => assign('integrity string', 'integrity', `sha1-${rng.string(B64, 27)}=`),
  (rng) => assign('data URI', 'icon', `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA${rng.string(B64, 600)}`),
  (rng) => assign('data URI', 'font', `data:font/woff2;base64,d09GMgABAAAAA${rng.string(B64, 400)}=`),
  (rng) => ({ kind: 'public key', context: 'bare', text: `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${rng.string(B64, 360)} deploy@build` }),
  (rng) => ({ kind: 'public key', context: 'block', text: `-----BEGIN PUBLIC KEY-----\n${wrap64(`MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A${rng.string(B64, 360)}`)}\n-----END PUBLIC KEY-----` }),
  (rng) => ({ kind: 'certificate', context: 'block', text: `-----BEGIN CERTIFICATE-----\n${wrap64(`MIIDdzCCAl+gAwIBAgIE${rng.string(B64, 1100)}`)}\n-----END CERTIFICATE-----` }),
  () => assign('placeholder', 'API_KEY', 'your-api-key-here'),
  () => assign('placeholder', 'password', '${DB_PASSWORD}'),
  () => assign('placeholder', 'token', '{{ .Values.token }}'),
  () => assign('placeholder', 'SECRET_KEY', '<your-secret-key>'),
  () => assign('placeholder', 'PASSWORD', 'changeme'),
  () => assign('placeholder', 'TOKEN', 'xxxxxxxxxxxxxxxxxxxxxxxx'),
  () => assign('placeholder', 'client_secret', '${{ secrets.CLIENT_SECRET }}'),
  () => assign('placeholder', 'AUTH_TOKEN', '********************'),
  () => assign('reference', 'apiKey', 'process.env.API_KEY'),
  () => assign('reference', 'DB_PASSWORD', 'os.environ["DB_PASSWORD"]'),
  () => assign('reference', 'secret', 'vault:secret/data/app#token'),
  () => assign('reference', 'password', 'op://vault/item/password'),
  () => assign('documentation example', 'AWS_ACCESS_KEY_ID', ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')),
  () => assign('documentation example', 'AWS_SECRET_ACCESS_KEY', ['wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', 'EXAMPLEKEY'].join('')),
  () => assign('documentation example', 'STRIPE_KEY', ['sk_test_', '4eC39HqLyjWDarjtT1zdp7dc'].join('')),
  () =>
    assign(
      'documentation example',
      'jwt',
      ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.'),
    ),
  (rng) => assign('high-entropy data', 'data', rng.string(B64, 320)),
  (rng) => assign('high-entropy data', 'mappings', Array.from({ length: 40 }, () => rng.string('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', rng.between(4, 8))).join(';')),
  (rng) => assign('identifier', 'build', rng.string(ALNUM, 20)),
  (rng) => assign('identifier', 'csrf_token', rng.string(ALNUM, 40)),
  (rng) => assign('identifier', 'next_page_token', rng.string(ALNUM, 48)),
  (rng) => assign('public value', 'publicKey', `${rng.string(B64, 43)}=`),
  (rng) => assign('identifier', 'nonce', rng.string(HEX, 32)),
  () => assign('words', 'token_storage_key', 'auth_token'),
  () => assign('words', 'passwordField', 'current-password'),
  (rng) => assign('number', 'tokenExpirySeconds', rng.string(DIGITS, 4)),
  (rng) => assign('url', 'tokenEndpoint', `https://auth.${rng.string(LOWER, 6)}.com/oauth/token`),
  (rng) => ({ kind: 'url without credentials', context: 'bare', text: `https://${rng.string(LOWER, 8)}.example.com:8443/api/v1/items?page=2` }),
];
