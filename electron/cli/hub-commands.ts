import type { CommandSpec } from './command-spec';

/** `latch hub …`: running and administering the team hub (no broker needed). */
export const HUB_COMMANDS: readonly CommandSpec[] = [];
