import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Files larger than this are skipped (a secret in a 5 MB minified bundle is not worth the scan). */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '.venv', '__pycache__', '.next', '.cache']);
const BINARY_EXTENSIONS = /\.(png|jpe?g|gif|webp|ico|bmp|tiff?|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|war|class|so|dylib|dll|exe|bin|o|a|wasm|woff2?|ttf|otf|eot|mp[34]|mov|avi|mkv|webm|ogg|flac|wav|sqlite|db|pyc|node)$/i;

/** True when the first bytes contain a NUL: not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

export function isSkippedDir(name: string): boolean {
  return ALWAYS_SKIPPED_DIRS.has(name);
}

export function hasBinaryExtension(path: string): boolean {
  return BINARY_EXTENSIONS.test(path);
}

/**
 * .gitignore and .latchignore rules of one workspace root (nested .gitignore files are read
 * as the walk reaches them). `.latchignore` may also list finding fingerprints (one per line,
 * `fingerprint:HEX`) — those are returned by `ignoredFingerprints`.
 */
export class WorkspaceIgnore {
  private readonly byDir = new Map<string, Ignore>();
  readonly fingerprints = new Set<string>();

  constructor(readonly root: string) {
    this.loadDir(root);
    const latchignore = join(root, '.latchignore');
    if (existsSync(latchignore)) {
      const rules = ignore();
      for (const line of readFileSync(latchignore, 'utf8').split(/\r?\n/)) {
        const trimmed = line.trim();
        const fp = /^fingerprint:([0-9a-f]{8,64})\b/.exec(trimmed);
        if (fp) this.fingerprints.add(fp[1] as string);
        else if (trimmed !== '' && !trimmed.startsWith('#')) rules.add(trimmed);
      }
      this.byDir.set(`${root}\0latch`, rules);
    }
  }

  /** Reads a folder's .gitignore (call when the walk enters it). */
  loadDir(dir: string): void {
    const file = join(dir, '.gitignore');
    if (this.byDir.has(dir) || !existsSync(file)) return;
    try {
      this.byDir.set(dir, ignore().add(readFileSync(file, 'utf8')));
    } catch {
      // Unreadable .gitignore: nothing ignored from it.
    }
  }

  ignores(path: string, isDir: boolean): boolean {
    const rel = relative(this.root, path);
    if (rel === '' || rel.startsWith('..')) return false;
    const latch = this.byDir.get(`${this.root}\0latch`);
    const relPosix = rel.split(sep).join('/') + (isDir ? '/' : '');
    if (latch?.ignores(relPosix)) return true;
    for (const [dir, rules] of this.byDir) {
      if (dir.endsWith('\0latch')) continue;
      const fromDir = relative(dir, path);
      if (fromDir.startsWith('..') || fromDir === '') continue;
      if (rules.ignores(fromDir.split(sep).join('/') + (isDir ? '/' : ''))) return true;
    }
    return false;
  }
}
