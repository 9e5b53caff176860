// Offset -> 1-based line/column, built lazily (only when a file has findings).

export interface TextPositions {
  /** 1-based line and column (UTF-16 code units) of a 0-based offset. */
  positionOf(offset: number): { line: number; column: number };
  /** Text of a 1-based line without its line break. */
  lineText(line: number): string;
}

export function createTextPositions(text: string): TextPositions {
  let lineStarts: number[] | undefined;
  const starts = (): number[] => {
    if (lineStarts) return lineStarts;
    const list = [0];
    let i = text.indexOf('\n');
    while (i >= 0) {
      list.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    lineStarts = list;
    return list;
  };

  const lineIndexOf = (offset: number): number => {
    const list = starts();
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((list[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  return {
    positionOf(offset) {
      const index = lineIndexOf(offset);
      return { line: index + 1, column: offset - (starts()[index] as number) + 1 };
    },
    lineText(line) {
      const list = starts();
      const start = list[line - 1];
      if (start === undefined) return '';
      const next = list[line];
      const end = next === undefined ? text.length : next - 1;
      return text.slice(start, end).replace(/\r$/, '');
    },
  };
}
