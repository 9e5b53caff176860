// How values are written into files of different kinds.

export type AssignmentStyle = 'env' | 'yaml' | 'json' | 'ts' | 'python' | 'shell';

export const ASSIGNMENT_STYLES: readonly AssignmentStyle[] = ['env', 'yaml', 'json', 'ts', 'python', 'shell'];

export function renderAssignment(style: AssignmentStyle, name: string, value: string): string {
  switch (style) {
    case 'env':
      if (!/[\s#"'$]/.test(value)) return `${name}=${value}`;
      return value.includes("'") ? `${name}="${value.replace(/(["\\$])/g, '\\$1')}"` : `${name}='${value}'`;
    case 'yaml':
      return `${name}: ${JSON.stringify(value)}`;
    case 'json':
      return `"${name}": ${JSON.stringify(value)}`;
    case 'ts':
      return /^[A-Za-z_$][\w$]*$/.test(name) ? `export const ${name} = ${JSON.stringify(value)};` : `config[${JSON.stringify(name)}] = ${JSON.stringify(value)};`;
    case 'python':
      return /^[A-Za-z_][\w]*$/.test(name) ? `${name} = ${JSON.stringify(value)}` : `settings[${JSON.stringify(name)}] = ${JSON.stringify(value)}`;
    case 'shell':
      return value.includes("'") || !/^[A-Za-z_][\w]*$/.test(name) ? `# ${name}: ${value}` : `export ${name}='${value}'`;
  }
}

/** A value bare in prose or a log line (no assignment). */
export function renderBare(value: string, variant = 0): string {
  const lines = [
    `2024-05-01T10:00:00Z INFO upstream credential ${value} accepted`,
    `Rotate ${value} before the release.`,
    `- rotated ${value} on 2024-05-01`,
  ];
  return lines[variant % lines.length] as string;
}
