// npm run bench:stubs — stubs generated per second over the whole catalogue, and the time to
// parse and resolve a 500-entry latch.yaml. Targets: >= 100,000 stubs/s; < 20 ms.
import { parseTemplate, resolveTemplate } from '../../shared/manifest';
import { STUB_SHAPES } from '../../shared/stubs';
import { bigTemplateText } from '../unit/manifest/bigTemplate';
import { benchStubs } from './stubs.bench';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const stubs = benchStubs({ durationMs: 2000 });
const text = bigTemplateText(500);
const knownShapeIds = STUB_SHAPES.map((s) => s.id);
const first = performance.now();
parseTemplate(text, 'latch.yaml', { knownShapeIds });
const coldMs = performance.now() - first;
const times: number[] = [];
for (let i = 0; i < 50; i++) {
  const start = performance.now();
  const parsed = parseTemplate(text, 'latch.yaml', { knownShapeIds });
  if (!parsed.ok) throw new Error('the 500-entry template did not parse');
  const resolved = resolveTemplate(parsed.template, Object.keys(parsed.template.environments)[0]);
  if (!resolved.ok || resolved.resolved.secrets.length !== 500) throw new Error('resolution failed');
  times.push(performance.now() - start);
}

const row = (a: string, b: string, c: string, d: string) => `${a.padEnd(46)}${b.padStart(16)}${c.padStart(16)}${d.padStart(10)}`;
console.log(`\nbench:stubs — node ${process.version}, ${STUB_SHAPES.length} shapes, ${new Date().toISOString()}\n`);
console.log(row('', 'measured', 'target', ''));
console.log(row('stubs/s, even mix of the catalogue (wall)', Math.round(stubs.stubsPerSecond).toLocaleString('en'), '≥ 100,000', stubs.stubsPerSecond >= 100_000 ? 'MET' : 'MISSED'));
console.log(row('stubs/s per CPU second', Math.round(stubs.stubsPerCpuSecond).toLocaleString('en'), '', ''));
console.log(row('seed derivations/s (HMAC-SHA256)', stubs.seedDerivationsPerSecond.toLocaleString('en'), '', ''));
console.log(row(`parse + resolve 500 entries (${(text.length / 1024).toFixed(0)} KB), median`, `${median(times).toFixed(1)} ms`, '< 20 ms', median(times) < 20 ? 'MET' : 'MISSED'));
console.log(row('  fastest / first call (cold JIT)', `${Math.min(...times).toFixed(1)} / ${coldMs.toFixed(0)} ms`, '', ''));
console.log(`\nslowest shapes: ${stubs.perShape.slice(0, 3).map((s) => `${s.id} ${Math.round(s.stubsPerSecond).toLocaleString('en')}/s`).join(', ')}`);
