import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasBinaryExtension, isSkippedDir, WorkspaceIgnore } from './file-filter';

export interface WalkedFile {
  path: string;
  size: number;
}

/**
 * Every text-candidate file under `root`, depth first, honouring .gitignore/.latchignore and
 * skipping VCS/dependency folders, symlinks and binary extensions. Sizes come with the paths.
 */
export function* walkFiles(root: string, filter: WorkspaceIgnore = new WorkspaceIgnore(root)): Generator<WalkedFile> {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    filter.loadDir(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedDir(entry.name) && !filter.ignores(path, true)) stack.push(path);
      } else if (entry.isFile() && !hasBinaryExtension(entry.name) && !filter.ignores(path, false)) {
        try {
          yield { path, size: lstatSync(path).size };
        } catch {
          // Vanished between readdir and stat.
        }
      }
    }
  }
}
