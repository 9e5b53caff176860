// Planted corpus: a deterministic (seeded) set of realistic files with credentials of many
// formats planted among decoys, and the ground truth of where each one is. Used by the
// planted-corpus test (recall, no decoy flagged) and by the benchmark against other scanners.

import { ruleById, RULES } from '../../shared/scan/index';
import { GENERIC_DECOYS } from './decoys';
import { fillerLine, type FileKind } from './fillers';
import { type PlantContext, type PlantedValue, SECRET_MAKERS } from './makers/index';
import { type AssignmentStyle, renderAssignment, renderBare } from './render';
import { createRng, type Rng } from './rng';

export interface CorpusFile {
  readonly path: string;
  readonly content: string;
}

export interface PlantedSecret {
  readonly path: string;
  readonly ruleId: string;
  readonly provider: string;
  /** Offset and length of the reported part in the file. */
  readonly offset: number;
  readonly length: number;
  /** 1-based line of `offset`. */
  readonly line: number;
}

export interface PlantedDecoy {
  readonly path: string;
  /** What the decoy is (placeholder, uuid, checksum-invalid look-alike of rule X…). */
  readonly kind: string;
  readonly offset: number;
  readonly length: number;
  readonly line: number;
}

export interface PlantedCorpus {
  readonly files: readonly CorpusFile[];
  readonly secrets: readonly PlantedSecret[];
  readonly decoys: readonly PlantedDecoy[];
}

export interface PlantOptions {
  readonly seed?: number;
  /** How many times each rule's format is planted (default 3). */
  readonly plantsPerRule?: number;
  /** Rules to plant (default: every built-in rule). */
  readonly ruleIds?: readonly string[];
  /** Items (secrets or decoys) per file, before fillers (default 8). */
  readonly itemsPerFile?: number;
}

interface Item {
  readonly context: PlantContext;
  readonly name: string;
  readonly text: string;
  /** Substrings of `text` to record, with what they are. */
  readonly marks: readonly { readonly part: string; readonly ruleId?: string; readonly decoyKind?: string }[];
}

const ASSIGN_KINDS: readonly FileKind[] = ['env', 'yaml', 'json', 'ts', 'py', 'sh', 'minjs'];
const BARE_KINDS: readonly FileKind[] = ['log', 'md'];

const PATHS: Readonly<Record<FileKind, (n: number) => string>> = {
  env: (n) => `services/svc-${n}/.env`,
  yaml: (n) => `deploy/svc-${n}/values.yaml`,
  json: (n) => `config/settings-${n}.json`,
  ts: (n) => `src/config/settings${n}.ts`,
  py: (n) => `app/settings_${n}.py`,
  sh: (n) => `scripts/deploy-${n}.sh`,
  minjs: (n) => `public/assets/bundle-${n}.min.js`,
  log: (n) => `logs/app-${n}.log`,
  md: (n) => `docs/runbook-${n}.md`,
  pem: (n) => `keys/key-${n}.pem`,
};

const STYLE: Partial<Record<FileKind, AssignmentStyle>> = { env: 'env', yaml: 'yaml', json: 'json', ts: 'ts', py: 'python', sh: 'shell' };

function secretItem(ruleId: string, context: PlantContext, name: string, value: PlantedValue): Item {
  return { context, name, text: value.text, marks: [{ part: value.secret, ruleId }, ...(value.also ?? []).map((a) => ({ part: a.secret, ruleId: a.ruleId }))] };
}

function collectItems(rng: Rng, options: Required<Pick<PlantOptions, 'plantsPerRule'>> & { ruleIds: readonly string[] }): Item[] {
  const items: Item[] = [];
  for (const ruleId of options.ruleIds) {
    const maker = SECRET_MAKERS[ruleId];
    if (!maker) throw new Error(`no secret maker for rule ${ruleId}`);
    for (let k = 0; k < options.plantsPerRule; k++) {
      const context = maker.contexts[k % maker.contexts.length] as PlantContext;
      items.push(secretItem(ruleId, context, maker.name, maker.make(rng)));
    }
    const isNamed = ruleById(ruleId)?.kind === 'assignment' || !maker.contexts.includes('bare');
    for (const lookalike of maker.lookalikes(rng)) {
      if (!lookalike.decoy) continue;
      const context: PlantContext = maker.contexts[0] === 'block' ? 'block' : isNamed ? 'assign' : 'bare';
      items.push({ context, name: maker.name, text: lookalike.text, marks: [{ part: lookalike.text, decoyKind: `${ruleId}: ${lookalike.why}` }] });
    }
  }
  for (const factory of GENERIC_DECOYS) {
    for (let k = 0; k < 2; k++) {
      const decoy = factory(rng);
      items.push({ context: decoy.context, name: decoy.name ?? 'value', text: decoy.text, marks: [{ part: decoy.text, decoyKind: decoy.kind }] });
    }
  }
  // Shuffle (Fisher-Yates) so files mix formats and decoys.
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j] as Item, items[i] as Item];
  }
  return items;
}

function renderItem(kind: FileKind, item: Item, rng: Rng): string {
  if (item.context === 'block') return kind === 'md' ? `\`\`\`\n${item.text}\n\`\`\`` : item.text;
  if (item.context === 'bare') return renderBare(item.text, rng.int(3));
  if (kind === 'minjs') return `${/^[A-Za-z_$][\w$]*$/.test(item.name) ? item.name : JSON.stringify(item.name)}:${JSON.stringify(item.text)}`;
  return renderAssignment(STYLE[kind] ?? 'env', item.name, item.text);
}

/** Joins pieces into file text, returning where each piece starts. */
function layout(kind: FileKind, pieces: readonly { text: string; item?: Item }[]): { content: string; starts: number[] } {
  const starts: number[] = [];
  let content = '';
  if (kind === 'minjs') {
    content = '!function(){var cfg={';
    pieces.forEach((p, i) => {
      if (i > 0) content += ',';
      starts.push(content.length);
      content += p.item ? p.text : `_${i}:function(){${p.text}}`;
    });
    content += '};window.__cfg=cfg}();\n';
    return { content, starts };
  }
  const jsonLike = kind === 'json';
  if (jsonLike) content = '{\n';
  pieces.forEach((p, i) => {
    starts.push(content.length + (jsonLike ? 2 : 0));
    const last = i === pieces.length - 1;
    content += jsonLike ? `  ${p.text}${last ? '' : ','}\n` : `${p.text}\n`;
  });
  if (jsonLike) content += '}\n';
  return { content, starts };
}

function lineOf(content: string, offset: number): number {
  let line = 1;
  for (let i = content.indexOf('\n'); i >= 0 && i < offset; i = content.indexOf('\n', i + 1)) line++;
  return line;
}

/** Builds the corpus. Same options, same files, byte for byte. */
export function plantCorpus(options: PlantOptions = {}): PlantedCorpus {
  const rng = createRng(options.seed ?? 20240501);
  const ruleIds = options.ruleIds ?? RULES.map((r) => r.id);
  const itemsPerFile = options.itemsPerFile ?? 8;
  const items = collectItems(rng, { plantsPerRule: options.plantsPerRule ?? 3, ruleIds });

  const queues: Record<PlantContext, Item[]> = { assign: [], bare: [], block: [] };
  for (const item of items) queues[item.context].push(item);

  const files: CorpusFile[] = [];
  const secrets: PlantedSecret[] = [];
  const decoys: PlantedDecoy[] = [];
  const counters = new Map<FileKind, number>();

  const emit = (kind: FileKind, chosen: readonly Item[]): void => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const path = PATHS[kind](n);
    const pieces: { text: string; item?: Item }[] = [];
    for (const item of chosen) {
      const fillers = kind === 'pem' ? 0 : rng.between(1, 4);
      for (let f = 0; f < fillers; f++) pieces.push({ text: fillerLine(kind, rng) });
      pieces.push({ text: renderItem(kind, item, rng), item });
    }
    if (kind !== 'pem') pieces.push({ text: fillerLine(kind, rng) });
    const { content, starts } = layout(kind, pieces);
    pieces.forEach((piece, index) => {
      if (!piece.item) return;
      const start = starts[index] as number;
      for (const mark of piece.item.marks) {
        // The part as written: raw, or escaped by a JSON / code string literal.
        const written = [mark.part, JSON.stringify(mark.part).slice(1, -1)].find((form) => piece.text.includes(form));
        if (written === undefined) throw new Error(`planted text not found in ${path}`);
        const offset = start + piece.text.indexOf(written);
        const line = lineOf(content, offset);
        if (mark.ruleId !== undefined) {
          const rule = ruleById(mark.ruleId);
          secrets.push({ path, ruleId: mark.ruleId, provider: rule?.provider ?? '', offset, length: written.length, line });
        } else {
          decoys.push({ path, kind: mark.decoyKind ?? 'decoy', offset, length: written.length, line });
        }
      }
    });
    files.push({ path, content });
  };

  while (queues.assign.length > 0) emit(rng.pick(ASSIGN_KINDS), queues.assign.splice(0, itemsPerFile));
  while (queues.bare.length > 0) emit(rng.pick(BARE_KINDS), queues.bare.splice(0, itemsPerFile));
  while (queues.block.length > 0) {
    const item = queues.block[0] as Item;
    const pemOnly = /^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(item.text) && rng.chance(0.5);
    emit(pemOnly ? 'pem' : 'md', queues.block.splice(0, pemOnly ? 1 : Math.max(1, itemsPerFile / 2)));
  }
  return { files, secrets, decoys };
}
