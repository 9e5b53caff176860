// A SCRAM-SHA-256 password verifier computed on our side (what libpq's
// PQencryptPasswordConn and psql's \password do), so CREATE/ALTER ROLE never carries the
// plain password: it cannot end up in the server's statement log or pg_stat_activity.
// Format (RFC 5803 as stored by PostgreSQL >= 10):
//   SCRAM-SHA-256$<iterations>:<salt b64>$<StoredKey b64>:<ServerKey b64>

import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

const ITERATIONS = 4096;

/**
 * Only for passwords that SASLprep leaves unchanged: printable ASCII (ours are base64url).
 * Anything else would need SASLprep normalisation first, so it is refused.
 */
export function scramSha256Verifier(password: string, salt: Buffer = randomBytes(16)): string {
  if (!/^[\x21-\x7e]+$/.test(password)) throw new RangeError('scram verifier: password must be printable ASCII');
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
