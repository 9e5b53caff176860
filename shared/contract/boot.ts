import type { Result } from './result';

/**
 * Calls whose answers `latch ui` embeds in the page it serves (the landing page's data), in
 * a `<script type="application/json" id="latch-boot">` element. Parameterless methods only.
 */
export const BOOT_METHODS = ['token.list'] as const;

export type BootMethod = (typeof BOOT_METHODS)[number];

export const BOOT_ELEMENT_ID = 'latch-boot';

export type BootAnswers = Partial<Record<BootMethod, Result<unknown>>>;
