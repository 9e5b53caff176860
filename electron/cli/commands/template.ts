import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import {
  formatTemplateErrors,
  parseTemplate,
  SECRET_CLASSES,
  serializeTemplate,
  templateFromEnvExample,
  toKebabId,
  type SecretEntry,
  type Template,
} from '../../../shared/manifest';
import { STUB_SHAPES } from '../../../shared/stubs';
import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';

const KNOWN_SHAPES = STUB_SHAPES.map((s) => s.id);

export async function templateCheck(ctx: CommandContext): Promise<number> {
  const target = resolve(ctx.args.positionals[0] ?? 'latch.yaml');
  const file = existsSync(target) && !target.endsWith('.yaml') && !target.endsWith('.yml') ? join(target, 'latch.yaml') : target;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliFailure('NOT_FOUND', `cannot read ${file}`);
  }
  const display = ctx.args.positionals[0] ?? 'latch.yaml';
  const parsed = parseTemplate(text, display.endsWith('.yaml') || display.endsWith('.yml') ? display : join(display, 'latch.yaml'), { knownShapeIds: KNOWN_SHAPES });
  for (const w of parsed.warnings) ctx.io.stderr.write(`${w.file}:${w.line}:${w.column}: warning: ${w.message}\n`);
  if (!parsed.ok) {
    ctx.io.stderr.write(formatTemplateErrors(parsed.errors) + '\n');
    return EXIT.TEMPLATE_INVALID;
  }
  ctx.io.stderr.write(`${display}: ok (${Object.keys(parsed.template.secrets).length} secrets)\n`);
  return EXIT.OK;
}

async function interactiveTemplate(ctx: CommandContext, project: string): Promise<Template> {
  const rl = createInterface({ input: ctx.io.stdin, output: ctx.io.stderr });
  const secrets: Record<string, SecretEntry> = {};
  try {
    ctx.io.stderr.write(`Declaring the secrets of ${project}. Leave the name empty to finish.\n`);
    for (;;) {
      const name = (await rl.question('Secret (env var name): ')).trim();
      if (name === '') break;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        ctx.io.stderr.write('  not an environment variable name\n');
        continue;
      }
      const klass = (await rl.question(`Class [${SECRET_CLASSES.join('/')}] (stub): `)).trim() || 'stub';
      const description = (await rl.question('Description: ')).trim();
      const common = description ? { description } : {};
      if (klass === 'stub') {
        const shape = (await rl.question('Stub shape (see `latch stub shapes`, e.g. stripe-secret-key): ')).trim();
        if (!KNOWN_SHAPES.includes(shape)) ctx.io.stderr.write(`  unknown shape "${shape}"; fix it in latch.yaml\n`);
        secrets[name] = { class: 'stub', shape, ...common };
      } else if (klass === 'personal') {
        const token = (await rl.question('Keychain token name (e.g. github-work): ')).trim();
        secrets[name] = { class: 'personal', token, ...common };
      } else if (klass === 'dynamic' || klass === 'prod') {
        const server = (await rl.question('Postgres server/resource name: ')).trim() || 'local-pg';
        secrets[name] =
          klass === 'dynamic'
            ? { class: 'dynamic', provider: { type: 'postgres', server }, ...common }
            : { class: 'prod', provider: { type: 'postgres', resource: server }, ...common };
      } else {
        ctx.io.stderr.write(`  unknown class "${klass}"\n`);
      }
    }
  } finally {
    rl.close();
  }
  return { version: 1, project, secrets, environments: {} };
}

export async function templateInit(ctx: CommandContext): Promise<number> {
  const dir = resolve(ctx.args.positionals[0] ?? '.');
  const file = join(dir, 'latch.yaml');
  if (existsSync(file) && !boolFlag(ctx.args, 'force')) {
    throw new CliFailure('CONFLICT', `${file} already exists (use --force to overwrite, or edit it)`);
  }
  const project = toKebabId(stringFlag(ctx.args, 'project') ?? basename(dir)) ?? 'project';
  const from = stringFlag(ctx.args, 'from');
  let template: Template;
  if (from !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(from), 'utf8');
    } catch {
      throw new CliFailure('NOT_FOUND', `cannot read ${from}`);
    }
    const imported = templateFromEnvExample(text, from, { project, knownShapeIds: KNOWN_SHAPES });
    for (const note of imported.notes) ctx.io.stderr.write(`${note.file}:${note.line}:${note.column}: ${note.message}\n`);
    template = imported.template;
  } else if (ctx.io.stdin.isTTY) {
    template = await interactiveTemplate(ctx, project);
  } else {
    throw new CliFailure('USAGE', 'no terminal to ask on: pass --from .env.example (or run it in a terminal)');
  }
  const text = serializeTemplate(template);
  const check = parseTemplate(text, file, { knownShapeIds: KNOWN_SHAPES });
  writeFileSync(file, text);
  ctx.io.stderr.write(`Wrote ${file} with ${Object.keys(template.secrets).length} secrets. Review the guessed classes and shapes.\n`);
  if (!check.ok) {
    ctx.io.stderr.write(formatTemplateErrors(check.errors) + '\n');
    return EXIT.TEMPLATE_INVALID;
  }
  return EXIT.OK;
}
