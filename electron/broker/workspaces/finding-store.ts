import type { FindingInfo, WorkspaceMetrics } from '../../../shared/contract';
import type { Database } from '../store/database';

export type StoredFinding = Omit<FindingInfo, 'fixes'>;

interface FindingRow {
  fingerprint: string;
  workspace: string;
  file: string;
  line: number;
  col: number;
  end_line: number;
  end_col: number;
  rule: string;
  provider: string;
  severity: FindingInfo['severity'];
  kind: FindingInfo['kind'];
  redacted: string;
  message: string;
  tracked: number;
  state: FindingInfo['state'];
  detected_at: string;
  closed_at: string | null;
  offset: number;
  length: number;
}

const fromRow = (r: FindingRow): StoredFinding & { offset: number; length: number } => ({
  fingerprint: r.fingerprint,
  workspace: r.workspace,
  file: r.file,
  line: r.line,
  column: r.col,
  endLine: r.end_line,
  endColumn: r.end_col,
  rule: r.rule,
  provider: r.provider,
  severity: r.severity,
  kind: r.kind,
  redacted: r.redacted,
  message: r.message,
  tracked: r.tracked === 1,
  state: r.state,
  detectedAt: r.detected_at,
  closedAt: r.closed_at,
  offset: r.offset,
  length: r.length,
});

/** Workspaces and their findings (redacted previews and fingerprints only, never values). */
export class FindingStore {
  constructor(private readonly db: Database) {}

  addWorkspace(path: string, source: 'user' | 'project' | 'vscode'): void {
    this.db.prepare('INSERT INTO workspaces (path, source, added_at) VALUES (?, ?, ?) ON CONFLICT(path) DO NOTHING').run(path, source, new Date().toISOString());
  }

  removeWorkspace(path: string): void {
    this.db.prepare('DELETE FROM workspaces WHERE path = ?').run(path);
  }

  workspaces(): Array<{ path: string; source: 'user' | 'project' | 'vscode'; addedAt: string }> {
    return (this.db.prepare('SELECT path, source, added_at FROM workspaces ORDER BY path').all() as Array<{ path: string; source: 'user' | 'project' | 'vscode'; added_at: string }>).map((r) => ({
      path: r.path,
      source: r.source,
      addedAt: r.added_at,
    }));
  }

  /** Open findings of one file (fingerprints), to diff against a fresh scan. */
  openInFile(workspace: string, file: string): Map<string, StoredFinding> {
    const rows = this.db.prepare("SELECT * FROM findings WHERE workspace = ? AND file = ? AND state = 'open'").all(workspace, file) as FindingRow[];
    return new Map(rows.map((r) => [r.fingerprint, fromRow(r)]));
  }

  get(fingerprint: string): (StoredFinding & { offset: number; length: number }) | null {
    const row = this.db.prepare('SELECT * FROM findings WHERE fingerprint = ?').get(fingerprint) as FindingRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Insert or re-open a finding; its position is refreshed. Returns true when it is newly open. */
  upsertOpen(f: StoredFinding & { offset: number; length: number }): boolean {
    const existing = this.get(f.fingerprint);
    if (existing && existing.state === 'ignored') return false;
    this.db
      .prepare(
        `INSERT INTO findings (fingerprint, workspace, file, line, col, end_line, end_col, rule, provider, severity, kind, redacted, message, tracked, state, detected_at, closed_at, offset, length)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, NULL, ?, ?)
         ON CONFLICT(fingerprint) DO UPDATE SET workspace = excluded.workspace, file = excluded.file, line = excluded.line, col = excluded.col,
           end_line = excluded.end_line, end_col = excluded.end_col, tracked = excluded.tracked, offset = excluded.offset, length = excluded.length,
           state = 'open', closed_at = NULL,
           detected_at = CASE WHEN findings.state = 'open' THEN findings.detected_at ELSE excluded.detected_at END`,
      )
      .run(f.fingerprint, f.workspace, f.file, f.line, f.column, f.endLine, f.endColumn, f.rule, f.provider, f.severity, f.kind, f.redacted, f.message, f.tracked ? 1 : 0, f.detectedAt, f.offset, f.length);
    return !existing || existing.state !== 'open';
  }

  close(fingerprint: string, state: 'fixed' | 'ignored'): void {
    this.db.prepare('UPDATE findings SET state = ?, closed_at = ? WHERE fingerprint = ?').run(state, new Date().toISOString(), fingerprint);
  }

  list(filter: { workspace?: string; state?: FindingInfo['state'] }): Array<StoredFinding & { offset: number; length: number }> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.workspace) {
      where.push('workspace = ?');
      params.push(filter.workspace);
    }
    if (filter.state) {
      where.push('state = ?');
      params.push(filter.state);
    }
    const sql = `SELECT * FROM findings ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY state = 'open' DESC, detected_at DESC LIMIT 2000`;
    return (this.db.prepare(sql).all(...params) as FindingRow[]).map(fromRow);
  }

  openCount(workspace?: string): number {
    const row = (workspace
      ? this.db.prepare("SELECT COUNT(*) AS n FROM findings WHERE state = 'open' AND kind != 'stub' AND workspace = ?").get(workspace)
      : this.db.prepare("SELECT COUNT(*) AS n FROM findings WHERE state = 'open' AND kind != 'stub'").get()) as { n: number };
    return row.n;
  }

  metrics(): WorkspaceMetrics {
    const rows = this.db.prepare("SELECT workspace, state, COUNT(*) AS n FROM findings WHERE kind != 'stub' GROUP BY workspace, state").all() as Array<{ workspace: string; state: string; n: number }>;
    const per = new Map<string, { path: string; open: number; fixed: number; ignored: number }>();
    for (const row of rows) {
      const entry = per.get(row.workspace) ?? { path: row.workspace, open: 0, fixed: 0, ignored: 0 };
      entry[row.state as 'open' | 'fixed' | 'ignored'] += row.n;
      per.set(row.workspace, entry);
    }
    const durations = (this.db.prepare("SELECT (julianday(closed_at) - julianday(detected_at)) * 86400 AS s FROM findings WHERE state = 'fixed' AND closed_at IS NOT NULL ORDER BY s").all() as Array<{ s: number }>).map((r) => r.s);
    const total = (key: 'open' | 'fixed' | 'ignored') => [...per.values()].reduce((sum, e) => sum + e[key], 0);
    return {
      open: total('open'),
      fixed: total('fixed'),
      ignored: total('ignored'),
      medianSecondsToFix: durations.length ? Math.round((durations[Math.floor(durations.length / 2)] as number) * 10) / 10 : null,
      perWorkspace: [...per.values()],
    };
  }
}
