import { chmodSync, copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { ContractFailure, type EnvMigrateOutput } from '../../../shared/contract';
import {
  defaultGuessShape,
  mergeTemplateText,
  parseEnvLines,
  serializeTemplate,
  stripEnvValues,
  toKebabId,
  type SecretEntry,
  type Template,
} from '../../../shared/manifest';
import { stubShapeById } from '../../../shared/stubs';
import type { AuditLog } from '../audit/audit-log';
import type { Caller, TokenVault } from '../vault/token-vault';
import { writeFileAtomic } from './atomic-file';
import type { ProjectService } from './project-service';
import { fallbackProjectId, findProjectRoot, TEMPLATE_FILE } from './template-loader';

export interface ResolvedEnv {
  project: string;
  environment: string | null;
  entries: Array<{ name: string; value: string; source: 'stub' | 'keychain' }>;
  skipped: Array<{ name: string; reason: string }>;
}

const MAX_ENV_BYTES = 1024 * 1024;

/** Token names for migrated values: `<project>-<var>` in the keychain's naming rules. */
export function migratedTokenName(projectId: string, key: string): string {
  return `${projectId}-${key.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.replace(/-+/g, '-').replace(/-$/, '').slice(0, 64);
}

export class EnvService {
  constructor(
    private readonly projects: ProjectService,
    private readonly vault: TokenVault,
    private readonly audit: AuditLog,
  ) {}

  /** Stubs and personal tokens for a project; dynamic and prod secrets need a lease. */
  async resolve(ref: string, environment: string | undefined, caller: Caller, reason?: string): Promise<ResolvedEnv> {
    const project = this.projects.resolve(ref);
    const template = this.projects.requireTemplate(project);
    const secrets = this.projects.resolvedSecrets(template, environment);
    const entries: ResolvedEnv['entries'] = [];
    const skipped: ResolvedEnv['skipped'] = [];
    const known = new Set(this.vault.list().map((t) => t.name));
    // The personal tokens first, in one read (one audit write); entries keep the template's order.
    const personal = secrets.flatMap((s) => (s.class === 'personal' && known.has(s.token) ? [s.token] : []));
    const values = await this.vault.readAll(personal, caller, `env ${template.project}${reason ? `: ${reason}` : ''}`);
    const valueOf = new Map(personal.map((token, i) => [token, values[i] as string]));
    for (const secret of secrets) {
      if (secret.class === 'stub') {
        entries.push({ name: secret.name, value: (await this.projects.stubValue(project, secret.name)).value, source: 'stub' });
      } else if (secret.class === 'personal') {
        const value = valueOf.get(secret.token);
        if (value === undefined) {
          skipped.push({ name: secret.name, reason: `personal token "${secret.token}" is missing: latch token add ${secret.token}` });
          continue;
        }
        entries.push({ name: secret.name, value, source: 'keychain' });
      } else if (secret.class === 'dynamic') {
        skipped.push({ name: secret.name, reason: 'dynamic: minted per lease — use `latch shell` or `latch run`' });
      } else {
        skipped.push({ name: secret.name, reason: 'prod: needs an approved access request' });
      }
    }
    await this.audit.append({ ...caller, action: 'env.resolve', target: template.project, outcome: 'ok', detail: `${entries.length} values${reason ? `: ${reason}` : ''}` });
    return { project: template.project, environment: environment ?? null, entries, skipped };
  }

  /**
   * Move every real value of a .env file into the keychain, then rewrite the file without them
   * (comments, order and everything else kept byte for byte), add .env to .gitignore and write
   * or extend latch.yaml. A backup is made first; tokens are rolled back if a later step fails,
   * and the .env file is only replaced (atomically) after everything else succeeded.
   */
  async migrate(file: string, projectRef: string | undefined, caller: Caller): Promise<EnvMigrateOutput> {
    let text: string;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new ContractFailure('INVALID_INPUT', `${file} is not a file`);
      if (stat.size > MAX_ENV_BYTES) throw new ContractFailure('INVALID_INPUT', `${file} is larger than 1 MiB`);
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (error instanceof ContractFailure) throw error;
      throw new ContractFailure('NOT_FOUND', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const folder = dirname(file);
    // The named project, else the one whose latch.yaml covers the file, else a new one here.
    const ref = projectRef ?? findProjectRoot(folder);
    const project = ref !== null ? this.projects.resolve(ref) : null;
    const root = project?.record.path ?? folder;
    const projectId = project?.record.id ?? fallbackProjectId(root);
    const templateFile = join(root, TEMPLATE_FILE);
    const existingTemplate = existsSync(templateFile) ? readFileSync(templateFile, 'utf8') : null;

    const values = parseDotenv(text);
    const keys = [...new Set(parseEnvLines(text).flatMap((line) => (line.kind === 'assignment' ? [line.key] : [])))];
    const moved: EnvMigrateOutput['moved'] = [];
    const kept: EnvMigrateOutput['kept'] = [];
    const plan: Array<{ key: string; token: string; value: string }> = [];
    const existing = new Set(this.vault.list().map((t) => t.name));
    for (const key of keys) {
      const value = values[key] ?? '';
      if (value === '') kept.push({ name: key, reason: 'empty value' });
      else if (existing.has(migratedTokenName(projectId, key))) kept.push({ name: key, reason: `token ${migratedTokenName(projectId, key)} already exists` });
      else plan.push({ key, token: migratedTokenName(projectId, key), value });
    }

    const backup = `${file}.latch-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    copyFileSync(file, backup);
    chmodSync(backup, 0o600);

    const added: string[] = [];
    try {
      for (const item of plan) {
        await this.vault.add({ name: item.token, value: item.value, kind: guessKind(item.key), notes: `migrated from ${basename(file)} (${item.key})` }, caller);
        added.push(item.token);
        moved.push({ name: item.key, token: item.token });
      }
      const entries: Record<string, SecretEntry> = {};
      for (const item of plan) {
        const shape = defaultGuessShape(item.key, '');
        entries[item.key] = {
          class: 'personal',
          token: item.token,
          description: `migrated from ${basename(file)}`,
          ...(shape !== undefined && stubShapeById(shape) !== undefined && { shape }),
        } as SecretEntry;
      }
      const templateText = this.templateText(existingTemplate, entries, projectId, templateFile);
      if (plan.length > 0) writeFileAtomic(templateFile, templateText);
      const keysToStrip = new Set(plan.map((item) => item.key));
      writeFileAtomic(file, stripEnvValues(text, keysToStrip, () => ''));
    } catch (error) {
      for (const token of added.reverse()) await this.vault.remove(token, caller).catch(() => undefined);
      // Nothing was replaced: the original file is intact, so the plaintext copy goes.
      rmSync(backup, { force: true });
      await this.audit.append({ ...caller, action: 'env.migrate', target: file, outcome: 'error', detail: error instanceof ContractFailure ? error.code : 'failed; rolled back' }).catch(() => undefined);
      throw error;
    }
    // The backup held the values in plaintext: now that they are safe in the keychain, remove it.
    rmSync(backup, { force: true });
    const gitignoreUpdated = ensureGitignored(root, file);
    await this.audit.append({ ...caller, action: 'env.migrate', target: file, outcome: 'ok', detail: `${moved.length} values moved to the keychain` });
    return { file, backup: null, templateFile, moved, kept, gitignoreUpdated };
  }

  private templateText(existing: string | null, entries: Record<string, SecretEntry>, projectId: string, templateFile: string): string {
    if (existing === null) {
      const template: Template = { version: 1, project: toKebabId(projectId) ?? 'project', secrets: entries, environments: {} };
      return serializeTemplate(template);
    }
    const merged = mergeTemplateText(existing, entries, templateFile);
    if (!merged.ok) {
      throw new ContractFailure('TEMPLATE_INVALID', merged.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
    }
    return merged.text;
  }
}

function guessKind(key: string): string {
  const k = key.toLowerCase();
  for (const kind of ['github', 'gitlab', 'npm', 'aws', 'stripe', 'slack', 'openai', 'anthropic', 'google', 'twilio', 'sendgrid', 'postgres', 'redis', 'mongo', 'database']) {
    if (k.includes(kind)) return kind === 'database' ? 'postgres' : kind;
  }
  return 'generic';
}

/** Adds the .env file's name to the project's .gitignore unless a line already covers it. */
function ensureGitignored(root: string, file: string): boolean {
  const gitignore = join(root, '.gitignore');
  const name = file.startsWith(root + '/') ? file.slice(root.length + 1) : basename(file);
  const current = existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '';
  const lines = current.split(/\r?\n/).map((l) => l.trim());
  if (lines.some((l) => l === name || l === `/${name}` || l === basename(name) || l === '.env*' || l === '*.env')) return false;
  const addition = `${current === '' || current.endsWith('\n') ? '' : '\n'}# secrets: values live in the OS keychain (latch env migrate)\n${name}\n`;
  writeFileAtomic(gitignore, current + addition);
  return true;
}
