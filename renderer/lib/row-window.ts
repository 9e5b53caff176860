/** Which rows of a long list to put in the DOM: the ones near the viewport, plus spacers. */
export interface RowWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
  /** Height standing in for the rows above `start`, in px. */
  before: number;
  /** Height standing in for the rows after `end`, in px. */
  after: number;
}

export interface RowWindowInput {
  count: number;
  rowHeight: number;
  /** Distance from the scroller's visible top to the first row, in px (negative once scrolled past). */
  listTop: number;
  viewportHeight: number;
  /** Extra rows rendered above and below the visible ones, so fast scrolling shows no gap. */
  overscan: number;
}

export function rowWindow({ count, rowHeight, listTop, viewportHeight, overscan }: RowWindowInput): RowWindow {
  if (count <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const height = rowHeight > 0 ? rowHeight : 1;
  const firstVisible = Math.floor(-listTop / height);
  const visibleRows = Math.ceil(Math.max(viewportHeight, 0) / height) + 1;
  const start = clamp(firstVisible - overscan, 0, count);
  const end = clamp(firstVisible + visibleRows + overscan, start, count);
  return { start, end, before: start * height, after: (count - end) * height };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
