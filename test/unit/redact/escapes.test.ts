import { describe, expect, it } from 'vitest';
import {
  INCOMPLETE,
  MAX_CONTROL_SEQUENCE_BYTES,
  escapeSequenceEnd,
  invisibleEscapeEnd,
} from '../../../shared/redact/escapes';
import { utf8 } from './bytes';

function end(text: string, maxLength = 4096): number {
  const b = utf8(text);
  return escapeSequenceEnd(b, 0, b.length, maxLength);
}

describe('escapeSequenceEnd', () => {
  it('parses CSI sequences up to their final byte', () => {
    expect(end('\x1b[31mX')).toBe(5);
    expect(end('\x1b[0mX')).toBe(4);
    expect(end('\x1b[38;5;196mX')).toBe(11);
    expect(end('\x1b[?25hX')).toBe(6);
    expect(end('\x1b[KX')).toBe(3);
  });

  it('parses OSC strings ended by BEL or ST, and other string sequences', () => {
    expect(end('\x1b]0;title\x07X')).toBe(10);
    expect(end('\x1b]8;;https://x.test/\x1b\\X')).toBe(22);
    expect(end('\x1bPq#0\x1b\\X')).toBe(7);
    expect(end('\x1b]0;abc\x1b[31m')).toBe(7); // aborted by a new sequence
  });

  it('parses short escapes', () => {
    expect(end('\x1b(BX')).toBe(3);
    expect(end('\x1b7X')).toBe(2);
    expect(end('\x1b\\X')).toBe(2);
    expect(end('\x1b\nX')).toBe(1); // lone ESC
  });

  it('reports sequences the buffer ends inside of', () => {
    for (const partial of ['\x1b', '\x1b[', '\x1b[31', '\x1b[38;5', '\x1b]0;tit', '\x1b]0;t\x1b', '\x1b(']) {
      expect(end(partial)).toBe(INCOMPLETE);
    }
  });

  it('ends a malformed CSI before the offending byte', () => {
    expect(end('\x1b[31\nX')).toBe(4);
  });

  it('bounds overlong sequences', () => {
    expect(end(`\x1b]0;${'x'.repeat(100)}`, 50)).toBe(50);
    const longCsi = `\x1b[${'1;'.repeat(200)}m`;
    expect(end(longCsi)).toBe(MAX_CONTROL_SEQUENCE_BYTES);
  });
});

describe('invisibleEscapeEnd', () => {
  it('skips whole control sequences, but not the start of a string sequence', () => {
    const csi = utf8('\x1b[1mX');
    expect(invisibleEscapeEnd(csi, 0, csi.length)).toBe(4);
    const st = utf8('\x1b\\X');
    expect(invisibleEscapeEnd(st, 0, st.length)).toBe(2);
    const osc = utf8('\x1b]0;title\x07');
    expect(invisibleEscapeEnd(osc, 0, osc.length)).toBe(0);
    const lone = utf8('\x1b');
    expect(invisibleEscapeEnd(lone, 0, lone.length)).toBe(INCOMPLETE);
  });
});
