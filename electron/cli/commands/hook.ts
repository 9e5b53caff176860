import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';

const MARKER = '# latch pre-commit hook';

export function hookScript(latchCommand: string): string {
  return `#!/bin/sh
${MARKER}: blocks commits that add secrets (latch scan --staged).
# An earlier hook, if there was one, was kept as pre-commit.local and runs first.
hook_dir=$(dirname "$0")
if [ -x "$hook_dir/pre-commit.local" ]; then
  "$hook_dir/pre-commit.local" "$@" || exit $?
fi
${latchCommand} scan --staged
status=$?
if [ $status -eq 1 ]; then
  echo "latch: commit blocked: the staged changes contain secrets (see above)." >&2
  echo "latch: move them to the keychain (latch env migrate), or mark a false positive with latch:allow." >&2
fi
exit $status
`;
}

export async function hookInstall(ctx: CommandContext): Promise<number> {
  let hooksDir: string;
  try {
    hooksDir = execFileSync('git', ['rev-parse', '--git-path', 'hooks'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    throw new CliFailure('USAGE', 'not inside a git repository');
  }
  const hook = join(hooksDir, 'pre-commit');
  if (existsSync(hook)) {
    const current = readFileSync(hook, 'utf8');
    if (current.includes(MARKER)) {
      ctx.io.stderr.write(`The Latch pre-commit hook is already installed (${hook}).\n`);
      return EXIT.OK;
    }
    if (existsSync(join(hooksDir, 'pre-commit.local'))) throw new CliFailure('CONFLICT', `${hook} and pre-commit.local both exist; merge them by hand`);
    renameSync(hook, join(hooksDir, 'pre-commit.local'));
    ctx.io.stderr.write('Kept your existing pre-commit hook as pre-commit.local (it still runs first).\n');
  }
  const command = `"${process.execPath}" "${process.argv[1] ?? 'latch'}"`;
  writeFileSync(hook, hookScript(command));
  chmodSync(hook, 0o755);
  ctx.io.stderr.write(`Installed ${hook}: commits with secrets are blocked.\n`);
  return EXIT.OK;
}
