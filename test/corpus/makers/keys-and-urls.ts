// Makers for private keys, credentials in URLs / headers / auth files, JWTs, the Google
// service-account JSON and the generic password / API-key rules.

import { ALNUM, DIGITS, HEX, LOWER, type Rng } from '../rng';
import { custom, type Lookalike, named, type PlantContext, type SecretMaker } from './maker';

const B64 = `${ALNUM}+/`;
const W = `${ALNUM}_-`;

/** Base64 body lines of a PEM block (64 characters a line). */
export function pemBody(rng: Rng, chars: number): string {
  const text = `MII${rng.string(B64, chars - 3)}`;
  return text.match(/.{1,64}/g)?.join('\n') ?? text;
}

export function pemBlock(label: string, rng: Rng, chars = 1600, headers = ''): string {
  return `-----BEGIN ${label}-----\n${headers}${pemBody(rng, chars)}\n-----END ${label}-----`;
}

const pem = (name: string, label: string, headers = ''): SecretMaker =>
  custom(
    name,
    ['block'],
    (rng) => {
      const text = pemBlock(label, rng, 1600, headers);
      return { text, secret: text };
    },
    (rng) => [
      { text: `-----BEGIN ${label}-----\nMIIEpAIBAAKCAQEA...\n-----END ${label}-----`, why: 'truncated documentation key', decoy: true },
      { text: `-----BEGIN ${label}-----\n<your private key here>\n-----END ${label}-----`, why: 'placeholder', decoy: true },
      { text: pemBlock(label.replace('PRIVATE', 'PUBLIC'), rng, 400), why: 'public key', decoy: true },
      { text: pemBlock('CERTIFICATE', rng, 1200), why: 'certificate', decoy: true },
    ],
  );


/** A realistic random password: letters, digits, a symbol. */
export function password(rng: Rng, length = 18): string {
  return `${rng.string(ALNUM, length - 3)}${rng.pick(['!', '%', '^', '*', '_'])}${rng.string(DIGITS, 2)}`;
}

const url = (name: string, scheme: string, port: number, path = '/app'): SecretMaker =>
  custom(
    name,
    ['assign', 'bare'],
    (rng) => {
      const secret = password(rng);
      return { text: `${scheme}://${rng.pick(['app', 'svc', 'deploy', 'admin'])}:${secret}@${rng.string(LOWER, 6)}.internal:${port}${path}`, secret };
    },
    (rng) => [
      { text: `${scheme}://user:password@localhost:${port}${path}`, why: 'documentation placeholder password', decoy: true },
      { text: `${scheme}://app:\${DB_PASSWORD}@db:${port}${path}`, why: 'environment reference', decoy: true },
      { text: `${scheme}://app:<password>@db:${port}${path}`, why: 'template placeholder', decoy: true },
      { text: `${scheme}://${rng.string(LOWER, 6)}.internal:${port}${path}`, why: 'no credentials', decoy: true },
    ],
  );

function jwt(rng: Rng): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const header = enc({ alg: rng.pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' });
  const payload = enc({ sub: rng.string(DIGITS, 10), name: rng.string(LOWER, 8), iat: 1700000000 + rng.int(9_999_999), role: 'service' });
  return `${header}.${payload}.${rng.string(W, 43)}`;
}

function serviceAccountJson(rng: Rng): { text: string; keyId: string; pem: string } {
  const keyId = rng.string(HEX, 40);
  const pemText = pemBlock('PRIVATE KEY', rng, 1600);
  const project = `${rng.string(LOWER, 8)}-${rng.string(DIGITS, 6)}`;
  const text = JSON.stringify(
    {
      type: 'service_account',
      project_id: project,
      private_key_id: keyId,
      private_key: `${pemText}\n`,
      client_email: `deployer@${project}.iam.gserviceaccount.com`,
      client_id: rng.string(DIGITS, 21),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
    },
    null,
    2,
  );
  return { text, keyId, pem: JSON.stringify(`${pemText}\n`).slice(1, -3) };
}

const basic = (user: string, pass: string): string => Buffer.from(`${user}:${pass}`).toString('base64');

const placeholderBlocks = (...items: readonly Lookalike[]): readonly Lookalike[] => items;

export const KEYS_AND_URLS_MAKERS: Readonly<Record<string, SecretMaker>> = {
  'private-key-rsa': pem('id_rsa', 'RSA PRIVATE KEY'),
  'private-key-ec': pem('ec_key', 'EC PRIVATE KEY'),
  'private-key-dsa': pem('dsa_key', 'DSA PRIVATE KEY'),
  'private-key-openssh': pem('id_ed25519', 'OPENSSH PRIVATE KEY'),
  'private-key-pkcs8': pem('server_key', 'PRIVATE KEY'),
  'private-key-encrypted': pem('encrypted_key', 'ENCRYPTED PRIVATE KEY'),
  'private-key-pgp': pem('signing_key', 'PGP PRIVATE KEY BLOCK', 'Version: GnuPG v2\n\n'),
  'private-key-openvpn-static': custom(
    'ta_key',
    ['block'],
    (rng) => {
      const lines = Array.from({ length: 16 }, () => rng.string(HEX, 32)).join('\n');
      const text = `-----BEGIN OpenVPN Static key V1-----\n${lines}\n-----END OpenVPN Static key V1-----`;
      return { text, secret: text };
    },
    () =>
      placeholderBlocks(
        { text: '-----BEGIN OpenVPN Static key V1-----\n...\n-----END OpenVPN Static key V1-----', why: 'elided', decoy: true },
        { text: '-----BEGIN OpenVPN Static key V1-----\n<paste the static key here>\n-----END OpenVPN Static key V1-----', why: 'placeholder', decoy: true },
        { text: '-----BEGIN OpenVPN Static key V1-----\n-----END OpenVPN Static key V1-----', why: 'empty', decoy: true },
      ),
  ),
  'private-key-ssh2': custom(
    'ssh2_key',
    ['block'],
    (rng) => {
      const text = `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key-20240101"\n${pemBody(rng, 1200)}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----`;
      return { text, secret: text };
    },
    () =>
      placeholderBlocks(
        { text: '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n...\n---- END SSH2 ENCRYPTED PRIVATE KEY ----', why: 'elided', decoy: true },
        { text: '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n<key>\n---- END SSH2 ENCRYPTED PRIVATE KEY ----', why: 'placeholder', decoy: true },
        { text: '---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3NzaC1yc2EAAAADAQABAAABAQC7\n---- END SSH2 PUBLIC KEY ----', why: 'public key', decoy: true },
      ),
  ),
  'private-key-putty': custom(
    'putty_key',
    ['block'],
    (rng) => {
      const text = [
        'PuTTY-User-Key-File-3: ssh-ed25519',
        'Encryption: none',
        'Comment: deploy@build',
        'Public-Lines: 2',
        pemBody(rng, 100).split('\n').slice(0, 2).join('\n'),
        'Private-Lines: 1',
        rng.string(B64, 44),
        `Private-MAC: ${rng.string(HEX, 64)}`,
      ].join('\n');
      return { text, secret: text };
    },
    (rng) =>
      placeholderBlocks(
        { text: 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n...\nPrivate-MAC: <mac>', why: 'elided', decoy: true },
        { text: `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\n${rng.string(B64, 64)}`, why: 'public part only', decoy: true },
        { text: 'Convert the key with puttygen: PuTTY-User-Key-File-2 files hold both halves.', why: 'prose', decoy: true },
      ),
  ),
  'private-key-base64-pem': custom(
    'client-key-data',
    ['assign', 'bare'],
    (rng) => {
      const text = Buffer.from(`${pemBlock('RSA PRIVATE KEY', rng, 1200)}\n`).toString('base64');
      return { text, secret: text };
    },
    (rng) => [
      { text: Buffer.from(`${pemBlock('CERTIFICATE', rng, 1200)}\n`).toString('base64'), why: 'base64 certificate', decoy: true },
      { text: Buffer.from(`${pemBlock('PUBLIC KEY', rng, 600)}\n`).toString('base64'), why: 'base64 public key', decoy: true },
      { text: Buffer.from('-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----\n').toString('base64'), why: 'base64 of an elided key', decoy: true },
    ],
  ),
  'wireguard-private-key': custom(
    'PrivateKey',
    ['assign'],
    (rng) => {
      const text = `${rng.string(B64, 42)}${rng.pick(['A', 'E', 'I', 'M', 'Q', 'U', 'Y', 'c', 'g', 'k', 'o', 's', 'w', '0', '4', '8'])}=`;
      return { text, secret: text };
    },
    (rng) => [
      { text: '<your-wireguard-private-key>', why: 'placeholder', decoy: true },
      { text: `${rng.string(B64, 20)}=`, why: 'too short', decoy: false },
      { text: '${WG_PRIVATE_KEY}', why: 'reference', decoy: true },
    ],
  ),
  'private-key-hex': named('PRIVATE_KEY', ['0x', [HEX, 64]]),

  'postgres-connection-string': url('DATABASE_URL', 'postgres', 5432),
  'mysql-connection-string': url('MYSQL_URL', 'mysql', 3306),
  'mongodb-connection-string': url('MONGODB_URI', 'mongodb+srv', 27017, '/prod?retryWrites=true'),
  'redis-connection-string': url('REDIS_URL', 'redis', 6379, '/0'),
  'amqp-connection-string': url('AMQP_URL', 'amqps', 5671, '/vhost'),
  'mssql-connection-string': url('MSSQL_URL', 'sqlserver', 1433, '/db'),
  'database-connection-string': url('CLICKHOUSE_URL', 'clickhouse', 8443, '/default'),
  'ldap-credentials-url': url('LDAP_URL', 'ldaps', 636, '/dc=corp,dc=example'),
  'smtp-credentials-url': url('SMTP_URL', 'smtps', 465, ''),
  'ftp-credentials-url': url('FTP_URL', 'sftp', 22, '/upload'),
  'http-basic-auth-url': url('REGISTRY_URL', 'https', 443, '/v2/'),
  'cloudinary-url': custom(
    'CLOUDINARY_URL',
    ['assign', 'bare'],
    (rng) => {
      const secret = rng.string(W, 27);
      return { text: `cloudinary://${rng.string(DIGITS, 15)}:${secret}@${rng.string(LOWER, 8)}`, secret };
    },
    () => [
      { text: 'cloudinary://123456789012345:<api_secret>@my-cloud', why: 'template', decoy: true },
      { text: 'cloudinary://<api_key>:<api_secret>@<cloud_name>', why: 'template', decoy: true },
      { text: 'cloudinary://123456789012345:abc@my-cloud', why: 'too short', decoy: true },
    ],
  ),
  'ado-net-connection-string': custom(
    'SQL_CONNECTION_STRING',
    ['assign', 'bare'],
    (rng) => {
      const secret = password(rng);
      return { text: `Server=tcp:${rng.string(LOWER, 8)}.database.windows.net,1433;Initial Catalog=app;User ID=app;Password=${secret};Encrypt=True;`, secret };
    },
    () => [
      { text: 'Server=tcp:x.database.windows.net,1433;Initial Catalog=app;User ID=app;Password={your_password};', why: 'template', decoy: true },
      { text: 'Server=localhost;Database=app;User Id=sa;Password=<YourStrong@Passw0rd>;', why: 'documentation placeholder', decoy: true },
      { text: 'Server=localhost;Database=app;Trusted_Connection=True;', why: 'no password', decoy: true },
    ],
  ),
  'http-basic-auth-header': custom(
    'AUTH_HEADER',
    ['assign', 'bare'],
    (rng) => {
      const secret = basic(rng.pick(['deploy', 'ci', 'admin']), password(rng));
      return { text: `Authorization: Basic ${secret}`, secret };
    },
    () => [
      { text: `Authorization: Basic ${basic('user', 'password')}`, why: 'documentation credentials', decoy: true },
      { text: 'Authorization: Basic <credentials>', why: 'template', decoy: true },
      { text: `Authorization: Basic ${Buffer.from('not-a-pair-of-credentials').toString('base64')}`, why: 'no user:password inside', decoy: true },
    ],
  ),
  'http-bearer-token-header': custom(
    'AUTH_HEADER',
    ['assign', 'bare'],
    (rng) => {
      const secret = rng.string(`${ALNUM}._~-`, 48);
      return { text: `Authorization: Bearer ${secret}`, secret };
    },
    () => [
      { text: 'Authorization: Bearer <token>', why: 'template', decoy: true },
      { text: 'Authorization: Bearer ${ACCESS_TOKEN}', why: 'reference', decoy: true },
      { text: 'Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxxxx', why: 'placeholder', decoy: true },
    ],
  ),
  'curl-basic-auth': custom(
    'curl',
    ['block'],
    (rng) => {
      const secret = password(rng);
      return { text: `curl -sS -u deploy:${secret} https://artifacts.internal/api/upload`, secret };
    },
    () => [
      { text: 'curl -u "$USER:$PASSWORD" https://artifacts.internal/api/upload', why: 'shell references', decoy: true },
      { text: 'curl -u admin:password https://localhost:8080/', why: 'documentation credentials', decoy: true },
      { text: 'curl -u <user>:<token> https://api.example.com/', why: 'template', decoy: true },
    ],
  ),
  'docker-config-auth': custom(
    'docker-config',
    ['block'],
    (rng) => {
      const secret = basic(`robot$${rng.string(LOWER, 6)}`, rng.string(ALNUM, 32));
      return { text: JSON.stringify({ auths: { 'registry.internal:5000': { auth: secret } } }, null, 2), secret };
    },
    () => [
      { text: JSON.stringify({ auths: { 'registry.internal': { auth: '' } } }, null, 2), why: 'empty', decoy: true },
      { text: JSON.stringify({ auths: { 'registry.internal': { auth: basic('user', 'password') } } }, null, 2), why: 'documentation credentials', decoy: true },
      { text: JSON.stringify({ credsStore: 'desktop', auths: { 'https://index.docker.io/v1/': {} } }, null, 2), why: 'credential helper', decoy: true },
    ],
  ),
  'netrc-password': custom(
    'netrc',
    ['block'],
    (rng) => {
      const secret = password(rng, 24);
      return { text: `machine api.${rng.string(LOWER, 6)}.com\n  login deploy\n  password ${secret}`, secret };
    },
    () => [
      { text: 'machine api.example.com\n  login deploy\n  password <token>', why: 'template', decoy: true },
      { text: 'machine api.example.com\n  login deploy\n  password $NETRC_PASSWORD', why: 'reference', decoy: true },
      { text: 'machine api.example.com login deploy password changeme', why: 'placeholder', decoy: true },
    ],
  ),
  jwt: custom(
    'ACCESS_TOKEN',
    ['assign', 'bare'],
    (rng) => {
      const text = jwt(rng);
      return { text, secret: text };
    },
    (rng) => [
      { text: `eyJ${rng.string(ALNUM, 30)}.eyJ${rng.string(ALNUM, 40)}.${rng.string(W, 43)}`, why: 'header is not JSON', decoy: true },
      {
        text: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.'),
        why: 'jwt.io sample token',
        decoy: true,
      },
      { text: `${jwt(rng).split('.').slice(0, 2).join('.')}.`, why: 'unsigned', decoy: true },
    ],
  ),
  'gcp-service-account-key': custom(
    'service-account.json',
    ['block'],
    (rng) => {
      const sa = serviceAccountJson(rng);
      return { text: sa.text, secret: sa.keyId, also: [{ ruleId: 'private-key-pkcs8', secret: sa.pem }] };
    },
    (rng) => [
      { text: JSON.stringify({ type: 'authorized_user', private_key_id: rng.string(HEX, 40) }, null, 2), why: 'not a service account', decoy: false },
      { text: JSON.stringify({ type: 'service_account', private_key_id: '<key-id>', private_key: '<key>' }, null, 2), why: 'template', decoy: true },
      { text: JSON.stringify({ type: 'service_account', private_key_id: '0'.repeat(40) }, null, 2), why: 'placeholder id', decoy: true },
    ],
  ),
  'generic-password': named('DB_PASSWORD', [[ALNUM, 14], '!', [DIGITS, 3]], {
    wrongLength: false,
    extra: () => [
      { text: 'changeme', why: 'placeholder', decoy: true },
      { text: 'password', why: 'word', decoy: true },
      { text: 'hunter2', why: 'too short to judge', decoy: true },
      { text: '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', why: 'bcrypt hash, not a password', decoy: true },
    ],
  }),
  'generic-api-key': named('SERVICE_API_KEY', [[ALNUM, 20], [DIGITS, 4], [ALNUM, 8]], {
    wrongLength: false,
    extra: () => [
      { text: 'sha512-' + 'q'.repeat(10) + 'Zk9AbCdE1234567890abcdefghIJKLmnop==', why: 'integrity string', decoy: true },
      { text: '550e8400-e29b-41d4-a716-446655440000', why: 'UUID', decoy: true },
      { text: 'process.env.SERVICE_API_KEY', why: 'environment reference', decoy: true },
      { text: 'my-service-api-key', why: 'words', decoy: true },
    ],
  }),
};

export type { PlantContext };
