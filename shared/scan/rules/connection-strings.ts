// Credentials inside URLs, connection strings, HTTP headers, CLI flags and auth files.

import { decodeBase64ToText } from '../encoding';
import type { Rule, Severity } from '../types';
import { hasPlaceholderFragment, isReference, isWordWithDigits } from '../value-filters';
import { escapeRegex, PRIORITY_NAMED, tokenRule } from './define';
import { decodesToUserColonPassword, hasJwtHeader } from './validators';

const PASSWORD_PLACEHOLDERS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'pw', 'secret', 'changeme', 'changeit', 'example', 'mypassword',
  'yourpassword', 'dbpassword', 'db_password', 'db-password', 'pa55word', 'p@ssword', 'p@ssw0rd', 'token',
  'user', 'username', 'login', 'xxx', 'xxxx', 'null', 'none', 'undefined', 'foo', 'bar', 'baz', 'test:test',
  // well-known local defaults (docker images, tutorials)
  'postgres', 'root', 'admin', 'guest', 'mysql', 'redis', 'rabbitmq', 'test', 'dev', 'local', 'sa', 'default',
]);

/** A URL/connection-string password that is a placeholder, template or reference. */
export function isPlaceholderPassword(password: string): boolean {
  let p = password;
  try {
    p = decodeURIComponent(password);
  } catch {
    // keep the raw form
  }
  if (p.length < 4) return true;
  if (PASSWORD_PLACEHOLDERS.has(p.toLowerCase())) return true;
  if (/^[a-z]*pass(?:word|wd)?[a-z]*$/i.test(p)) return true; // somepassword, mypass
  if (isWordWithDigits(p)) return true;
  if (/^[*x.•_-]+$/i.test(p)) return true;
  if (/^%\(?[\w]+\)?s$|^\{[\w]*\}$|^:[a-z_]+$|^\$\d$/i.test(p)) return true;
  if (/^[A-Z]{2,}(?:_[A-Z]{2,})+$/.test(p)) return true; // DB_PASSWORD-style names
  return hasPlaceholderFragment(p) || isReference(p);
}

const urlCredentials = (id: string, schemes: readonly string[], title: string, provider: string, severity: Severity) =>
  tokenRule({
    id,
    provider,
    title,
    severity,
    pattern: `(?:${schemes.map(escapeRegex).join('|')})://[^\\s:@/'"\`<>?#]{0,128}:(?<secret>[^\\s@/'"\`<>]{1,256})@[A-Za-z0-9._\\[\\]-]`,
    keywords: schemes.map((s) => `${s}://`),
    endBoundary: false,
    leftBoundary: false,
    tailLength: 0,
    skipPlaceholderCheck: true,
    validate: (secret) => !isPlaceholderPassword(secret),
  });

export const CONNECTION_STRING_RULES: readonly Rule[] = [
  urlCredentials('postgres-connection-string', ['postgres', 'postgresql'], 'PostgreSQL connection string password', 'PostgreSQL', 'critical'),
  urlCredentials('mysql-connection-string', ['mysql', 'mysqlx', 'mariadb', 'mysql2'], 'MySQL connection string password', 'MySQL', 'critical'),
  urlCredentials('mongodb-connection-string', ['mongodb', 'mongodb+srv'], 'MongoDB connection string password', 'MongoDB', 'critical'),
  urlCredentials('redis-connection-string', ['redis', 'rediss'], 'Redis connection string password', 'Redis', 'high'),
  urlCredentials('amqp-connection-string', ['amqp', 'amqps'], 'AMQP (RabbitMQ) connection string password', 'RabbitMQ', 'high'),
  urlCredentials('mssql-connection-string', ['sqlserver', 'mssql'], 'SQL Server connection string password', 'Microsoft SQL Server', 'critical'),
  urlCredentials(
    'database-connection-string',
    ['clickhouse', 'cockroachdb', 'couchdb', 'neo4j', 'neo4j+s', 'bolt', 'cassandra', 'oracle', 'db2', 'snowflake', 'influxdb', 'nats', 'kafka'],
    'Database / broker connection string password',
    'Database',
    'critical',
  ),
  urlCredentials('ldap-credentials-url', ['ldap', 'ldaps'], 'LDAP URL password', 'LDAP', 'high'),
  urlCredentials('smtp-credentials-url', ['smtp', 'smtps'], 'SMTP URL password', 'SMTP', 'high'),
  urlCredentials('ftp-credentials-url', ['ftp', 'ftps', 'sftp'], 'FTP / SFTP URL password', 'FTP', 'high'),
  urlCredentials('http-basic-auth-url', ['http', 'https'], 'Password in an HTTP(S) URL', 'HTTP', 'high'),
  tokenRule({
    id: 'cloudinary-url',
    provider: 'Cloudinary',
    title: 'Cloudinary URL API secret',
    severity: 'high',
    pattern: 'cloudinary://[0-9]{10,20}:(?<secret>[A-Za-z0-9_-]{27})@[A-Za-z0-9_-]+',
    keywords: ['cloudinary://'],
    endBoundary: false,
    minEntropy: 3.8,
  }),
  tokenRule({
    id: 'ado-net-connection-string',
    provider: 'Microsoft SQL Server',
    title: 'Password in an ADO.NET / ODBC connection string',
    severity: 'critical',
    pattern: '(?<![A-Za-z0-9_])(?:Password|Pwd)\\s*=\\s*(?<secret>[^;"\'\\s]{3,128})',
    flags: 'i',
    keywords: ['password=', 'pwd=', 'password =', 'pwd ='],
    endBoundary: false,
    leftBoundary: false,
    tailLength: 0,
    skipPlaceholderCheck: true,
    // Only inside a `Server=…;…;Password=…` style string (same line, shortly before).
    validate: (secret, { text, start }) => {
      const nearby = text.slice(Math.max(0, start - 500), start);
      const before = nearby.slice(nearby.lastIndexOf('\n') + 1);
      return /(?:Server|Data Source|Host|Address|Addr)\s*=[^;"'\n]{1,200};/i.test(before) && !isPlaceholderPassword(secret);
    },
  }),
  tokenRule({
    id: 'http-basic-auth-header',
    provider: 'HTTP',
    title: 'HTTP Basic credentials in an Authorization header',
    severity: 'high',
    pattern: 'Authorization["\']?\\s*[:=,]\\s*["\']?Basic\\s+(?<secret>[A-Za-z0-9+/]{8,}={0,2})',
    flags: 'i',
    keywords: ['authorization'],
    endBoundary: false,
    tailLength: 0,
    skipPlaceholderCheck: true,
    validate: (secret) => {
      if (!decodesToUserColonPassword(secret)) return false;
      const decoded = decodeBase64ToText(secret) ?? '';
      return !isPlaceholderPassword(decoded.slice(decoded.indexOf(':') + 1));
    },
  }),
  tokenRule({
    id: 'http-bearer-token-header',
    provider: 'HTTP',
    title: 'Bearer token in an Authorization header',
    severity: 'high',
    pattern: 'Authorization["\']?\\s*[:=,]\\s*["\']?Bearer\\s+(?<secret>[A-Za-z0-9._~+/-]{20,}=*)',
    flags: 'i',
    keywords: ['authorization'],
    endBoundary: false,
    minEntropy: 3.5,
    priority: PRIORITY_NAMED,
    validate: (secret) => !isReference(secret),
  }),
  tokenRule({
    id: 'curl-basic-auth',
    provider: 'HTTP',
    title: 'Password passed to curl -u / --user',
    severity: 'high',
    pattern: 'curl[^\\n]{0,400}?\\s(?:-u|--user)(?:\\s+|=)["\']?[^\\s:"\']{1,128}:(?<secret>[^\\s"\']{3,256})',
    keywords: ['curl'],
    endBoundary: false,
    tailLength: 0,
    skipPlaceholderCheck: true,
    validate: (secret) => !isPlaceholderPassword(secret),
  }),
  tokenRule({
    id: 'docker-config-auth',
    provider: 'Docker',
    title: 'Registry credentials in a Docker config.json',
    severity: 'high',
    pattern: '"auth"\\s*:\\s*"(?<secret>[A-Za-z0-9+/]{12,}={0,2})"',
    keywords: ['"auth"'],
    endBoundary: false,
    tailLength: 0,
    skipPlaceholderCheck: true,
    validate: (secret) => {
      if (!decodesToUserColonPassword(secret)) return false;
      const decoded = decodeBase64ToText(secret) ?? '';
      return !isPlaceholderPassword(decoded.slice(decoded.indexOf(':') + 1));
    },
  }),
  tokenRule({
    id: 'netrc-password',
    provider: 'netrc',
    title: 'Password in a .netrc file',
    severity: 'high',
    pattern: 'machine\\s+[^\\s]+\\s+login\\s+[^\\s]+\\s+password\\s+(?<secret>[^\\s"\'`,;]{3,256})',
    keywords: ['machine'],
    endBoundary: false,
    tailLength: 0,
    skipPlaceholderCheck: true,
    validate: (secret) => !isPlaceholderPassword(secret),
  }),
  tokenRule({
    id: 'jwt',
    provider: 'JWT',
    title: 'JSON Web Token',
    severity: 'medium',
    pattern: 'eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,8000}\\.[A-Za-z0-9_-]{16,1000}',
    keywords: ['eyj'],
    prefixLength: 3,
    minEntropy: 3.5,
    validate: hasJwtHeader,
  }),
];
