import { resolve } from 'node:path';
import type { ProjectDetail, ProjectSummary } from '../../../shared/contract';
import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { formatTable } from '../table';

/** A project reference: an id, or a folder (resolved to an absolute path). */
export function projectRef(ctx: CommandContext, value: string | undefined): string {
  const ref = value ?? '.';
  return ref === '.' || ref.includes('/') || ref.startsWith('~') ? resolve(ref) : ref;
}

function describeCounts(p: ProjectSummary): string {
  if (!p.ok) return `TEMPLATE ERROR (${p.errors.length})`;
  const parts = [`${p.counts.ready}/${p.counts.total} ready`];
  if (p.counts.missing > 0) parts.push(`${p.counts.missing} missing`);
  if (p.counts.needsAccess > 0) parts.push(`${p.counts.needsAccess} need access`);
  return parts.join(', ');
}

function printErrors(ctx: CommandContext, project: ProjectSummary): void {
  for (const e of project.errors) ctx.io.stderr.write(`${e.file}:${e.line}:${e.column}: ${e.message}\n`);
}

export async function projectAdd(ctx: CommandContext): Promise<number> {
  const project = await ctx.call('project.add', { path: resolve(ctx.args.positionals[0] ?? '.') });
  if (boolFlag(ctx.args, 'json')) ctx.printJson(project);
  else ctx.io.stderr.write(`Added project "${project.id}" (${project.path}): ${describeCounts(project)}.\n`);
  printErrors(ctx, project);
  return project.ok ? EXIT.OK : EXIT.TEMPLATE_INVALID;
}

export async function projectList(ctx: CommandContext): Promise<number> {
  const projects = await ctx.call('project.list', {});
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(projects);
    return EXIT.OK;
  }
  if (projects.length === 0) {
    ctx.print('No projects yet. Add one with `latch project add DIR` (a folder with a latch.yaml).');
    return EXIT.OK;
  }
  ctx.print(formatTable(['ID', 'STATUS', 'PATH'], projects.map((p) => [p.id, describeCounts(p), p.path])));
  return EXIT.OK;
}

const STATUS_TEXT: Record<ProjectDetail['secrets'][number]['status'], string> = {
  ready: 'ready',
  stub: 'stub',
  'missing-token': 'MISSING',
  'on-demand': 'on demand',
  'needs-access': 'NEEDS ACCESS',
};

export async function projectShow(ctx: CommandContext): Promise<number> {
  const environment = stringFlag(ctx.args, 'environment');
  const detail = await ctx.call('project.get', { project: projectRef(ctx, ctx.args.positionals[0]), ...(environment !== undefined && { environment }) });
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(detail);
    return detail.ok ? EXIT.OK : EXIT.TEMPLATE_INVALID;
  }
  if (!detail.ok) {
    printErrors(ctx, detail);
    return EXIT.TEMPLATE_INVALID;
  }
  ctx.print(`${detail.id}${detail.description ? ` — ${detail.description}` : ''}\n${detail.path}${detail.environment ? ` (environment ${detail.environment})` : ''}\n`);
  ctx.print(
    formatTable(
      ['SECRET', 'CLASS', 'STATUS', 'SOURCE', 'OWNER', 'HINT'],
      detail.secrets.map((s) => [s.name, s.class, STATUS_TEXT[s.status], s.token ?? s.shape ?? s.provider ?? '-', s.owner ?? '-', s.hint ?? '']),
    ),
  );
  return EXIT.OK;
}

export async function projectRemove(ctx: CommandContext): Promise<number> {
  await ctx.call('project.remove', { project: projectRef(ctx, ctx.args.positionals[0]) });
  ctx.io.stderr.write('Project forgotten (its files are untouched).\n');
  return EXIT.OK;
}

export function requireName(value: string | undefined): string {
  if (value === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) {
    throw new CliFailure('USAGE', `"${value ?? ''}" is not a secret name (an environment variable name like STRIPE_SECRET_KEY)`);
  }
  return value;
}
