export interface FlagSpec {
  type: 'boolean' | 'string';
  short?: string;
  description: string;
  /** For string flags: the placeholder shown in help. */
  value?: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
  /** Everything after a bare `--`. */
  rest: string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Strict flag parser: unknown flags and missing values are usage errors. */
export function parseArgs(argv: readonly string[], flags: Record<string, FlagSpec>): ParsedArgs {
  const result: ParsedArgs = { positionals: [], flags: {}, rest: [] };
  const byShort = new Map(Object.entries(flags).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      result.rest = argv.slice(i + 1);
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = flags[name];
      if (!spec) throw new UsageError(`unknown option --${name}`);
      if (spec.type === 'boolean') {
        if (eq !== -1) throw new UsageError(`--${name} takes no value`);
        result.flags[name] = true;
      } else {
        const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value (${spec.value ?? 'VALUE'})`);
        result.flags[name] = value;
      }
    } else if (arg.startsWith('-') && arg.length > 1) {
      const name = byShort.get(arg.slice(1));
      if (!name) throw new UsageError(`unknown option ${arg}`);
      const spec = flags[name] as FlagSpec;
      if (spec.type === 'boolean') result.flags[name] = true;
      else {
        const value = argv[++i];
        if (value === undefined) throw new UsageError(`${arg} needs a value (${spec.value ?? 'VALUE'})`);
        result.flags[name] = value;
      }
    } else {
      result.positionals.push(arg);
    }
  }
  return result;
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  return args.flags[name] === true;
}
