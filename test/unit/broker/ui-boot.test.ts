import { describe, expect, it } from 'vitest';
import { bootAnswersBlock, splitForBootAnswers } from '../../../electron/broker/transports/ui-boot';
import { BOOT_ELEMENT_ID } from '../../../shared/contract/boot';

describe('answers embedded in the page served by `latch ui`', () => {
  it('is a JSON data block no value can close or break out of', () => {
    const hostile = '</script><script>alert(1)</script><!--';
    const block = bootAnswersBlock({ 'token.list': { ok: true, value: [{ name: 'x', owner: hostile, notes: hostile }] } });
    expect(block.startsWith(`<script type="application/json" id="${BOOT_ELEMENT_ID}">`)).toBe(true);
    expect(block.endsWith('</script>')).toBe(true);
    const inner = block.slice(block.indexOf('>') + 1, -'</script>'.length);
    expect(inner).not.toContain('<');
    expect(JSON.parse(inner)).toEqual({ 'token.list': { ok: true, value: [{ name: 'x', owner: hostile, notes: hostile }] } });
  });

  it('goes before </body>, or at the end of a page without one', () => {
    expect(splitForBootAnswers('<html><body><div id="root"></div></body></html>')).toEqual(['<html><body><div id="root"></div>', '</body></html>']);
    expect(splitForBootAnswers('<div id="root"></div>')).toEqual(['<div id="root"></div>', '']);
  });
});
