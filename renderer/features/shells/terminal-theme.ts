/**
 * The embedded terminal's look. Under the app's CSP (`style-src 'self'`) xterm.js cannot
 * apply the <style> elements it writes at run time, so the same rules live in our own
 * stylesheet (xterm-csp.css and xterm-palette.css). These constants are what we pass to
 * xterm (it measures the font from them) and must match those files; a unit test checks it.
 */

export const TERMINAL_FONT_FAMILY = "'DejaVu Sans Mono', 'JetBrains Mono', 'Cascadia Mono', Menlo, Consolas, monospace";
export const TERMINAL_FONT_SIZE = 13;

/** Background, foreground, cursor and the 16 ANSI colours, in xterm's order (0–15). */
export const TERMINAL_COLORS = {
  background: '#0a0d11',
  foreground: '#d8dde3',
  cursor: '#a9b8ff',
  cursorAccent: '#0a0d11',
  selection: '#2c3655',
  selectionInactive: '#232a3a',
  ansi: [
    '#2a303a', // black
    '#f2716b', // red
    '#4cc38a', // green
    '#e3b341', // yellow
    '#7d9bff', // blue
    '#c78bf5', // magenta
    '#4fc1d6', // cyan
    '#c9d1d9', // white
    '#6b7480', // bright black
    '#ff8e88', // bright red
    '#6fdca6', // bright green
    '#f0c95a', // bright yellow
    '#a3b8ff', // bright blue
    '#dcaaff', // bright magenta
    '#7fd8e8', // bright cyan
    '#f5f7fa', // bright white
  ],
} as const;

const ANSI_NAMES = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'brightBlack',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
  'brightWhite',
] as const;

/** xterm's ITheme for the options above (structurally typed: no runtime import of xterm here). */
export function terminalTheme(): Record<string, string> {
  const theme: Record<string, string> = {
    background: TERMINAL_COLORS.background,
    foreground: TERMINAL_COLORS.foreground,
    cursor: TERMINAL_COLORS.cursor,
    cursorAccent: TERMINAL_COLORS.cursorAccent,
    selectionBackground: TERMINAL_COLORS.selection,
    selectionInactiveBackground: TERMINAL_COLORS.selectionInactive,
  };
  ANSI_NAMES.forEach((name, index) => {
    theme[name] = TERMINAL_COLORS.ansi[index] as string;
  });
  return theme;
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** xterm's default colours 16–255: the 6×6×6 cube, then 24 greys. */
export function extendedPalette(): string[] {
  const levels = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff];
  const colors: string[] = [];
  for (let i = 0; i < 216; i++) {
    const r = levels[Math.floor(i / 36) % 6] as number;
    const g = levels[Math.floor(i / 6) % 6] as number;
    const b = levels[i % 6] as number;
    colors.push(`#${hex(r)}${hex(g)}${hex(b)}`);
  }
  for (let i = 0; i < 24; i++) {
    const c = 8 + i * 10;
    colors.push(`#${hex(c)}${hex(c)}${hex(c)}`);
  }
  return colors;
}

/** The CSS rules xterm would inject for palette entry `index` (dim = the colour at half opacity). */
export function paletteRules(index: number, color: string): string {
  return [
    `.xterm .xterm-fg-${index} { color: ${color}; }`,
    `.xterm .xterm-fg-${index}.xterm-dim { color: ${color}80; }`,
    `.xterm .xterm-bg-${index} { background-color: ${color}; }`,
  ].join('\n');
}

/** Entry 257: inverse video with the default colours (background as text, foreground behind). */
export function inverseRules(): string {
  const { background, foreground } = TERMINAL_COLORS;
  return [
    `.xterm .xterm-fg-257 { color: ${background}; }`,
    `.xterm .xterm-fg-257.xterm-dim { color: ${background}80; }`,
    `.xterm .xterm-bg-257 { background-color: ${foreground}; }`,
  ].join('\n');
}
