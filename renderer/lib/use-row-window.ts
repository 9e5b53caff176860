import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { rowWindow, type RowWindow } from './row-window';

const OVERSCAN = 6;
/**
 * Lists up to this long are rendered whole (simpler DOM, find-in-page works on every row):
 * about three screens. Longer ones, including a search's results, keep only rows near the view.
 */
export const WINDOWING_THRESHOLD = 60;

/**
 * The ancestor that scrolls the list vertically. An `overflow-x: auto` wrapper also computes to
 * `overflow-y: auto` but grows with its content, so only an ancestor that is shorter than its
 * content counts.
 */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight + 1) return node;
  }
  return null;
}

/**
 * Keeps only the rows near the viewport of the list's scrolling ancestor in the DOM. The row
 * height and the list's offset in its scroller are measured (the row: the one given to
 * `measureRow`); `estimate` stands in until then. The first paint goes out with the estimate
 * (rows from the top, no overscan: what is on screen then) and is measured in the frame
 * after, so a long list's first paint waits for no extra layout; when the list changes later
 * it is measured before paint.
 */
export function useRowWindow(
  listRef: RefObject<HTMLElement | null>,
  count: number,
  estimate: { rowHeight: number; listTop: number },
): RowWindow & { measureRow(row: HTMLElement | null): void } {
  const windowed = count > WINDOWING_THRESHOLD;
  const [rowHeight, setRowHeight] = useState(estimate.rowHeight);
  const [view, setView] = useState(() => ({ listTop: estimate.listTop, viewportHeight: window.innerHeight }));
  const [measured, setMeasured] = useState(false);
  const frame = useRef(0);
  const measuredRow = useRef<HTMLElement | null>(null);
  const painted = useRef(false);

  const update = useCallback(() => {
    frame.current = 0;
    const list = listRef.current;
    if (!list) return;
    const scroller = scrollParent(list);
    const top = scroller ? scroller.getBoundingClientRect().top : 0;
    const viewportHeight = scroller ? scroller.clientHeight : window.innerHeight;
    const listTop = list.getBoundingClientRect().top - top;
    setView((old) => (old.listTop === listTop && old.viewportHeight === viewportHeight ? old : { listTop, viewportHeight }));
    setMeasured(true);
    const height = measuredRow.current?.getBoundingClientRect().height ?? 0;
    if (height > 0) setRowHeight((old) => (Math.abs(old - height) < 0.5 ? old : height));
  }, [listRef]);

  useLayoutEffect(() => {
    if (windowed && painted.current) update();
  }, [windowed, update, count]);

  useEffect(() => {
    painted.current = true;
    if (windowed && frame.current === 0) frame.current = requestAnimationFrame(update);
    // Only once, after the first paint; later changes are measured by the layout effect.
  }, []);

  useEffect(() => {
    if (!windowed || !listRef.current) return;
    const scroller = scrollParent(listRef.current) ?? window;
    const schedule = (): void => {
      if (frame.current === 0) frame.current = requestAnimationFrame(update);
    };
    scroller.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      scroller.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame.current !== 0) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [windowed, listRef, update]);

  /** Pass as the ref of one rendered row: its height is read when the window is measured. */
  const measureRow = useCallback((row: HTMLElement | null) => {
    if (row) measuredRow.current = row;
  }, []);

  if (!windowed) return { start: 0, end: count, before: 0, after: 0, measureRow };
  // Unmeasured (the first paint): the window's height from the top, no overscan to lay out.
  const overscan = measured ? OVERSCAN : 0;
  return { ...rowWindow({ count, rowHeight, listTop: view.listTop, viewportHeight: view.viewportHeight, overscan }), measureRow };
}
