import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeInvite, encodeInvite } from '../../../electron/hub/client/invite';
import { hubEndpoint } from '../../../electron/hub/client/hub-endpoint';
import { HubError } from '../../../electron/hub/service-types';
import { certificateFingerprint } from '../../../electron/hub/tls/fingerprint';
import { generateHubTls, issueServerCertificate, serverHosts } from '../../../electron/hub/tls/generate-tls';

describe('invite strings', () => {
  const invite = { url: 'https://hub.example.com:8443', code: 'abc_DEF-123', caFingerprint: 'ab'.repeat(32) };

  it('round-trips as one lh1_ string of base64url', () => {
    const text = encodeInvite(invite);
    expect(text).toMatch(/^lh1_[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(text.slice(4), 'base64url').toString())).toEqual({ u: invite.url, c: invite.code, f: invite.caFingerprint });
    expect(decodeInvite(`  ${text}\n`)).toEqual(invite);
  });

  it('refuses damaged invites with INVALID_INVITE and never quotes the code', () => {
    const bad = [
      'xyz',
      'lh1_***',
      'lh1_' + Buffer.from('not json').toString('base64url'),
      'lh1_' + Buffer.from(JSON.stringify({ u: 'https://h', c: 'secret-code' })).toString('base64url'),
      'lh1_' + Buffer.from(JSON.stringify({ u: 'ftp://h', c: 'secret-code', f: 'ab'.repeat(32) })).toString('base64url'),
      'lh1_' + Buffer.from(JSON.stringify({ u: 'https://h', c: 'secret-code', f: 'xyz' })).toString('base64url'),
    ];
    for (const text of bad) {
      let error: unknown;
      try {
        decodeInvite(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HubError);
      expect((error as HubError).code).toBe('INVALID_INVITE');
      expect((error as HubError).message).not.toContain('secret-code');
    }
  });
});

describe('hub endpoints', () => {
  it('requires a pinned CA for https and allows plain http only on loopback', () => {
    expect(() => hubEndpoint('https://hub.example.com', undefined)).toThrow(/caCertPem/);
    expect(hubEndpoint('https://hub.example.com:8443/', 'PEM')).toEqual({ origin: 'https://hub.example.com:8443', secure: true, caCertPem: 'PEM' });
    expect(hubEndpoint('http://127.0.0.1:9', undefined).secure).toBe(false);
    expect(() => hubEndpoint('http://hub.example.com', undefined)).toThrow(/loopback/);
    expect(() => hubEndpoint('https://hub.example.com/prefix', 'PEM')).toThrow(/without a path/);
  });
});

describe('hub TLS', () => {
  it('makes a P-256 CA and a server certificate it signed, naming localhost, 127.0.0.1 and the hosts', async () => {
    const tls = await generateHubTls({ hosts: ['hub.example.com', '10.1.2.3'] });
    const ca = new X509Certificate(tls.caCertPem);
    const cert = new X509Certificate(tls.certPem);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, DNS:hub.example.com, IP Address:10.1.2.3');
    expect(cert.checkHost('hub.example.com')).toBe('hub.example.com');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkHost('other.example.com')).toBeUndefined();
    expect(certificateFingerprint(tls.caCertPem)).toBe(ca.fingerprint256.replace(/:/g, '').toLowerCase());
    const again = await issueServerCertificate(tls.caCertPem, tls.caKeyPem, ['new.example.com']);
    expect(new X509Certificate(again.certPem).checkIssued(ca)).toBe(true);
    expect(new X509Certificate(again.certPem).checkHost('new.example.com')).toBe('new.example.com');
  });

  it('checks host names', () => {
    expect(serverHosts(['Hub.Example.com', 'localhost', ' '])).toEqual(['localhost', '127.0.0.1', 'hub.example.com']);
    expect(() => serverHosts(['bad host'])).toThrow(/not a host name/);
    expect(() => serverHosts(['-x.example'])).toThrow();
  });
});
