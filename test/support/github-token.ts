import { crc32Base62Tail } from '../../shared/scan/checksums';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh GitHub classic token in the real format (valid CRC-32 tail), built at run time so
 * that no credential-shaped literal sits in this repository.
 */
export function githubToken(): string {
  let body = '';
  for (let i = 0; i < 30; i++) body += BASE62[Math.floor(Math.random() * BASE62.length)];
  return 'ghp' + '_' + body + crc32Base62Tail(body);
}
