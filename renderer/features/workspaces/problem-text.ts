/**
 * A degraded-watcher message as a sentence, split into what happened and the command that
 * fixes it (when it ends with one): "…limit was hit … Raise it:" + "sudo sysctl …".
 */
export function splitProblem(problem: string): { text: string; command: string | null } {
  const trimmed = problem.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  const match = /^(.*?:?)\s*((?:sudo |echo |sysctl )[^\n]+)$/.exec(capitalised);
  if (!match) return { text: capitalised, command: null };
  return { text: (match[1] ?? '').trim(), command: (match[2] ?? '').trim() };
}
