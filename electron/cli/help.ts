import type { CommandSpec } from './command-spec';

const EXIT_CODES_HELP = `Exit codes:
  0 ok · 1 failure (scan: findings) · 2 usage · 3 broker unavailable · 4 not found
  5 conflict · 6 keychain unavailable or locked · 7 unauthorized · 8 invalid input
  9 invalid template or policy · 10 internal error · 11 access refused · 12 hub unreachable
  130 interrupted`;

export function topHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  const lines = commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return `latch — local secret broker: keychain tokens, stub secrets, leased dev shells, secret scanning

Usage: latch COMMAND [options]      (latch COMMAND --help for details)

Commands:
${lines.join('\n')}

${EXIT_CODES_HELP}
`;
}

export function groupHelp(group: string, commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  return `Usage: latch ${group} SUBCOMMAND [options]

${commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`).join('\n')}
`;
}

export function commandHelp(spec: CommandSpec): string {
  const flags = Object.entries(spec.flags).map(([name, flag]) => {
    const left = `${flag.short ? `-${flag.short}, ` : ''}--${name}${flag.type === 'string' ? ` ${flag.value ?? 'VALUE'}` : ''}`;
    return [left, flag.description] as const;
  });
  const width = Math.max(10, ...flags.map(([left]) => left.length));
  const flagLines = [...flags, ['-h, --help', 'show this help'] as const].map(
    ([left, description]) => `  ${left.padEnd(width)}  ${description}`,
  );
  return `Usage: ${spec.usage}

${spec.summary[0]?.toUpperCase()}${spec.summary.slice(1)}.${spec.details ? `\n${spec.details}` : ''}

Options:
${flagLines.join('\n')}

${EXIT_CODES_HELP}
`;
}
