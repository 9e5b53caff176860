import { JSON_FLAG, type CommandSpec } from './command-spec';

/** `latch hub policy …`: checking a hub access policy file. */
export const POLICY_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['hub', 'policy', 'check'],
    usage: 'latch hub policy check FILE [--json]',
    summary: 'validate a team hub access policy (errors as FILE:LINE:COL: message, exit 9)',
    details: 'Reads the file only: no broker, no hub. Warnings go to stderr and do not fail the check. See docs/hub-policy.md.',
    flags: { json: JSON_FLAG },
    args: { min: 1, max: 1 },
    load: async () => (await import('./commands/hub-policy')).hubPolicyCheck,
  },
];
