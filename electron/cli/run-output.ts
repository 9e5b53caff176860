// One output stream of a `latch run` child, written to ours through the masker.

import type { Readable, Writable } from 'node:stream';
import { createMasker } from '../../shared/redact/masker';
import type { MaskedSecret, OutputMasker } from '../../shared/redact/types';

/**
 * Writes chunks to `out` with `secrets` masked. The masker is built on the first output
 * (compiling the patterns costs more than a silent command takes). Unchanged output goes
 * out as views of the chunks given, without copies.
 */
export class MaskedWriter {
  private masker: OutputMasker | null = null;
  private stream: Writable | null = null;
  /** Set when the reader went away (EPIPE): later output is dropped, as `cat | head` does. */
  private broken = false;
  private readonly brokenListeners: Array<() => void> = [];

  /** `out` is asked for on the first output only: a silent command never makes the stream. */
  constructor(
    private readonly out: () => Writable,
    private readonly secrets: readonly MaskedSecret[],
  ) {}

  private get target(): Writable {
    if (this.stream) return this.stream;
    const stream = this.out();
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      this.broken = true;
      for (const listener of this.brokenListeners.splice(0)) listener();
    });
    this.stream = stream;
    return stream;
  }

  /** The reader of `out` closed its end: the source should stop too. */
  onBroken(listener: () => void): void {
    if (this.broken) listener();
    else this.brokenListeners.push(listener);
  }

  /**
   * Writes `chunk` masked. True when nothing refers to `chunk` any more: stdout and stderr
   * to a file, a pipe or a terminal write synchronously on Linux. False when some of it
   * is still queued (then `chunk` must not be reused).
   */
  write(chunk: Uint8Array): boolean {
    if (this.broken) return true;
    this.masker ??= createMasker(this.secrets);
    const target = this.target;
    for (const part of this.masker.pushParts(chunk)) target.write(part);
    return target.writableLength === 0;
  }

  /** Whether the caller should wait for `onDrain` before writing more. */
  get needsDrain(): boolean {
    return this.target.writableNeedDrain;
  }

  onDrain(listener: () => void): void {
    this.target.once('drain', listener);
  }

  /** The stream ended: write what the masker still held. */
  end(): void {
    const rest = this.masker?.flush();
    if (rest && rest.length > 0 && !this.broken) this.target.write(rest);
    this.masker = null;
  }
}

/** Copies a readable stream (a child's stdout or stderr pipe) through `writer`. */
export function forwardStream(source: Readable, writer: MaskedWriter): Promise<void> {
  // Our reader is gone: close the child's pipe so its next write gets SIGPIPE, as in a shell pipeline.
  writer.onBroken(() => source.destroy());
  source.on('data', (chunk: Buffer) => {
    // Back-pressure only while writes are really queued; pausing after each synchronous
    // write would only stop and restart the child's pipe once per chunk.
    if (!writer.write(chunk) && writer.needsDrain) {
      source.pause();
      writer.onDrain(() => source.resume());
    }
  });
  return new Promise((resolve) => {
    source.once('close', () => {
      writer.end();
      resolve();
    });
  });
}
