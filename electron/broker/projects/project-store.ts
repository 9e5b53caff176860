import type { Database } from '../store/database';

export interface ProjectRecord {
  path: string;
  id: string;
  templateFile: string;
  source: 'user' | 'discovered';
  addedAt: string;
}

interface ProjectRow {
  path: string;
  id: string;
  template_file: string;
  source: 'user' | 'discovered';
  added_at: string;
}

const fromRow = (row: ProjectRow): ProjectRecord => ({
  path: row.path,
  id: row.id,
  templateFile: row.template_file,
  source: row.source,
  addedAt: row.added_at,
});

/** Known projects (by folder) and stub rotation counters. No values here. */
export class ProjectStore {
  constructor(private readonly db: Database) {}

  upsert(record: ProjectRecord): void {
    this.db
      .prepare(
        `INSERT INTO projects (path, id, template_file, source, added_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(path) DO UPDATE SET id = excluded.id, template_file = excluded.template_file,
           source = CASE WHEN projects.source = 'user' THEN 'user' ELSE excluded.source END`,
      )
      .run(record.path, record.id, record.templateFile, record.source, record.addedAt);
  }

  list(): ProjectRecord[] {
    return (this.db.prepare('SELECT * FROM projects ORDER BY id, path').all() as ProjectRow[]).map(fromRow);
  }

  byPath(path: string): ProjectRecord | null {
    const row = this.db.prepare('SELECT * FROM projects WHERE path = ?').get(path) as ProjectRow | undefined;
    return row ? fromRow(row) : null;
  }

  byId(id: string): ProjectRecord[] {
    return (this.db.prepare('SELECT * FROM projects WHERE id = ? ORDER BY path').all(id) as ProjectRow[]).map(fromRow);
  }

  remove(path: string): void {
    this.db.prepare('DELETE FROM projects WHERE path = ?').run(path);
  }

  stubRotation(projectId: string, name: string): { rotation: number; rotatedAt: string | null } {
    const row = this.db.prepare('SELECT rotation, rotated_at FROM stub_rotations WHERE project_id = ? AND name = ?').get(projectId, name) as
      | { rotation: number; rotated_at: string }
      | undefined;
    return row ? { rotation: row.rotation, rotatedAt: row.rotated_at } : { rotation: 0, rotatedAt: null };
  }

  stubRotations(projectId: string): Map<string, string> {
    const rows = this.db.prepare('SELECT name, rotated_at FROM stub_rotations WHERE project_id = ?').all(projectId) as Array<{
      name: string;
      rotated_at: string;
    }>;
    return new Map(rows.map((row) => [row.name, row.rotated_at]));
  }

  bumpStubRotation(projectId: string, name: string): number {
    const at = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO stub_rotations (project_id, name, rotation, rotated_at) VALUES (?, ?, 1, ?)
         ON CONFLICT(project_id, name) DO UPDATE SET rotation = rotation + 1, rotated_at = excluded.rotated_at`,
      )
      .run(projectId, name, at);
    return this.stubRotation(projectId, name).rotation;
  }
}
