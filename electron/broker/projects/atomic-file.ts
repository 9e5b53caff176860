import { randomBytes } from 'node:crypto';
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replace a file's contents atomically: write a temporary file beside it (same folder, so the
 * rename is atomic on one filesystem), keep the original's mode, then rename over it.
 */
export function writeFileAtomic(path: string, data: string, mode?: number): void {
  const temp = join(dirname(path), `.${basename(path)}.latch-${randomBytes(4).toString('hex')}.tmp`);
  let keepMode = mode;
  try {
    keepMode ??= statSync(path).mode & 0o777;
  } catch {
    keepMode ??= 0o644;
  }
  try {
    writeFileSync(temp, data, { mode: keepMode, flag: 'wx' });
    chmodSync(temp, keepMode);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created.
    }
    throw error;
  }
}
