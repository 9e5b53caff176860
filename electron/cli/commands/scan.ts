import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { createScanner, type KnownValueIndex, type Scanner } from '../../../shared/scan';
import { DEFAULT_MAX_FILE_BYTES, looksBinary, WorkspaceIgnore } from '../../broker/workspaces/file-filter';
import { knownValueIndex, scanFile } from '../../broker/workspaces/scan-file';
import { walkFiles } from '../../broker/workspaces/walk-files';
import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { toJsonFindings, toSarif, toText, type FileFinding } from '../scan-report';

function git(args: string[], cwd: string): Buffer | null {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return null;
  }
}

function trackedFiles(cwd: string): Set<string> | null {
  const top = git(['rev-parse', '--show-toplevel'], cwd)?.toString().trim();
  const list = git(['ls-files', '-z'], cwd);
  if (!top || !list) return null;
  return new Set(list.toString().split('\0').filter(Boolean).map((f) => resolve(top, f)));
}

/** Known values from the broker (keyed hashes of your tokens and live lease values), if it runs. */
async function knownIndex(ctx: CommandContext): Promise<KnownValueIndex | undefined> {
  if (boolFlag(ctx.args, 'no-known')) return undefined;
  try {
    return knownValueIndex(await ctx.call('scan.knownIndex', {}));
  } catch {
    return undefined;
  }
}

function readBaseline(file: string): Set<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new CliFailure('USAGE', `--baseline: ${file} is not a readable JSON file (write one with \`latch scan --format json > ${file}\`)`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { fingerprints?: unknown }).fingerprints;
  if (!Array.isArray(list)) throw new CliFailure('USAGE', `--baseline: ${file} must be a JSON array of findings or {"fingerprints": [...]}`);
  return new Set(list.map((item) => (typeof item === 'string' ? item : String((item as { fingerprint?: unknown }).fingerprint))));
}

function scanText(scanner: Scanner, text: string, display: string, tracked: boolean): FileFinding[] {
  return scanner.scan(text, display).map((f) => ({ ...f, file: display, tracked }));
}

export async function scan(ctx: CommandContext): Promise<number> {
  const format = stringFlag(ctx.args, 'format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new CliFailure('USAGE', `--format: "${format}" must be text, json or sarif`);
  const maxBytes = stringFlag(ctx.args, 'max-size') ? Number(stringFlag(ctx.args, 'max-size')) * 1024 : DEFAULT_MAX_FILE_BYTES;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new CliFailure('USAGE', '--max-size must be a number of KiB');
  const baselineFile = stringFlag(ctx.args, 'baseline');
  const baseline = baselineFile ? readBaseline(baselineFile) : null;
  const known = await knownIndex(ctx);
  const scanner = createScanner(known ? { knownValues: known } : {});
  const cwd = process.cwd();
  const findings: FileFinding[] = [];
  let files = 0;
  let ignoredFingerprints = new Set<string>();

  if (boolFlag(ctx.args, 'staged')) {
    if (ctx.args.positionals.length > 0) throw new CliFailure('USAGE', '--staged scans what `git commit` would record; give no paths');
    const top = git(['rev-parse', '--show-toplevel'], cwd)?.toString().trim();
    if (!top) throw new CliFailure('USAGE', '--staged: not inside a git repository');
    ignoredFingerprints = new WorkspaceIgnore(top).fingerprints;
    const names = git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'], top)?.toString().split('\0').filter(Boolean) ?? [];
    const filter = new WorkspaceIgnore(top);
    for (const name of names) {
      if (filter.ignores(resolve(top, name), false)) continue;
      const blob = git(['show', `:${name}`], top);
      if (!blob || blob.length > maxBytes || looksBinary(blob)) continue;
      files++;
      // Already in history when the last commit has this file: then the secret may be exposed.
      const inHistory = git(['cat-file', '-e', `HEAD:${name}`], top) !== null;
      findings.push(...scanText(scanner, blob.toString('utf8'), name, inHistory));
    }
  } else {
    const roots = ctx.args.positionals.length > 0 ? ctx.args.positionals.map((p) => resolve(p)) : [cwd];
    const tracked = trackedFiles(cwd);
    for (const root of roots) {
      if (!existsSync(root)) throw new CliFailure('USAGE', `no such file or folder: ${relative(cwd, root) || root}`);
      const single = statSync(root).isFile();
      const filter = new WorkspaceIgnore(single ? cwd : root);
      for (const fp of filter.fingerprints) ignoredFingerprints.add(fp);
      const candidates = single ? [{ path: root, size: statSync(root).size }] : walkFiles(root, filter);
      for (const { path, size } of candidates) {
        if (size > maxBytes) continue;
        const display = relative(cwd, path) || path;
        const found = scanFile(scanner, path, display, maxBytes);
        if (found === null) continue;
        files++;
        findings.push(...found.map((f) => ({ ...f, file: display, tracked: tracked?.has(path) ?? false })));
      }
    }
  }

  const reported = findings.filter((f) => !ignoredFingerprints.has(f.fingerprint) && !(baseline?.has(f.fingerprint) ?? false));
  const leaks = reported.filter((f) => f.secretKind !== 'stub');
  const shown = boolFlag(ctx.args, 'include-stubs') ? reported : leaks;
  if (format === 'json') ctx.printJson(toJsonFindings(shown));
  else if (format === 'sarif') ctx.printJson(toSarif(shown, process.env.LATCH_VERSION ?? '0.1.0'));
  else {
    if (shown.length > 0) ctx.print(toText(shown));
    ctx.io.stderr.write(`latch scan: ${files} files, ${leaks.length} secrets found${baseline ? ' (new since the baseline)' : ''}.\n`);
  }
  return leaks.length > 0 ? EXIT.FAILURE : EXIT.OK;
}
