import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from '../../../shared/manifest';

describe('editDistance (Damerau, optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['stub', 'stub', 0],
    ['stb', 'stub', 1],
    ['stbu', 'stub', 1],
    ['prod', 'prdo', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
    ['', 'abc', 3],
  ])('%j -> %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestMatch', () => {
  const classes = ['stub', 'personal', 'dynamic', 'prod'];
  it('suggests near misses, ignoring case', () => {
    expect(closestMatch('stb', classes)).toBe('stub');
    expect(closestMatch('STUB', classes)).toBe('stub');
    expect(closestMatch('persnoal', classes)).toBe('personal');
    expect(closestMatch('dynamc', classes)).toBe('dynamic');
  });
  it('stays quiet when nothing is close', () => {
    expect(closestMatch('vault', classes)).toBeUndefined();
    expect(closestMatch('', classes)).toBeUndefined();
    expect(closestMatch('x'.repeat(200), classes)).toBeUndefined();
  });
  it('formats the hint', () => {
    expect(didYouMean('clas', ['class', 'token'])).toBe(' (did you mean "class"?)');
    expect(didYouMean('zzz', ['class', 'token'])).toBe('');
  });
});
