/** A revealed value is hidden again after this long. */
export const REVEAL_VISIBLE_MS = 60_000;
