import { describe, expect, it } from 'vitest';
import { escapeSafeCut, utf8SafeCut } from '../../../shared/redact/boundaries';
import { utf8 } from './bytes';

describe('utf8SafeCut', () => {
  const euro = utf8('a€b'); // 61 e2 82 ac 62

  it('moves a cut inside a character back to its first byte', () => {
    expect(utf8SafeCut(euro, 2, euro.length)).toBe(1);
    expect(utf8SafeCut(euro, 3, euro.length)).toBe(1);
    expect(utf8SafeCut(euro, 4, euro.length)).toBe(4);
    expect(utf8SafeCut(euro, 1, euro.length)).toBe(1);
  });

  it('holds an incomplete character at the end', () => {
    const partial = euro.subarray(0, 3);
    expect(utf8SafeCut(partial, 3, 3)).toBe(1);
    const emoji = utf8('😀').subarray(0, 3);
    expect(utf8SafeCut(emoji, 3, 3)).toBe(0);
  });

  it('cuts invalid bytes anywhere', () => {
    const bytes = Uint8Array.of(0x41, 0xe2, 0x41, 0x80, 0x80, 0x80, 0x80);
    expect(utf8SafeCut(bytes, 2, bytes.length)).toBe(2);
    expect(utf8SafeCut(bytes, 6, bytes.length)).toBe(6);
  });
});

describe('escapeSafeCut', () => {
  it('moves a cut inside a sequence to its ESC', () => {
    const b = utf8('ab\x1b[31mcd');
    expect(escapeSafeCut(b, 4, b.length, 4096)).toBe(2);
    expect(escapeSafeCut(b, 7, b.length, 4096)).toBe(7);
    expect(escapeSafeCut(b, 2, b.length, 4096)).toBe(2);
  });

  it('holds a sequence still open at the end', () => {
    const b = utf8('ab\x1b]0;title');
    expect(escapeSafeCut(b, b.length, b.length, 4096)).toBe(2);
  });

  it('lets an overlong string sequence through', () => {
    const b = utf8(`ab\x1b]52;c;${'A'.repeat(200)}`);
    expect(escapeSafeCut(b, b.length, b.length, 64)).toBe(b.length);
  });

  it('does not mistake an ST for the start of a sequence', () => {
    const b = utf8('\x1b]0;title\x1b\\');
    expect(escapeSafeCut(b, b.length - 1, b.length, 4096)).toBe(0);
    expect(escapeSafeCut(b, b.length, b.length, 4096)).toBe(b.length);
  });
});
