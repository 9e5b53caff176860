import type { CommandSpec } from './command-spec';

/** `latch hub policy …`: checking a hub access policy file. */
export const POLICY_COMMANDS: readonly CommandSpec[] = [];
