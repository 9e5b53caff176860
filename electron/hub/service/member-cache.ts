// memberByKeyId, the hot path of every signed call: answered from memory after the first
// lookup. Entries (including "no such key", so unknown keys cannot hammer the database) are
// dropped when a NOTIFY says that member changed, and all of them when the LISTEN connection
// was lost (a notification may have been missed). A lookup that raced an invalidation is not
// cached. Bounded: the oldest entries go first.

import type { MemberView } from '../service-types';

export const MEMBER_CACHE_LIMIT = 50_000;

export class MemberCache {
  private readonly entries = new Map<string, MemberView | null>();
  private readonly loading = new Map<string, Promise<MemberView | null>>();
  private generation = 0;

  constructor(
    private readonly load: (keyId: string) => Promise<MemberView | null>,
    private readonly limit = MEMBER_CACHE_LIMIT,
  ) {}

  get(keyId: string): Promise<MemberView | null> {
    const cached = this.entries.get(keyId);
    if (cached !== undefined) return Promise.resolve(cached);
    const pending = this.loading.get(keyId);
    if (pending !== undefined) return pending;
    const generation = this.generation;
    const promise = this.load(keyId).then(
      (member) => {
        this.loading.delete(keyId);
        if (generation === this.generation) this.remember(keyId, member);
        return member;
      },
      (error: unknown) => {
        this.loading.delete(keyId);
        throw error;
      },
    );
    this.loading.set(keyId, promise);
    return promise;
  }

  invalidate(keyId: string): void {
    this.generation += 1;
    this.entries.delete(keyId);
    this.loading.delete(keyId);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.loading.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remember(keyId: string, member: MemberView | null): void {
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(keyId, member);
  }
}
