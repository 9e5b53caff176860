// Worker thread for a workspace's initial scan: files in, findings out.
import { parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../../../shared/scan';
import { scanFile, scannerFor, type KnownIndexData } from './scan-file';

export interface ScanWorkerInput {
  files: Array<{ path: string; display: string }>;
  known: KnownIndexData | null;
}

export interface ScanWorkerOutput {
  results: Array<{ path: string; display: string; findings: Finding[] | null }>;
}

const input = workerData as ScanWorkerInput;
const scanner = scannerFor(input.known);
const output: ScanWorkerOutput = { results: input.files.map((file) => ({ ...file, findings: scanFile(scanner, file.path, file.display) })) };
parentPort?.postMessage(output);
