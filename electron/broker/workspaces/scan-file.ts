import { createHmac } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createScanner, type Finding, type KnownValueIndex, type Scanner } from '../../../shared/scan';
import { DEFAULT_MAX_FILE_BYTES, looksBinary } from './file-filter';

export interface KnownIndexData {
  key: string;
  entries: Array<{ hash: string; label: string; kind: 'personal' | 'lease' | 'stub'; length: number }>;
}

export function knownValueIndex(data: KnownIndexData): KnownValueIndex {
  const key = Buffer.from(data.key, 'base64');
  return {
    values: new Map(data.entries.map((e) => [e.hash, { label: e.label, kind: e.kind, length: e.length }])),
    hash: (candidate) => createHmac('sha256', key).update(candidate).digest('hex'),
  };
}

export function scannerFor(known: KnownIndexData | null): Scanner {
  return createScanner(known ? { knownValues: knownValueIndex(known) } : {});
}

/** Findings of one file; null when it is skipped (gone, too big, binary). */
export function scanFile(scanner: Scanner, path: string, display: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Finding[] | null {
  let bytes: Buffer;
  try {
    if (statSync(path).size > maxBytes) return null;
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  if (looksBinary(bytes)) return null;
  return scanner.scan(bytes.toString('utf8'), display);
}
