// Coalesces concurrent rememberNonce calls into one INSERT: while a few batches are in
// flight, new nonces wait and go in the next batch, so a busy hub does one round trip (and
// one commit) for many calls. An idle hub sends each nonce at once (a batch of one).
// Rows are inserted sorted by (key id, nonce) so overlapping batches always take their index
// locks in the same order and cannot deadlock; a batch that fails anyway is retried one by one.

import type pg from 'pg';

interface PendingNonce {
  keyId: string;
  nonce: string;
  expiresAt: Date;
  resolve(fresh: boolean): void;
  reject(error: unknown): void;
}

const MAX_IN_FLIGHT = 4;
const MAX_BATCH = 500;

const INSERT_BATCH = `
  WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
  INSERT INTO nonces (key_id, nonce, expires_at)
  SELECT t.key_id, t.nonce, t.expires_at
    FROM unnest($1::text[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS t(key_id, nonce, expires_at, position), async_commit
   ORDER BY t.position
  ON CONFLICT DO NOTHING
  RETURNING key_id, nonce`;

const pairKey = (keyId: string, nonce: string): string => `${keyId}\u0000${nonce}`;

export class NonceWriter {
  private queue: PendingNonce[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly pool: pg.Pool) {}

  /** Resolves once every nonce handed in so far has been written (or has failed). */
  drain(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** True the first time (keyId, nonce) is seen. */
  remember(keyId: string, nonce: string, expiresAt: Date): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ keyId, nonce, expiresAt, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT || this.queue.length === 0) return;
    this.scheduled = true;
    // After the current tick: calls made in the same tick share a batch.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight += 1;
      void this.write(batch).finally(() => {
        this.inFlight -= 1;
        this.schedule();
        if (this.inFlight === 0 && this.queue.length === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const resolve of waiters) resolve();
        }
      });
    }
  }

  private async write(items: PendingNonce[]): Promise<void> {
    // The same pair twice in one batch: the later ones are replays.
    const first = new Map<string, PendingNonce>();
    const replays: PendingNonce[] = [];
    for (const item of items) {
      const key = pairKey(item.keyId, item.nonce);
      if (first.has(key)) replays.push(item);
      else first.set(key, item);
    }
    const unique = [...first.values()].sort((a, b) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : a.nonce < b.nonce ? -1 : a.nonce > b.nonce ? 1 : 0));
    try {
      const inserted = await this.insert(unique);
      for (const item of unique) item.resolve(inserted.has(pairKey(item.keyId, item.nonce)));
    } catch (error) {
      if (unique.length === 1) {
        unique[0]?.reject(error);
      } else {
        for (const item of unique) {
          await this.insert([item]).then(
            (inserted) => item.resolve(inserted.size === 1),
            (single: unknown) => item.reject(single),
          );
        }
      }
    }
    for (const item of replays) item.resolve(false);
  }

  private async insert(items: PendingNonce[]): Promise<Set<string>> {
    const result = await this.pool.query<{ key_id: string; nonce: string }>(INSERT_BATCH, [items.map((i) => i.keyId), items.map((i) => i.nonce), items.map((i) => i.expiresAt)]);
    return new Set(result.rows.map((row) => pairKey(row.key_id, row.nonce)));
  }
}
