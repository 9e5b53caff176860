// A .env.example -> a first latch.yaml: one entry per variable that looks like a secret,
// described by the comment lines just above it (or its inline comment).

import { parseEnvLines, type EnvLine } from '../env/envLines';
import { guessEntry, type GuessShape } from './guessEntry';
import { defaultGuessShape } from './defaultGuessShape';
import { templateError, type TemplateWarning } from '../parse/templateError';
import { isKebabId, toKebabId } from '../model/names';
import { TEMPLATE_VERSION } from '../model/vocabulary';
import { buildEntry } from '../resolve/buildEntry';
import type { SecretEntry, Template } from '../model/schema';

export interface EnvExampleImportOptions {
  /** Defaults to defaultGuessShape. */
  readonly guessShape?: GuessShape;
  /** When given, guessed shapes outside it are dropped (the variable becomes personal). */
  readonly knownShapeIds?: readonly string[];
  /** Project id of the template; made kebab-case; `my-project` when absent. */
  readonly project?: string;
}

export interface EnvExampleImport {
  readonly template: Template;
  /** Variables skipped and guesses to check, located in the .env.example. */
  readonly notes: readonly TemplateWarning[];
}

const FIRST_URL = /https?:\/\/[^\s)>\]"']+/;

export function templateFromEnvExample(
  text: string,
  fileName: string,
  options: EnvExampleImportOptions = {},
): EnvExampleImport {
  const known = options.knownShapeIds ? new Set(options.knownShapeIds) : undefined;
  const guess = options.guessShape ?? defaultGuessShape;
  const guessShape: GuessShape = (key, value) => {
    const shape = guess(key, value);
    return shape !== undefined && (known === undefined || known.has(shape)) ? shape : undefined;
  };
  const lines = parseEnvLines(text);
  const secrets: Record<string, SecretEntry> = {};
  const notes: TemplateWarning[] = [];
  lines.forEach((line, index) => {
    if (line.kind !== 'assignment') return;
    const column = line.keyStart - line.start + 1;
    const note = (message: string) => notes.push(templateError(fileName, line.lineNumber, column, message));
    if (Object.hasOwn(secrets, line.key)) {
      note(`${line.key} is assigned again; the first assignment was used`);
      return;
    }
    const guessed = guessEntry(line.key, line.value, guessShape);
    if ('skipped' in guessed) {
      note(guessed.skipped);
      return;
    }
    if (guessed.note) note(guessed.note);
    secrets[line.key] = describe(guessed.entry, commentAbove(lines, index) ?? line.inlineComment?.replace(/^#\s*/, ''));
  });
  return {
    template: { version: TEMPLATE_VERSION, project: projectId(options.project), secrets, environments: {} },
    notes,
  };
}

function describe(entry: SecretEntry, comment: string | undefined): SecretEntry {
  const description = comment?.trim();
  if (!description) return entry;
  const docs = docsUrl(description);
  return buildEntry(entry.class, { ...entry, description, ...(docs ? { docs } : {}) });
}

function docsUrl(description: string): string | undefined {
  const url = FIRST_URL.exec(description)?.[0].replace(/[.,;:!?]+$/, '');
  if (url === undefined) return undefined;
  try {
    new URL(url);
    return url;
  } catch {
    return undefined;
  }
}

/** The comment lines right above line `index` (no blank line between), joined. */
function commentAbove(lines: readonly EnvLine[], index: number): string | undefined {
  const comments: string[] = [];
  for (let at = index - 1; at >= 0; at--) {
    const line = lines[at];
    if (line?.kind !== 'comment') break;
    comments.unshift(line.comment);
  }
  const text = comments.filter((comment) => comment !== '').join(' ');
  return text === '' ? undefined : text;
}

function projectId(project: string | undefined): string {
  if (project === undefined) return 'my-project';
  if (isKebabId(project)) return project;
  return toKebabId(project) ?? 'my-project';
}
