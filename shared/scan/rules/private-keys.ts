// Private keys of every common encoding: PEM (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted),
// PGP, PuTTY PPK, SSH.com, OpenVPN static keys, base64-wrapped PEM (kubeconfig), WireGuard,
// and raw hex keys assigned to private-key variables.

import { decodeBase64ToText } from '../encoding';
import type { Rule, Severity } from '../types';
import { namedRule, tokenRule } from './define';

const PROVIDER = 'Private key';
const PLACEHOLDER_IN_KEY = /\.\.\.|…|<|>|\{|\}|\$\{|xxxxx|XXXXX|REDACTED|PLACEHOLDER|your-|your_|YOUR_/;

/** The block between the armour lines looks like real key material, not `MIIE...` or `<key>`. */
export function hasKeyMaterial(block: string): boolean {
  const begin = /BEGIN [^\n\\-]*-{4,5}/.exec(block);
  const start = begin ? begin.index + begin[0].length : 0;
  const endMatch = /-{4,5} ?END /.exec(block.slice(start));
  const inner = block.slice(start, endMatch ? start + endMatch.index : block.length);
  if (PLACEHOLDER_IN_KEY.test(inner)) return false;
  const cleaned = inner
    .replace(/\\[rn]/g, '\n')
    .replace(/^[ \t"'`+]*[A-Za-z][A-Za-z0-9-]*:[^\n]*$/gm, '') // armour headers (Proc-Type, DEK-Info, Comment)
    .replace(/[\s"'`,;]/g, '');
  let material = 0;
  for (let i = 0; i < cleaned.length; i++) if (/[A-Za-z0-9+/=]/.test(cleaned[i] as string)) material++;
  return material >= 64 && material >= cleaned.length * 0.9;
}

const pem = (id: string, label: string, title: string, severity: Severity = 'critical') =>
  tokenRule({
    id,
    provider: PROVIDER,
    title,
    severity,
    // The body may not contain another armour line, so a placeholder block cannot swallow the next key.
    pattern: `-----BEGIN ${label}-----(?:[^-]|-(?!----)){20,16000}?-----END ${label}-----`,
    keywords: [`-----begin ${label.toLowerCase()}-----`],
    endBoundary: false,
    prefixLength: 16 + label.length,
    tailLength: 0,
    skipPlaceholderCheck: true,
    validate: hasKeyMaterial,
  });

export const PRIVATE_KEY_RULES: readonly Rule[] = [
  pem('private-key-rsa', 'RSA PRIVATE KEY', 'RSA private key (PEM)'),
  pem('private-key-ec', 'EC PRIVATE KEY', 'EC private key (PEM)'),
  pem('private-key-dsa', 'DSA PRIVATE KEY', 'DSA private key (PEM)'),
  pem('private-key-openssh', 'OPENSSH PRIVATE KEY', 'OpenSSH private key'),
  pem('private-key-pkcs8', 'PRIVATE KEY', 'PKCS#8 private key (PEM)'),
  pem('private-key-encrypted', 'ENCRYPTED PRIVATE KEY', 'Encrypted PKCS#8 private key (PEM)', 'high'),
  pem('private-key-pgp', 'PGP PRIVATE KEY BLOCK', 'PGP private key block'),
  pem('private-key-openvpn-static', 'OpenVPN Static key V1', 'OpenVPN static key'),
  tokenRule({
    id: 'private-key-ssh2',
    provider: PROVIDER,
    title: 'SSH.com (SSH2) encrypted private key',
    severity: 'high',
    pattern: '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----(?:[^-]|-(?!--- )){20,16000}?---- END SSH2 ENCRYPTED PRIVATE KEY ----',
    keywords: ['---- begin ssh2 encrypted private key ----'],
    endBoundary: false,
    prefixLength: 41,
    tailLength: 0,
    skipPlaceholderCheck: true,
    validate: hasKeyMaterial,
  }),
  tokenRule({
    id: 'private-key-putty',
    provider: PROVIDER,
    title: 'PuTTY private key (PPK)',
    severity: 'critical',
    pattern: 'PuTTY-User-Key-File-[23]: [^\\r\\n]+(?:[^P]|P(?!uTTY-User-Key-File)){0,4000}?Private-Lines: [0-9]+\\r?\\n[A-Za-z0-9+/=\\r\\n]{40,12000}?Private-MAC: [0-9a-f]{40,64}',
    keywords: ['putty-user-key-file-'],
    endBoundary: false,
    prefixLength: 22,
    tailLength: 0,
    skipPlaceholderCheck: true,
    validate: (block) => !/\.\.\.|<|>/.test(block),
  }),
  tokenRule({
    id: 'private-key-base64-pem',
    provider: PROVIDER,
    title: 'Base64-encoded PEM private key (e.g. kubeconfig client-key-data)',
    severity: 'critical',
    // "LS0tLS1CRUdJTi" is base64 of "-----BEGIN".
    pattern: 'LS0tLS1CRUdJTi[A-Za-z0-9+/]{200,24000}={0,2}',
    keywords: ['ls0tls1crudjti'],
    prefixLength: 14,
    tailLength: 0,
    minEntropy: 4,
    validate: (secret) => {
      const text = decodeBase64ToText(secret.slice(0, secret.length - (secret.length % 4)));
      return text !== undefined && /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.test(text) && hasKeyMaterial(text);
    },
  }),
  namedRule({
    id: 'wireguard-private-key',
    provider: PROVIDER,
    title: 'WireGuard private key',
    severity: 'critical',
    keywords: ['privatekey'],
    name: /^privatekey$/,
    value: '[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=',
    minEntropy: 4,
  }),
  namedRule({
    id: 'private-key-hex',
    provider: PROVIDER,
    title: 'Raw private key (hex) such as an Ethereum wallet key',
    severity: 'critical',
    keywords: ['private_key', 'privatekey', 'private-key', 'priv_key', 'privkey', 'secret_key', 'mnemonic'],
    name: /priv(?:ate)?.?key|wallet.*secret/,
    value: '(?:0x)?[a-fA-F0-9]{64}',
    minEntropy: 3.3,
  }),
];
