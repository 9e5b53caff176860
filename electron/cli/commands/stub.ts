import { boolFlag, stringFlag } from '../args';
import type { CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { formatTable } from '../table';
import { projectRef, requireName } from './project';

export async function stubGet(ctx: CommandContext): Promise<number> {
  const stub = await ctx.call('stub.get', { project: projectRef(ctx, stringFlag(ctx.args, 'project')), name: requireName(ctx.args.positionals[0]) });
  if (boolFlag(ctx.args, 'json')) ctx.printJson(stub);
  else ctx.print(stub.value);
  return EXIT.OK;
}

export async function stubRotate(ctx: CommandContext): Promise<number> {
  const stub = await ctx.call('stub.rotate', { project: projectRef(ctx, stringFlag(ctx.args, 'project')), name: requireName(ctx.args.positionals[0]) });
  ctx.io.stderr.write(`Rotated the stub for ${stub.name} (rotation ${stub.rotation}).\n`);
  if (boolFlag(ctx.args, 'json')) ctx.printJson(stub);
  return EXIT.OK;
}

export async function stubShapes(ctx: CommandContext): Promise<number> {
  const shapes = await ctx.call('stub.shapes', {});
  if (boolFlag(ctx.args, 'json')) ctx.printJson(shapes);
  else {
    const short = (v: string): string => (v.includes('\n') ? `${v.split('\n')[0]} …` : v.length > 72 ? `${v.slice(0, 69)}…` : v);
    ctx.print(formatTable(['SHAPE', 'PROVIDER', 'EXAMPLE'], shapes.map((s) => [s.id, s.provider, short(s.example)])));
  }
  return EXIT.OK;
}
