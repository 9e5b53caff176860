import { describe, expect, it } from 'vitest';
import { asksForHelp } from '../../../electron/cli/dispatch';

describe('asksForHelp', () => {
  it('sees --help and -h among the command’s own words', () => {
    expect(asksForHelp(['--help'])).toBe(true);
    expect(asksForHelp(['--project', '.', '-h'])).toBe(true);
    expect(asksForHelp(['--project', '.'])).toBe(false);
  });

  it('leaves them to the wrapped command after `--`', () => {
    expect(asksForHelp(['--', 'ls', '-h'])).toBe(false);
    expect(asksForHelp(['--project', '.', '--', 'grep', '--help'])).toBe(false);
    expect(asksForHelp(['-h', '--', 'ls'])).toBe(true);
  });
});
