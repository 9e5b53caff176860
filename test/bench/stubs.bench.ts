// Stub generation throughput across the whole built-in catalogue.
//
// Used by test/bench/templates.bench.ts (npm run bench:stubs). Target: >= 100,000 stubs/s over the mix.

import { deriveStubSeed, generateStub, STUB_SHAPES } from '../../shared/stubs';

export interface ShapeThroughput {
  readonly id: string;
  readonly stubs: number;
  /**
   * From this shape's fastest batch, so it excludes GC pauses and preemption: for
   * comparing shapes with each other, not a capacity figure.
   */
  readonly stubsPerSecond: number;
}

export interface StubBenchResult {
  /** Stubs per second (wall clock) over an even mix of every catalogue shape. */
  readonly stubsPerSecond: number;
  /**
   * The same per second of this process's CPU time (user + system): less sensitive to
   * other processes competing for the cores, as on a shared CI machine.
   */
  readonly stubsPerCpuSecond: number;
  readonly totalStubs: number;
  readonly durationMs: number;
  /** deriveStubSeed calls per second (the broker derives one seed per stub it issues). */
  readonly seedDerivationsPerSecond: number;
  /** Slowest first. */
  readonly perShape: readonly ShapeThroughput[];
}

export interface StubBenchOptions {
  /** Wall-clock budget for generation, default 1000 ms. */
  readonly durationMs?: number;
  /** Stubs generated per shape between clock reads, default 32. */
  readonly batch?: number;
}

const SEED_POOL_SIZE = 1024;

function seedPool(): Uint8Array[] {
  const key = Uint8Array.from({ length: 32 }, (_, i) => (i * 13 + 1) & 0xff);
  return Array.from({ length: SEED_POOL_SIZE }, (_, i) => deriveStubSeed(key, 'bench', `SECRET_${i}`, 0));
}

function measureSeedDerivations(budgetMs: number): number {
  const key = new Uint8Array(32).fill(7);
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < budgetMs) {
    for (let i = 0; i < 100; i++) deriveStubSeed(key, 'bench-project', 'DATABASE_URL', count++);
  }
  return Math.round((count * 1000) / (performance.now() - start));
}

export function benchStubs(options: StubBenchOptions = {}): StubBenchResult {
  const durationMs = options.durationMs ?? 1000;
  const batch = options.batch ?? 32;
  const seeds = seedPool();
  const stubs = new Array<number>(STUB_SHAPES.length).fill(0);
  const fastestBatchMs = new Array<number>(STUB_SHAPES.length).fill(Infinity);
  let sink = 0;
  let seedIndex = 0;

  // Warm-up so the JIT has compiled every generator before timing.
  for (const shape of STUB_SHAPES) for (let i = 0; i < 20; i++) sink += generateStub(shape, seeds[i] as Uint8Array).length;

  const cpuStart = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < durationMs) {
    for (let s = 0; s < STUB_SHAPES.length; s++) {
      const shape = STUB_SHAPES[s];
      if (shape === undefined) continue;
      const batchStart = performance.now();
      for (let i = 0; i < batch; i++) {
        sink += generateStub(shape, seeds[seedIndex] as Uint8Array).length;
        seedIndex = (seedIndex + 1) % SEED_POOL_SIZE;
      }
      fastestBatchMs[s] = Math.min(fastestBatchMs[s] ?? Infinity, performance.now() - batchStart);
      stubs[s] = (stubs[s] ?? 0) + batch;
    }
  }
  const totalMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (sink === 0) throw new Error('benchmark produced nothing');

  const totalStubs = stubs.reduce((sum, count) => sum + count, 0);
  const perShape = STUB_SHAPES.map((shape, s) => ({
    id: shape.id,
    stubs: stubs[s] ?? 0,
    stubsPerSecond: Math.round((batch * 1000) / Math.max(fastestBatchMs[s] ?? Infinity, 1e-6)),
  })).sort((a, b) => a.stubsPerSecond - b.stubsPerSecond);

  return {
    stubsPerSecond: Math.round((totalStubs * 1000) / totalMs),
    stubsPerCpuSecond: Math.round((totalStubs * 1000) / Math.max(cpuMs, 1e-3)),
    totalStubs,
    durationMs: Math.round(totalMs),
    seedDerivationsPerSecond: measureSeedDerivations(Math.min(250, durationMs)),
    perShape,
  };
}
