/**
 * Token values the broker read from the OS keychain, kept in memory for a while so that
 * repeated leases (every `latch run` of an edit-test loop) do not ask the Secret Service
 * again — as 1Password's app answers `op run` from its unlocked vault. Never written
 * anywhere; Lock, rotate and remove drop entries; `ttlMs` 0 turns caching off.
 */
export class ValueCache {
  private readonly entries = new Map<string, { value: string; until: number }>();
  /** Bumped by every delete and clear: a read that began before one must not be cached. */
  private generationCount = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Take before reading the keychain; pass to `set` with what was read. */
  get generation(): number {
    return this.generationCount;
  }

  /** Caches `value` unless an entry was deleted or the cache cleared since `generation`. */
  set(key: string, value: string, generation: number): void {
    if (this.ttlMs > 0 && generation === this.generationCount) this.entries.set(key, { value, until: this.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.generationCount++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generationCount++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Default: 5 minutes. `LATCH_KEYCHAIN_CACHE_SECONDS` (0 = off) overrides it; nonsense is ignored. */
export function valueCacheTtlMs(env: Record<string, string | undefined>): number {
  const text = env.LATCH_KEYCHAIN_CACHE_SECONDS;
  if (text === undefined || !/^\d{1,6}$/.test(text.trim())) return 5 * 60_000;
  return Number(text.trim()) * 1000;
}
