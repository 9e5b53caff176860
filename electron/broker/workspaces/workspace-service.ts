import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, watch } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as parcelWatcher from '@parcel/watcher';
import { ContractFailure, type FindingInfo, type FixAction, type WorkspaceInfo } from '../../../shared/contract';
import type { Finding, Scanner } from '../../../shared/scan';
import type { BrokerEvents } from '../events';
import type { Logger } from '../log';
import { writeFileAtomic } from '../projects/atomic-file';
import type { Caller, TokenVault } from '../vault/token-vault';
import { hasBinaryExtension, isSkippedDir, WorkspaceIgnore } from './file-filter';
import type { FindingStore, StoredFinding } from './finding-store';
import type { KnownValues } from './known-values';
import { scanFile, scannerFor, type KnownIndexData } from './scan-file';
import type { ScanWorkerOutput } from './scan-worker';
import { walkFiles } from './walk-files';

interface Watched {
  root: string;
  subscription: { close(): void } | null;
  filter: WorkspaceIgnore;
  tracked: Set<string>;
  files: number;
  scannedAt: string | null;
  problem: string | null;
}

const ENV_LIKE = /(^|[/\\])\.env(\.[\w.-]+)?$|\.(ya?ml|json|toml|ini|properties|conf|cfg)$/i;

function scanWorkerPath(): string {
  return process.env.LATCH_SCAN_WORKER ?? fileURLToPath(new URL('./scan-worker.mjs', import.meta.url));
}

function gitTracked(root: string): Set<string> {
  try {
    const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return new Set(out.toString().split('\0').filter(Boolean).map((f) => resolve(top, f)));
  } catch {
    return new Set();
  }
}

/** The folders open in VS Code, where its state file can be read. */
export function vscodeFolders(home = homedir()): string[] {
  const candidates = [join(home, '.config', 'Code', 'User', 'globalStorage', 'storage.json'), join(home, 'Library', 'Application Support', 'Code', 'User', 'globalStorage', 'storage.json')];
  for (const file of candidates) {
    try {
      const state = JSON.parse(readFileSync(file, 'utf8')) as { windowsState?: { lastActiveWindow?: { folder?: string }; openedWindows?: Array<{ folder?: string }> } };
      const windows = [state.windowsState?.lastActiveWindow, ...(state.windowsState?.openedWindows ?? [])];
      return [...new Set(windows.flatMap((w) => (w?.folder?.startsWith('file://') ? [fileURLToPath(w.folder)] : [])))].filter((p) => existsSync(p));
    } catch {
      // Not installed or unreadable: nothing to add.
    }
  }
  return [];
}

/**
 * Watches workspaces with the OS's native watcher (fs.watch recursive: inotify/FSEvents;
 * @parcel/watcher as the fallback), scans saved files at once and keeps findings current: new ones
 * open (event + notification), ones no longer in the file close as fixed.
 */
export class WorkspaceService {
  private readonly watched = new Map<string, Watched>();
  private known: KnownIndexData | null = null;
  /** Compiled once per known-value index: building a scanner compiles every rule. */
  private scanner: Scanner | null = null;

  constructor(
    private readonly store: FindingStore,
    private readonly knownValues: KnownValues,
    private readonly vault: TokenVault,
    private readonly events: BrokerEvents,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    for (const folder of vscodeFolders()) this.store.addWorkspace(folder, 'vscode');
    for (const ws of this.store.workspaces()) await this.watch(ws.path).catch(() => undefined);
  }

  async add(path: string, source: 'user' | 'project' = 'user'): Promise<WorkspaceInfo> {
    if (!existsSync(path) || !statSync(path).isDirectory()) throw new ContractFailure('NOT_FOUND', `${path} is not a folder`);
    this.store.addWorkspace(path, source);
    await this.watch(path);
    return this.info(path);
  }

  async remove(path: string): Promise<void> {
    this.watched.get(path)?.subscription?.close();
    this.watched.delete(path);
    this.store.removeWorkspace(path);
  }

  list(): WorkspaceInfo[] {
    return this.store.workspaces().map((ws) => this.info(ws.path));
  }

  findings(filter: { workspace?: string; state?: FindingInfo['state'] }): FindingInfo[] {
    return this.store.list(filter).map((f) => ({ ...publicFinding(f), fixes: fixesFor(f) }));
  }

  metrics() {
    return this.store.metrics();
  }

  async close(): Promise<void> {
    for (const w of this.watched.values()) w.subscription?.close();
    this.watched.clear();
  }

  /** Known values changed (token added/rotated, lease started/ended): next scans use the new index. */
  invalidateKnown(): void {
    this.known = null;
    this.scanner = null;
  }

  private info(path: string): WorkspaceInfo {
    const ws = this.store.workspaces().find((w) => w.path === path);
    const w = this.watched.get(path);
    return {
      path,
      source: ws?.source ?? 'user',
      addedAt: ws?.addedAt ?? new Date().toISOString(),
      watching: w?.subscription != null,
      problem: w?.problem ?? null,
      files: w?.files ?? 0,
      openFindings: this.store.openCount(path),
      scannedAt: w?.scannedAt ?? null,
    };
  }

  private async knownIndex(): Promise<KnownIndexData | null> {
    if (this.known) return this.known;
    try {
      this.known = await this.knownValues.index();
    } catch {
      this.known = null;
    }
    return this.known;
  }

  private async watch(root: string): Promise<void> {
    if (this.watched.has(root)) return;
    const w: Watched = { root, subscription: null, filter: new WorkspaceIgnore(root), tracked: gitTracked(root), files: 0, scannedAt: null, problem: null };
    this.watched.set(root, w);
    try {
      w.subscription = this.watchWithNode(w);
    } catch (nodeError) {
      // fs.watch could not cover the tree (e.g. the inotify limit): try @parcel/watcher, which
      // needs fewer resources but batches events (~50 ms later).
      try {
        const parcel = await parcelWatcher.subscribe(
          root,
          (error, events) => {
            if (error) {
              w.problem = `watching stopped: ${error.message}`;
              return;
            }
            void this.onEvents(w, events);
          },
          { ignore: ['**/.git/**', '**/node_modules/**'] },
        );
        w.subscription = { close: () => void parcel.unsubscribe() };
        w.problem = null;
      } catch (error) {
        const message = `${error instanceof Error ? error.message : String(error)} ${nodeError instanceof Error ? nodeError.message : ''}`;
        w.problem = /ENOSPC|inotify|watch limit|too many/i.test(message)
          ? 'the inotify watch limit was hit: saved files are not rescanned live (degraded). Raise it: sudo sysctl fs.inotify.max_user_watches=524288'
          : `cannot watch this folder (${message.slice(0, 120)}); only scans on request`;
        this.logger.warn('workspace.watch_failed', { root });
      }
    }
    await this.initialScan(w);
  }

  private async initialScan(w: Watched): Promise<void> {
    const files: Array<{ path: string; display: string }> = [];
    for (const file of walkFiles(w.root, w.filter)) files.push({ path: file.path, display: relative(w.root, file.path) });
    w.files = files.length;
    const known = await this.knownIndex();
    const workers = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(files.length / 200)));
    const chunks = Array.from({ length: workers }, (_, i) => files.filter((_, k) => k % workers === i));
    const results = await Promise.all(chunks.map((chunk) => this.scanInWorker(chunk, known)));
    for (const result of results.flatMap((r) => r.results)) {
      if (result.findings) this.reconcile(w, result.path, result.display, result.findings);
    }
    w.scannedAt = new Date().toISOString();
    this.logger.info('workspace.scanned', { root: w.root, files: files.length, workers });
  }

  private scanInWorker(files: Array<{ path: string; display: string }>, known: KnownIndexData | null): Promise<ScanWorkerOutput> {
    if (files.length === 0) return Promise.resolve({ results: [] });
    return new Promise((resolvePromise) => {
      const worker = new Worker(scanWorkerPath(), { workerData: { files, known } });
      worker.once('message', (output: ScanWorkerOutput) => {
        resolvePromise(output);
        void worker.terminate();
      });
      worker.once('error', () => {
        // Fall back to this thread (e.g. the worker bundle is missing in a dev build).
        const scanner = scannerFor(known);
        resolvePromise({ results: files.map((f) => ({ ...f, findings: scanFile(scanner, f.path, f.display) })) });
      });
    });
  }

  /**
   * fs.watch (inotify per folder on Linux, FSEvents on macOS): events arrive within a few ms,
   * where @parcel/watcher batches them for ~50 ms. Events of one tick are coalesced per path.
   */
  private watchWithNode(w: Watched): { close(): void } {
    const pending = new Set<string>();
    let scheduled = false;
    const watcher = watch(w.root, { recursive: true, persistent: false }, (_event, name) => {
      if (name === null) return;
      pending.add(join(w.root, name.toString()));
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        const events = [...pending].map((path) => ({ path, type: existsSync(path) ? ('update' as const) : ('delete' as const) }));
        pending.clear();
        void this.onEvents(w, events);
      });
    });
    watcher.on('error', (error) => {
      w.problem = `watching stopped: ${error.message}`;
    });
    return { close: () => watcher.close() };
  }

  private async onEvents(w: Watched, events: ReadonlyArray<{ path: string; type: 'create' | 'update' | 'delete' }>): Promise<void> {
    if (!this.scanner) this.scanner = scannerFor(await this.knownIndex());
    const scanner = this.scanner;
    for (const event of events) {
      const rel = relative(w.root, event.path);
      if (rel.split(sep).some((part) => isSkippedDir(part))) continue;
      if (event.path.endsWith(`${sep}.gitignore`) || event.path.endsWith(`${sep}.latchignore`)) {
        w.filter = new WorkspaceIgnore(w.root);
        continue;
      }
      if (event.type === 'delete') {
        this.reconcile(w, event.path, rel, []);
        continue;
      }
      // A new folder (mkdir + files, a checkout, an unzip): the watcher reports only the folder.
      if (isDirectory(event.path)) {
        if (w.filter.ignores(event.path, true)) continue;
        for (const file of walkFiles(event.path, w.filter)) {
          const found = scanFile(scanner, file.path, relative(w.root, file.path));
          if (found) this.reconcile(w, file.path, relative(w.root, file.path), found);
        }
        continue;
      }
      if (hasBinaryExtension(event.path) || w.filter.ignores(event.path, false)) continue;
      const findings = scanFile(scanner, event.path, rel);
      if (findings) this.reconcile(w, event.path, rel, findings);
    }
  }

  /** A file's fresh findings against the stored open ones: open new, close vanished. */
  private reconcile(w: Watched, path: string, display: string, findings: readonly Finding[]): void {
    const previous = this.store.openInFile(w.root, display);
    const now = new Date().toISOString();
    for (const f of findings) {
      if (w.filter.fingerprints.has(f.fingerprint)) continue;
      previous.delete(f.fingerprint);
      const stored: StoredFinding & { offset: number; length: number } = {
        fingerprint: f.fingerprint,
        workspace: w.root,
        file: display,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        rule: f.ruleId,
        provider: f.provider,
        severity: f.severity,
        kind: f.secretKind,
        redacted: f.redacted,
        message: f.message,
        tracked: w.tracked.has(path),
        state: 'open',
        detectedAt: now,
        closedAt: null,
        offset: f.offset,
        length: f.length,
      };
      if (this.store.upsertOpen(stored) && f.secretKind !== 'stub') {
        this.events.emit('finding.opened', { fingerprint: f.fingerprint, workspace: w.root, file: display, line: f.line, rule: f.ruleId, severity: f.severity, kind: f.secretKind, message: f.message, tracked: stored.tracked });
      }
    }
    for (const gone of previous.keys()) {
      this.store.close(gone, 'fixed');
      this.events.emit('finding.closed', { fingerprint: gone, workspace: w.root, file: display, state: 'fixed' });
    }
  }

  async fix(fingerprint: string, action: FixAction, caller: Caller): Promise<{ state: FindingInfo['state']; detail: string }> {
    const finding = this.store.get(fingerprint);
    if (!finding) throw new ContractFailure('NOT_FOUND', `no finding ${fingerprint}`);
    const file = join(finding.workspace, finding.file);
    switch (action) {
      case 'ignore': {
        const latchignore = join(finding.workspace, '.latchignore');
        const current = existsSync(latchignore) ? readFileSync(latchignore, 'utf8') : '# Findings Latch should not report (latch:allow for single lines)\n';
        writeFileAtomic(latchignore, `${current}${current.endsWith('\n') ? '' : '\n'}fingerprint:${fingerprint} # ${finding.rule} in ${finding.file}:${finding.line}\n`);
        this.store.close(fingerprint, 'ignored');
        this.watched.get(finding.workspace)?.filter.fingerprints.add(fingerprint);
        this.events.emit('finding.closed', { fingerprint, workspace: finding.workspace, file: finding.file, state: 'ignored' });
        return { state: 'ignored', detail: 'added to .latchignore' };
      }
      case 'gitignore': {
        const gitignore = join(finding.workspace, '.gitignore');
        const current = existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '';
        const line = finding.file.split(sep).join('/');
        if (!current.split(/\r?\n/).includes(line)) writeFileAtomic(gitignore, `${current}${current === '' || current.endsWith('\n') ? '' : '\n'}${line}\n`);
        return { state: finding.state, detail: finding.tracked ? `added to .gitignore — but git already tracks it: rotate the secret, then \`git rm --cached ${line}\`` : 'added to .gitignore' };
      }
      case 'open-in-editor': {
        const editor = process.env.LATCH_EDITOR ?? 'code';
        const child = spawn(editor, editor.endsWith('code') ? ['--goto', `${file}:${finding.line}:${finding.column}`] : [file], { detached: true, stdio: 'ignore' });
        child.on('error', () => undefined);
        child.unref();
        return { state: finding.state, detail: `opened ${finding.file}:${finding.line} in ${editor}` };
      }
      case 'move-to-keychain':
        return this.moveToKeychain(finding, file, caller);
    }
  }

  /** Replace the value in a .env/config file by a reference and put it in the keychain. */
  private async moveToKeychain(finding: StoredFinding & { offset: number; length: number }, file: string, caller: Caller): Promise<{ state: FindingInfo['state']; detail: string }> {
    if (!ENV_LIKE.test(finding.file)) throw new ContractFailure('CONFLICT', 'move to keychain works for .env and config files; in code, read the value from the environment instead');
    const text = readFileSync(file, 'utf8');
    const value = text.slice(finding.offset, finding.offset + finding.length);
    if (value.length !== finding.length || finding.kind === 'stub') throw new ContractFailure('CONFLICT', 'the file changed since the scan; wait for the rescan and try again');
    const lineStart = text.lastIndexOf('\n', finding.offset - 1) + 1;
    const key = /([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[:=]\s*["']?$/.exec(text.slice(lineStart, finding.offset))?.[1] ?? 'SECRET';
    const envName = key.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
    const base = `ws-${envName.toLowerCase().replace(/_/g, '-')}`.slice(0, 56);
    const names = new Set(this.vault.list().map((t) => t.name));
    let name = base;
    for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
    await this.vault.add({ name, value, kind: finding.provider.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40) || 'generic', notes: `moved from ${finding.file}:${finding.line}` }, caller);
    const reference = /(^|[/\\])\.env/.test(finding.file) ? '' : `\${${envName}}`;
    writeFileAtomic(file, text.slice(0, finding.offset) + reference + text.slice(finding.offset + finding.length));
    this.store.close(finding.fingerprint, 'fixed');
    this.events.emit('finding.closed', { fingerprint: finding.fingerprint, workspace: finding.workspace, file: finding.file, state: 'fixed' });
    return { state: 'fixed', detail: `moved to the keychain as token "${name}"; inject it with a personal entry (token: ${name}) in latch.yaml` };
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function publicFinding(f: StoredFinding & { offset?: number; length?: number }): StoredFinding {
  const { offset: _offset, length: _length, ...rest } = f as StoredFinding & { offset: number; length: number };
  return rest;
}

function fixesFor(f: StoredFinding): FixAction[] {
  if (f.state !== 'open') return [];
  const fixes: FixAction[] = [];
  if (ENV_LIKE.test(f.file) && f.kind !== 'stub') fixes.push('move-to-keychain');
  fixes.push('gitignore', 'ignore', 'open-in-editor');
  return fixes;
}
