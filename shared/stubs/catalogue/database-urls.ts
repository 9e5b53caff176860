// Connection URLs (RFC 3986 authority form scheme://user:password@host:port/path, as each
// driver documents it). Stubs point at <service>.latchstub.invalid: the .invalid TLD is
// reserved by RFC 6761 and never resolves, so a stub URL cannot reach any real server.
// User latch_stub, random alphanumeric password (no characters that need escaping).

import { BASE62 } from '../charsets';
import { STUB_HOST_DOMAIN, STUB_USER } from '../marker';
import { defineShape, type StubShape } from '../shape';

const HOST_MARKER = `user ${STUB_USER}, host <service>.${STUB_HOST_DOMAIN} (RFC 6761: never resolves).`;

interface UrlShapeSpec {
  readonly id: string;
  readonly provider: string;
  readonly what: string;
  /** Documented schemes, regex alternation. */
  readonly schemes: string;
  readonly scheme: string;
  readonly service: string;
  readonly port: number;
  /** Path (and query) after the port, starting with '/'. */
  readonly path: string;
}

function urlShape(spec: UrlShapeSpec): StubShape {
  const host = `${spec.service}.${STUB_HOST_DOMAIN}`;
  return defineShape({
    id: spec.id,
    provider: spec.provider,
    summary: `${spec.what}: ${spec.scheme}://user:password@host:port${spec.path}.`,
    pattern: new RegExp(
      `^(?:${spec.schemes})://(?:[^:@/\\s]*(?::[^@/\\s]*)?@)?[A-Za-z0-9.-]+(?::\\d{1,5})?(?:/[^\\s?#]*)?(?:\\?[^\\s#]*)?$`,
    ),
    marker: HOST_MARKER,
    markerPattern: new RegExp(`^${spec.scheme.replace('+', '\\+')}://${STUB_USER}:[A-Za-z0-9]+@[a-z]+\\.latchstub\\.invalid:`),
    generate: (random) => `${spec.scheme}://${STUB_USER}:${random.chars(BASE62, 24)}@${host}:${spec.port}${spec.path}`,
  });
}

export const DATABASE_URL_SHAPES: readonly StubShape[] = [
  urlShape({
    id: 'postgres-url',
    provider: 'PostgreSQL',
    what: 'PostgreSQL connection URI (libpq)',
    schemes: 'postgres|postgresql',
    scheme: 'postgresql',
    service: 'postgres',
    port: 5432,
    path: '/latchstub',
  }),
  urlShape({
    id: 'mysql-url',
    provider: 'MySQL',
    what: 'MySQL connection URL',
    schemes: 'mysql|mysqlx|mariadb',
    scheme: 'mysql',
    service: 'mysql',
    port: 3306,
    path: '/latchstub',
  }),
  urlShape({
    id: 'redis-url',
    provider: 'Redis',
    what: 'Redis URL (ACL user and password, database number as path)',
    schemes: 'redis|rediss',
    scheme: 'redis',
    service: 'redis',
    port: 6379,
    path: '/0',
  }),
  urlShape({
    id: 'mongodb-url',
    provider: 'MongoDB',
    what: 'MongoDB connection string',
    schemes: 'mongodb|mongodb\\+srv',
    scheme: 'mongodb',
    service: 'mongodb',
    port: 27017,
    path: '/latchstub?authSource=admin',
  }),
  urlShape({
    id: 'amqp-url',
    provider: 'RabbitMQ',
    what: 'AMQP 0-9-1 URI (RabbitMQ; vhost as path)',
    schemes: 'amqp|amqps',
    scheme: 'amqp',
    service: 'rabbitmq',
    port: 5672,
    path: '/latchstub',
  }),
];
