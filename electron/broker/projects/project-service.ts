import { isAbsolute, resolve } from 'node:path';
import { ContractFailure, type ProjectDetail, type ProjectSummary, type StubShapeInfo } from '../../../shared/contract';
import { resolveTemplate, type ResolvedSecret, type Template } from '../../../shared/manifest';
import { countStatuses, describeSecret, type DeveloperFacts } from '../../../shared/projects/secret-status';
import { deriveStubSeed, generateStub, STUB_SHAPES, stubShapeById, type StubShape } from '../../../shared/stubs';
import type { InternalKeys } from '../keychain/internal-keys';
import type { TokenVault } from '../vault/token-vault';
import { ProjectStore, type ProjectRecord } from './project-store';
import { fallbackProjectId, findProjectRoot, loadTemplate, TemplateWatcher, TEMPLATE_FILE, type LoadedTemplate } from './template-loader';

export interface LoadedProject {
  record: ProjectRecord;
  loaded: LoadedTemplate;
}

/** A fixed seed for the gallery's examples: same for everyone, never used for a real stub. */
const GALLERY_SEED = new Uint8Array(32).fill(7);

/** Projects: their templates (watched), each secret's status for this developer, and stubs. */
export class ProjectService {
  private grantLookup: () => ReadonlyMap<string, string> = () => new Map();
  private readonly watcher: TemplateWatcher;

  constructor(
    private readonly store: ProjectStore,
    private readonly vault: TokenVault,
    private readonly keys: InternalKeys,
    private readonly onChange: (project: { id: string; path: string; ok: boolean }) => void,
  ) {
    this.watcher = new TemplateWatcher((dir) => {
      const project = this.refresh(dir);
      if (project) this.onChange({ id: project.record.id, path: dir, ok: project.loaded.ok });
    });
    for (const record of store.list()) this.watcher.watch(record.path);
  }

  close(): void {
    this.watcher.close();
  }

  /** Register a folder (or the project containing a path). */
  add(path: string, source: 'user' | 'discovered' = 'user'): ProjectSummary {
    const root = findProjectRoot(path);
    if (root === null) {
      throw new ContractFailure('NOT_FOUND', `no ${TEMPLATE_FILE} in ${path} or its parents (create one with \`latch template init\`)`);
    }
    const project = this.register(root, source);
    return this.summary(project);
  }

  list(): ProjectSummary[] {
    return this.store.list().map((record) => this.summary({ record, loaded: loadTemplate(record.path) }));
  }

  get(ref: string, environment?: string): ProjectDetail {
    const project = this.resolve(ref);
    const summary = this.summary(project);
    if (!project.loaded.ok) {
      return { ...summary, description: null, environments: [], environment: environment ?? null, secrets: [] };
    }
    const secrets = this.resolvedSecrets(project.loaded.template, environment);
    const facts = this.facts(project.record.id);
    return {
      ...summary,
      description: project.loaded.template.description ?? null,
      environments: Object.keys(project.loaded.template.environments),
      environment: environment ?? null,
      secrets: secrets.map((secret) => describeSecret(secret, facts)),
    };
  }

  remove(ref: string): void {
    const project = this.resolve(ref);
    this.watcher.unwatch(project.record.path);
    this.store.remove(project.record.path);
  }

  /** A project by id or by a path inside it; paths of unknown projects are discovered. */
  resolve(ref: string): LoadedProject {
    if (isAbsolute(ref)) {
      const root = findProjectRoot(resolve(ref));
      if (root === null) throw new ContractFailure('NOT_FOUND', `no ${TEMPLATE_FILE} in ${ref} or its parents`);
      const known = this.store.byPath(root);
      return known ? { record: known, loaded: loadTemplate(root) } : this.register(root, 'discovered');
    }
    const matches = this.store.byId(ref);
    if (matches.length === 0) throw new ContractFailure('NOT_FOUND', `no project "${ref}" (see \`latch project ls\`, or pass its folder)`);
    const record = matches[0] as ProjectRecord;
    return { record, loaded: loadTemplate(record.path) };
  }

  /** The resolved template or a TEMPLATE_INVALID failure listing every located error. */
  requireTemplate(project: LoadedProject): Template {
    if (project.loaded.ok) return project.loaded.template;
    const lines = project.loaded.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`);
    throw new ContractFailure('TEMPLATE_INVALID', lines.join('\n'), project.loaded.errors);
  }

  resolvedSecrets(template: Template, environment?: string): readonly ResolvedSecret[] {
    const resolved = resolveTemplate(template, environment);
    if (!resolved.ok) throw new ContractFailure('INVALID_INPUT', resolved.message);
    return resolved.resolved.secrets;
  }

  async stubValue(project: LoadedProject, name: string): Promise<{ shape: string; rotation: number; value: string }> {
    const template = this.requireTemplate(project);
    const entry = template.secrets[name];
    if (!entry) throw new ContractFailure('NOT_FOUND', `${project.record.id} declares no secret ${name}`);
    const shape = 'shape' in entry ? entry.shape : undefined;
    if (shape === undefined) throw new ContractFailure('CONFLICT', `${name} is a ${entry.class} secret with no stub shape`);
    const { rotation } = this.store.stubRotation(template.project, name);
    const key = await this.keys.get('stub-seed');
    const seed = deriveStubSeed(new Uint8Array(key), template.project, name, rotation);
    const builtIn = typeof shape === 'string' ? stubShapeById(shape) : undefined;
    if (typeof shape === 'string' && !builtIn) throw new ContractFailure('TEMPLATE_INVALID', `unknown stub shape "${shape}"`);
    const value = generateStub(builtIn ?? (shape as Exclude<typeof shape, string>), seed);
    return { shape: typeof shape === 'string' ? shape : 'custom', rotation, value };
  }

  rotateStub(project: LoadedProject, name: string): number {
    const template = this.requireTemplate(project);
    if (!template.secrets[name]) throw new ContractFailure('NOT_FOUND', `${project.record.id} declares no secret ${name}`);
    return this.store.bumpStubRotation(template.project, name);
  }

  gallery(): StubShapeInfo[] {
    return STUB_SHAPES.map((shape: StubShape) => ({
      id: shape.id,
      provider: shape.provider,
      description: shape.description,
      marker: shape.marker,
      example: generateStub(shape, GALLERY_SEED),
    }));
  }

  private register(root: string, source: 'user' | 'discovered'): LoadedProject {
    const loaded = loadTemplate(root);
    const record: ProjectRecord = {
      path: root,
      id: loaded.ok ? loaded.template.project : fallbackProjectId(root),
      templateFile: loaded.file,
      source,
      addedAt: this.store.byPath(root)?.addedAt ?? new Date().toISOString(),
    };
    this.store.upsert(record);
    this.watcher.watch(root);
    return { record: this.store.byPath(root) as ProjectRecord, loaded };
  }

  private refresh(dir: string): LoadedProject | null {
    const existing = this.store.byPath(dir);
    return existing ? this.register(dir, existing.source) : null;
  }

  /** Where this developer's active production grants come from (the access service). */
  setGrantLookup(lookup: () => ReadonlyMap<string, string>): void {
    this.grantLookup = lookup;
  }

  private facts(projectId: string): DeveloperFacts {
    return {
      tokens: new Map(this.vault.list().map((t) => [t.name, { rotationDueAt: t.rotationDueAt }])),
      stubRotatedAt: this.store.stubRotations(projectId),
      grants: this.grantLookup(),
    };
  }

  private summary(project: LoadedProject): ProjectSummary {
    const { record, loaded } = project;
    const base = {
      id: record.id,
      name: loaded.ok ? loaded.template.project : record.id,
      path: record.path,
      templateFile: record.templateFile,
      source: record.source,
      addedAt: record.addedAt,
    };
    if (!loaded.ok) {
      return { ...base, ok: false, counts: { total: 0, ready: 0, missing: 0, needsAccess: 0 }, errors: loaded.errors.map((e) => ({ file: e.file, line: e.line, column: e.column, message: e.message })) };
    }
    const facts = this.facts(record.id);
    const secrets = this.resolvedSecrets(loaded.template).map((secret) => describeSecret(secret, facts));
    return { ...base, ok: true, counts: countStatuses(secrets), errors: [] };
  }
}
