// The hub's own little PKI, made by `latch hub init`: an ECDSA P-256 CA (members pin it) and a
// server certificate it signs, for localhost, 127.0.0.1 and the names the admin gives.
// node:crypto cannot write certificates; @peculiar/x509 does it on WebCrypto on every OS.

import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 3600 * 1000;
export const CA_VALIDITY_DAYS = 3650;
export const SERVER_VALIDITY_DAYS = 825;
export const DEFAULT_HOSTS = ['localhost', '127.0.0.1'] as const;

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

export interface HubTls {
  caCertPem: string;
  caKeyPem: string;
  certPem: string;
  keyPem: string;
}

function toPem(label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${label}-----\n`;
}

function fromPem(pem: string): ArrayBuffer {
  const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  const bytes = Buffer.from(body, 'base64');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function newKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
}

/** Unique host names, the defaults first; throws on a name a certificate cannot carry. */
export function serverHosts(extra: readonly string[]): string[] {
  const hosts = [...new Set([...DEFAULT_HOSTS, ...extra.map((h) => h.trim().toLowerCase()).filter(Boolean)])];
  for (const host of hosts) {
    if (isIP(host) === 0 && !/^(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(host)) {
      throw new TypeError(`"${host}" is not a host name or IP address`);
    }
  }
  return hosts;
}

function randomSerial(): string {
  // Positive 127-bit serial (first byte < 0x80).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] as number) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

/** A new CA and a server certificate for `hosts` (plus localhost and 127.0.0.1). */
export async function generateHubTls(options: { hosts?: readonly string[]; name?: string } = {}): Promise<HubTls> {
  const now = new Date(Date.now() - 5 * 60_000);
  const caKeys = await newKeys();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=${options.name ?? 'Latch hub CA'}, O=Latch`,
    notBefore: now,
    notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
    signingAlgorithm: ALGORITHM,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey, false, crypto),
    ],
  }, crypto);
  const caCertPem = ca.toString('pem') + '\n';
  const caKeyPem = toPem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', caKeys.privateKey));
  const server = await issueServerCertificate(caCertPem, caKeyPem, options.hosts ?? []);
  return { caCertPem, caKeyPem, ...server };
}

/** A fresh server key and certificate signed by an existing hub CA. */
export async function issueServerCertificate(caCertPem: string, caKeyPem: string, extraHosts: readonly string[]): Promise<{ certPem: string; keyPem: string }> {
  const hosts = serverHosts(extraHosts);
  const ca = new x509.X509Certificate(caCertPem);
  const caKey = await crypto.subtle.importKey('pkcs8', fromPem(caKeyPem), ALGORITHM, false, ['sign']);
  const keys = await newKeys();
  const now = new Date(Date.now() - 5 * 60_000);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${hosts.find((h) => !DEFAULT_HOSTS.includes(h as (typeof DEFAULT_HOSTS)[number])) ?? 'localhost'}`,
    issuer: ca.subject,
    notBefore: now,
    notAfter: new Date(Math.min(now.getTime() + SERVER_VALIDITY_DAYS * DAY_MS, ca.notAfter.getTime())),
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(hosts.map((value) => ({ type: isIP(value) ? ('ip' as const) : ('dns' as const), value })), false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      await x509.AuthorityKeyIdentifierExtension.create(ca, false, crypto),
    ],
  }, crypto);
  return { certPem: cert.toString('pem') + '\n', keyPem: toPem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', keys.privateKey)) };
}
