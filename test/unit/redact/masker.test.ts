import { describe, expect, it } from 'vitest';
import { createMasker, maskBytes, type MaskedSecret } from '../../../shared/redact/index';
import { buildAutomaton } from '../../../shared/redact/automaton';
import { escapeSequenceEnd, ESC, INCOMPLETE } from '../../../shared/redact/escapes';
import { collectPatterns } from '../../../shared/redact/patterns';
import { concatBytes, maskChunks, oneByteChunks, runChunks, splitAt, text, utf8 } from './bytes';

const TOKEN: MaskedSecret = { name: 'TOKEN', value: 'hunter22' };

function mask(input: string, secrets: ReadonlyArray<MaskedSecret> = [TOKEN], options?: Parameters<typeof createMasker>[1]): string {
  return text(maskBytes(utf8(input), secrets, options));
}

describe('createMasker: values', () => {
  it('replaces every occurrence of a value with its marker', () => {
    expect(mask('login hunter22 ok hunter22')).toBe('login <concealed:TOKEN> ok <concealed:TOKEN>');
    expect(mask('hunter22hunter22')).toBe('<concealed:TOKEN><concealed:TOKEN>');
  });

  it('masks several values', () => {
    const secrets = [TOKEN, { name: 'DB', value: 'postgres://u:pw@h/db' }];
    expect(mask('a=hunter22 b=postgres://u:pw@h/db', secrets)).toBe('a=<concealed:TOKEN> b=<concealed:DB>');
  });

  it('leaves output without values byte-identical', () => {
    const input = 'nothing to see here: hunter2 hunter 22 HUNTER22\n';
    expect(mask(input)).toBe(input);
  });

  it('ignores values shorter than 4 bytes unless told otherwise', () => {
    const short = [{ name: 'S', value: 'abc' }];
    expect(mask('abc abc', short)).toBe('abc abc');
    expect(mask('abc abc', short, { minValueBytes: 3 })).toBe('<concealed:S> <concealed:S>');
    expect(mask('abcd', [{ name: 'S', value: 'abcd' }])).toBe('<concealed:S>');
  });

  it('lets the longest of overlapping values name the whole overlap', () => {
    const secrets = [
      { name: 'SHORT', value: 'abcd' },
      { name: 'LONG', value: 'abcdefgh' },
    ];
    expect(mask('xabcdefghx abcdx', secrets)).toBe('x<concealed:LONG>x <concealed:SHORT>x');
    const crossing = [
      { name: 'A', value: 'abcdef' },
      { name: 'B', value: 'defghijk' },
    ];
    // No byte of either value survives.
    expect(mask('-abcdefghijk-', crossing)).toBe('-<concealed:B>-');
  });

  it('names an overlap of equally long values after the leftmost', () => {
    const secrets = [
      { name: 'LATER', value: 'cdefgh' },
      { name: 'FIRST', value: 'abcdef' },
    ];
    expect(mask('abcdefgh', secrets)).toBe('<concealed:FIRST>');
  });

  it('merges matches that a longer one bridges', () => {
    const secrets = [
      { name: 'A', value: 'abcd' },
      { name: 'B', value: 'XYZW' },
      { name: 'C', value: 'cdXYZWQ' },
    ];
    expect(mask('abcdXYZWQ', secrets)).toBe('<concealed:C>');
    expect(mask('abcdXYZW!', secrets)).toBe('<concealed:A><concealed:B>!');
  });

  it('masks binary output with the values in it and leaves the rest untouched', () => {
    const binary = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    const input = concatBytes([binary, utf8('hunter22'), binary]);
    expect(maskBytes(input, [TOKEN])).toEqual(concatBytes([binary, utf8('<concealed:TOKEN>'), binary]));
    expect(maskBytes(binary, [TOKEN])).toEqual(binary);
  });

  it('keeps control characters out of markers', () => {
    expect(mask('hunter22', [{ name: 'A\x1b[2JB', value: 'hunter22' }])).toBe('<concealed:A?[2JB>');
  });

  it('masks a value containing ESC (escapes are then matched as bytes)', () => {
    expect(mask('x\x1b[1mabc\x1b[0mx', [{ name: 'E', value: '\x1b[1mabc' }])).toBe('x<concealed:E>\x1b[0mx');
  });

  it('works with no values at all', () => {
    expect(mask('anything \x1b[1mhere\x1b[0m', [])).toBe('anything \x1b[1mhere\x1b[0m');
  });
});

describe('createMasker: encoded forms', () => {
  const value = 'p@ss/w+rd?é';
  const secret = { name: 'PW', value };
  const b64 = Buffer.from(value).toString('base64');

  it('masks standard and url-safe base64, padded or not', () => {
    for (const form of [b64, b64.replace(/=+$/, ''), Buffer.from(value).toString('base64url'), b64.replace(/\+/g, '-').replace(/\//g, '_')]) {
      expect(mask(`[${form}]`, [secret])).toBe('[<concealed:PW>]');
    }
  });

  it('masks the value inside a larger base64 text at all 3 alignments', () => {
    for (const before of ['', 'u', 'us', 'use', 'user:']) {
      const encoded = Buffer.from(`${before}${value}!tail`).toString('base64');
      const masked = mask(`Authorization: Basic ${encoded}`, [secret]);
      expect(masked).toContain('<concealed:PW>');
      // At most the two characters that mix value bits with neighbouring bytes remain.
      const kept = masked.replace('Authorization: Basic ', '').replace('<concealed:PW>', '');
      expect(kept.length).toBeLessThanOrEqual(encoded.length - Math.floor((Buffer.byteLength(value) * 8) / 6) + 2);
    }
  });

  it('masks the encodeURIComponent form', () => {
    expect(mask(`https://x.test/?pw=${encodeURIComponent(value)}&a=1`, [secret])).toBe(
      'https://x.test/?pw=<concealed:PW>&a=1',
    );
  });

  it('can be limited to the plain value', () => {
    const plain = { forms: { base64: false, base64Embedded: false, uriComponent: false } };
    expect(mask(b64, [secret], plain)).toBe(b64);
  });
});

describe('createMasker: streaming', () => {
  it('masks a value split over any chunks, down to 1-byte writes', () => {
    const input = utf8('one hunter22 two hunter22');
    const expected = 'one <concealed:TOKEN> two <concealed:TOKEN>';
    for (let cut = 0; cut <= input.length; cut++) {
      expect(text(maskChunks(createMasker([TOKEN]), splitAt(input, [cut])))).toBe(expected);
    }
    expect(text(maskChunks(createMasker([TOKEN]), oneByteChunks(input)))).toBe(expected);
  });

  it('holds back exactly the longest suffix that can still start a value', () => {
    const masker = createMasker([TOKEN]);
    expect(text(masker.push(utf8('abc hun')))).toBe('abc ');
    expect(masker.heldBytes).toBe(3);
    expect(text(masker.push(utf8('t')))).toBe('');
    expect(text(masker.push(utf8('ing')))).toBe('hunting');
    expect(masker.heldBytes).toBe(0);
  });

  it('returns at once output that cannot start a value', () => {
    const masker = createMasker([TOKEN]);
    const out = masker.push(utf8('build finished in 3.2s\n'));
    expect(text(out)).toBe('build finished in 3.2s\n');
    expect(masker.heldBytes).toBe(0);
  });

  it('emits a completed value at once when nothing longer could follow', () => {
    const masker = createMasker([TOKEN], { forms: { base64: false, base64Embedded: false, uriComponent: false } });
    expect(text(masker.push(utf8('x hunter22')))).toBe('x <concealed:TOKEN>');
  });

  it('holds a complete value while a longer one may still follow', () => {
    const masker = createMasker([
      { name: 'SHORT', value: 'abcd' },
      { name: 'LONG', value: 'abcdefgh' },
    ]);
    expect(text(masker.push(utf8('abcd')))).toBe('');
    expect(text(masker.push(utf8('ef')))).toBe('');
    expect(text(masker.push(utf8('!')))).toBe('<concealed:SHORT>ef!');
  });

  it('flush emits what was held back', () => {
    const masker = createMasker([TOKEN]);
    expect(text(masker.push(utf8('end: hunte')))).toBe('end: ');
    expect(text(masker.flush())).toBe('hunte');
    expect(masker.heldBytes).toBe(0);
  });

  it('can be used again after flush', () => {
    const masker = createMasker([TOKEN]);
    masker.push(utf8('hun'));
    masker.flush();
    expect(text(maskChunks(masker, [utf8('a hunter'), utf8('22 b')]))).toBe('a <concealed:TOKEN> b');
  });

  it('returns unchanged output as a view (no copy) and keeps nothing of the caller’s array', () => {
    const masker = createMasker([TOKEN]);
    const prefix = TOKEN.value.slice(0, 5);
    const chunk = utf8(`plain output ${prefix}`);
    const out = masker.push(chunk);
    expect(text(out)).toBe('plain output ');
    expect(out.buffer).toBe(chunk.buffer);
    chunk.fill(0);
    // The held-back possible prefix was copied, so wiping the caller's array cannot change it.
    expect(text(masker.flush())).toBe(prefix);
    const masked = masker.push(utf8(`x ${TOKEN.value} y`));
    expect(text(masked)).toBe(`x <concealed:${TOKEN.name}> y`);
  });

  it('pushParts joins held bytes to the start of a chunk and passes the rest as a view', () => {
    const masker = createMasker([TOKEN]);
    expect(text(masker.push(utf8('abc hun')))).toBe('abc ');
    const chunk = utf8(`ting season ${'.'.repeat(5000)} end`);
    const parts = masker.pushParts(chunk);
    expect(text(concatBytes(parts))).toBe(`hunting season ${'.'.repeat(5000)} end`);
    expect(parts.length).toBe(2);
    expect(parts[0]?.length).toBeLessThanOrEqual(3 + 256);
    expect(parts[1]?.buffer).toBe(chunk.buffer);
    expect(masker.pushParts(utf8(''))).toEqual([]);
    expect(text(concatBytes(masker.pushParts(utf8(` x ${TOKEN.value} y`))))).toBe(` x <concealed:${TOKEN.name}> y`);
  });

  it('bounds what a chain of overlapping matches holds back, and still conceals all of it', () => {
    const masker = createMasker([{ name: 'A', value: 'aaaa' }]);
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < 20; i++) {
      pieces.push(masker.push(utf8('a'.repeat(999))));
      expect(masker.heldBytes).toBeLessThan(10_000);
    }
    pieces.push(masker.push(utf8('aab')), masker.flush());
    expect(pieces.slice(0, 20).some((p) => p.length > 0)).toBe(true);
    const out = text(concatBytes(pieces));
    expect(out.replace(/<concealed:A>/g, '')).toBe('b');
    // Whatever match the chain is cut at, none of it survives.
    for (let n = 4090; n < 4120; n++) {
      expect(mask(`${'a'.repeat(n)}b`, [{ name: 'A', value: 'aaaa' }]).replace(/<concealed:A>/g, '')).toBe('b');
    }
  });
});

describe('createMasker: many values', () => {
  it('masks with hundreds of values (wide transition table)', () => {
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&*+,-./:;=?@[]^_{|}~';
    const secrets = Array.from({ length: 400 }, (_, i) => ({
      name: `V${i}`,
      value: Array.from({ length: 12 + (i % 20) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
    }));
    const set = collectPatterns(secrets);
    expect(buildAutomaton(set.patterns.map((p) => p.bytes), true).plainTable.kind).toBe('i32');
    const picked = [3, 150, 399];
    const input = utf8(picked.map((i) => `x ${secrets[i]?.value} ${Buffer.from(secrets[i]?.value ?? '').toString('base64')}`).join('\n'));
    const expected = picked.map((i) => `x <concealed:V${i}> <concealed:V${i}>`).join('\n');
    expect(text(maskChunks(createMasker(secrets), oneByteChunks(input)))).toBe(expected);
    expect(text(maskChunks(createMasker(secrets), [input]))).toBe(expected);
  });
});

describe('createMasker: escape sequences', () => {
  it('keeps colours around a value', () => {
    expect(mask('\x1b[31mhunter22\x1b[0m')).toBe('\x1b[31m<concealed:TOKEN>\x1b[0m');
  });

  it('masks a value interrupted by escape sequences and keeps them after the marker', () => {
    expect(mask('grep: \x1b[01;31m\x1b[Khunt\x1b[m\x1b[Ker22\x1b[0m')).toBe(
      'grep: \x1b[01;31m\x1b[K<concealed:TOKEN>\x1b[m\x1b[K\x1b[0m',
    );
  });

  it('stops holding a value interrupted by endless escape sequences', () => {
    const masker = createMasker([TOKEN]);
    expect(text(masker.push(utf8('hunt')))).toBe('');
    let emitted = '';
    for (let i = 0; i < 3000; i++) emitted += text(masker.push(utf8('\x1b[0m')));
    expect(emitted.startsWith('hunt\x1b[0m')).toBe(true);
    expect(masker.heldBytes).toBeLessThan(5000);
    // Past the limit the escapes break the value, as any other byte would.
    expect(text(masker.push(utf8('er22 hunter22')))).toBe('er22 <concealed:TOKEN>');
  });

  it('can be told not to match through escapes', () => {
    expect(mask('hunt\x1b[1mer22', [TOKEN], { throughEscapes: false })).toBe('hunt\x1b[1mer22');
  });

  it('does not match across the start of an OSC string', () => {
    expect(mask('hun\x1b]0;ter22\x07')).toBe('hun\x1b]0;ter22\x07');
    expect(mask('hun\x1b]ter22\x07')).toBe('hun\x1b]ter22\x07');
  });

  it('masks values inside OSC titles and hyperlinks', () => {
    expect(mask('\x1b]0;token hunter22\x07')).toBe('\x1b]0;token <concealed:TOKEN>\x07');
    expect(mask('\x1b]8;;https://x.test/?t=hunter22\x1b\\link\x1b]8;;\x1b\\')).toBe(
      '\x1b]8;;https://x.test/?t=<concealed:TOKEN>\x1b\\link\x1b]8;;\x1b\\',
    );
  });

  it('never ends an emitted chunk inside an escape sequence', () => {
    const input = utf8('a\x1b[38;5;196mred\x1b[0m \x1b]0;title\x07 \x1b]8;;https://x.test\x1b\\ hunter22 \x1b(B end');
    for (const chunks of [oneByteChunks(input), splitAt(input, [3, 9, 20, 31, 40, 55])]) {
      const masker = createMasker([TOKEN]);
      const pieces = runChunks(masker, chunks);
      const out = concatBytes(pieces);
      let offset = 0;
      for (const piece of pieces) {
        offset += piece.length;
        expect(insideEscape(out, offset)).toBe(false);
      }
    }
  });
});

describe('createMasker: UTF-8', () => {
  const secret = { name: 'U', value: 'pässwörd€😀' };

  it('masks values with multibyte characters, around and inside', () => {
    expect(mask('→ pässwörd€😀 ←', [secret])).toBe('→ <concealed:U> ←');
    expect(mask('ä€😀pässwörd€😀😀', [secret])).toBe('ä€😀<concealed:U>😀');
  });

  it('never ends an emitted chunk inside a character', () => {
    const input = utf8('日本語 pässwörd€😀 ✓ 😀😀 pässwö');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const chunks of [oneByteChunks(input), splitAt(input, [1, 5, 11, 17, 26])]) {
      const pieces = runChunks(createMasker([secret]), chunks);
      for (const piece of pieces) expect(() => decoder.decode(piece)).not.toThrow();
      expect(text(concatBytes(pieces))).toBe('日本語 <concealed:U> ✓ 😀😀 pässwö');
    }
  });

  it('holds an incomplete trailing character until it is complete', () => {
    const masker = createMasker([secret]);
    const euro = utf8('€');
    expect(text(masker.push(concatBytes([utf8('cost: 5'), euro.subarray(0, 2)])))).toBe('cost: 5');
    expect(masker.heldBytes).toBe(2);
    expect(text(masker.push(euro.subarray(2)))).toBe('€');
  });
});

/** True if `pos` falls strictly inside an escape sequence of `bytes`. */
function insideEscape(bytes: Uint8Array, pos: number): boolean {
  for (let i = 0; i < bytes.length && i < pos; i++) {
    if (bytes[i] !== ESC) continue;
    const end = escapeSequenceEnd(bytes, i, bytes.length, 4096);
    if (end === INCOMPLETE) return true;
    if (pos < end && pos > i) return true;
    i = end - 1;
  }
  return false;
}
