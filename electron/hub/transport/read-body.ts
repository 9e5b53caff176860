// Reading a request body with a hard size limit: the bytes are kept raw (the signature covers
// them) and nothing is parsed here.

import type { IncomingMessage } from 'node:http';
import { invalidInput } from './respond';

export const MAX_BODY_BYTES = 64 * 1024;

/** The body's bytes; throws INVALID_INPUT (413) past `limit` without buffering the rest. */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    request.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (!failed) {
        failed = true;
        reject(error);
      }
    });
  });
}

function tooLarge(limit: number): Error {
  return invalidInput(`request body larger than ${Math.round(limit / 1024)} KiB`, 413);
}
