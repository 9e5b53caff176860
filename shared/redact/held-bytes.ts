// The bytes a masker holds back between pushes, kept at the start of one reusable buffer
// so that a push allocates nothing but its output.

const INITIAL_CAPACITY = 1024;
/** A store grown past this by one big chunk is given back once little is held again. */
const SHRINK_ABOVE = 1 << 20;

export class HeldBytes {
  private store = new Uint8Array(INITIAL_CAPACITY);
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** The held bytes followed by `chunk`: `chunk` itself if nothing is held. Valid until the next call. */
  followedBy(chunk: Uint8Array): Uint8Array {
    if (this.count === 0) return chunk;
    const total = this.count + chunk.length;
    if (total > this.store.length) {
      const bigger = new Uint8Array(Math.max(total, 2 * this.store.length));
      bigger.set(this.store.subarray(0, this.count));
      this.store = bigger;
    }
    this.store.set(chunk, this.count);
    return this.store.subarray(0, total);
  }

  /** The held bytes alone. Valid until the next call. */
  view(): Uint8Array {
    return this.store.subarray(0, this.count);
  }

  /** Holds `buf[from:]` from now on; `buf` is a result of followedBy/view or any caller array. */
  keep(buf: Uint8Array, from: number): void {
    const rest = buf.length - from;
    const inStore = buf.buffer === this.store.buffer;
    if (this.store.length > SHRINK_ABOVE && rest <= SHRINK_ABOVE / 4) {
      const smaller = new Uint8Array(Math.max(INITIAL_CAPACITY, 2 * rest));
      smaller.set(buf.subarray(from));
      this.store = smaller;
    } else if (inStore) {
      this.store.copyWithin(0, buf.byteOffset - this.store.byteOffset + from, buf.byteOffset - this.store.byteOffset + buf.length);
    } else {
      if (rest > this.store.length) this.store = new Uint8Array(Math.max(rest, 2 * this.store.length));
      this.store.set(buf.subarray(from), 0);
    }
    this.count = rest;
  }

  clear(): void {
    this.count = 0;
  }
}
