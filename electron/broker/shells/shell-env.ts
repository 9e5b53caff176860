// The environment a Latch session (shell or `latch run`) gets: the user's own environment,
// minus anything Latch-specific it may have inherited, plus the lease's values.

export interface SessionEnvInput {
  base: NodeJS.ProcessEnv;
  values: Record<string, string>;
  session: string;
  project: string;
  expiresAt: string;
}

export function sessionEnv(input: SessionEnvInput): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.base)) {
    if (value === undefined || key.startsWith('LATCH_')) continue;
    env[key] = value;
  }
  Object.assign(env, input.values);
  env.LATCH_SESSION = input.session;
  env.LATCH_PROJECT = input.project;
  env.LATCH_EXPIRES_AT = input.expiresAt;
  return env;
}

/** The user's shell for an interactive session (LATCH_SHELL overrides, e.g. for tests). */
export function userShell(env: NodeJS.ProcessEnv): { file: string; args: string[] } {
  const override = env.LATCH_SHELL;
  if (override) {
    const [file, ...args] = override.split(' ').filter(Boolean);
    return { file: file as string, args };
  }
  return { file: env.SHELL || '/bin/bash', args: ['-i'] };
}
