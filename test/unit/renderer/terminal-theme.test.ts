import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  extendedPalette,
  inverseRules,
  paletteRules,
  TERMINAL_COLORS,
  TERMINAL_FONT_FAMILY,
  TERMINAL_FONT_SIZE,
  terminalTheme,
} from '../../../renderer/features/shells/terminal-theme';

const dir = join(import.meta.dirname, '..', '..', '..', 'renderer', 'features', 'shells');
const cssRules = readFileSync(join(dir, 'xterm-csp.css'), 'utf8');
const palette = readFileSync(join(dir, 'xterm-palette.css'), 'utf8');

describe('terminal theme', () => {
  it('uses xterm’s default 256-colour palette beyond the 16 ANSI colours', () => {
    const extended = extendedPalette();
    expect(extended).toHaveLength(240);
    expect(extended[0]).toBe('#000000'); // 16
    expect(extended[196 - 16]).toBe('#ff0000');
    expect(extended[208 - 16]).toBe('#ff8700');
    expect(extended[232 - 16]).toBe('#080808');
    expect(extended[255 - 16]).toBe('#eeeeee');
  });

  it('gives xterm every ANSI colour', () => {
    const theme = terminalTheme();
    expect(theme.red).toBe(TERMINAL_COLORS.ansi[1]);
    expect(theme.brightWhite).toBe(TERMINAL_COLORS.ansi[15]);
    expect(theme.background).toBe(TERMINAL_COLORS.background);
  });

  // Under style-src 'self' xterm cannot apply its own <style> elements: our stylesheets carry
  // the same rules, and must agree with what xterm is told (it measures the font from them).
  it('keeps the stylesheet palette in step with the theme', () => {
    [...TERMINAL_COLORS.ansi, ...extendedPalette()].forEach((color, index) => {
      expect(palette).toContain(paletteRules(index, color));
    });
    expect(palette).toContain(inverseRules());
  });

  it('keeps xterm-csp.css in step with the font and colours given to xterm', () => {
    expect(cssRules).toContain(`font-family: ${TERMINAL_FONT_FAMILY};`);
    expect(cssRules).toContain(`font-size: ${TERMINAL_FONT_SIZE}px;`);
    expect(cssRules).toContain(`color: ${TERMINAL_COLORS.foreground};`);
    expect(cssRules).toContain(`background-color: ${TERMINAL_COLORS.cursor};`);
    expect(cssRules).toContain(`color: ${TERMINAL_COLORS.cursorAccent};`);
    expect(cssRules).toContain(`background-color: ${TERMINAL_COLORS.selection};`);
    expect(cssRules).toContain(`background-color: ${TERMINAL_COLORS.selectionInactive};`);
    expect(cssRules).toContain(`background-color: ${TERMINAL_COLORS.background};`);
  });
});
