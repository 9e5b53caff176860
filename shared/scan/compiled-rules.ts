// Rules compiled for scanning: the keyword automaton and the keyword -> rules map.

import { createKeywordAutomaton, type KeywordAutomaton } from './keyword-automaton';
import type { Rule } from './types';

export interface CompiledRules {
  readonly automaton: KeywordAutomaton;
  /** For each automaton keyword, the indexes of the rules that declare it. */
  readonly rulesByKeyword: readonly (readonly number[])[];
  /** 1 for keywords whose every occurrence is needed (assignment rules look around them). */
  readonly positional: Uint8Array;
}

/**
 * Keywords are cut to this length for the prefilter: a prefix of a keyword occurs wherever the
 * keyword does, and shorter keywords keep the automaton small enough to stay in cache.
 */
const PREFILTER_KEYWORD_LENGTH = 32;

export function compileRules(rules: readonly Rule[]): CompiledRules {
  const keywordIndex = new Map<string, number>();
  const keywords: string[] = [];
  const keywordIdsByRule = rules.map((rule) => {
    if (rule.keywords.length === 0) throw new Error(`rule ${rule.id} has no keywords`);
    return rule.keywords.map((keyword) => {
      const k = keyword.toLowerCase().slice(0, PREFILTER_KEYWORD_LENGTH);
      let id = keywordIndex.get(k);
      if (id === undefined) {
        id = keywords.length;
        keywordIndex.set(k, id);
        keywords.push(k);
      }
      return id;
    });
  });
  const positional = new Uint8Array(keywords.length);
  const rulesByKeyword: number[][] = keywords.map(() => []);
  rules.forEach((rule, r) => {
    for (const k of keywordIdsByRule[r] as number[]) {
      (rulesByKeyword[k] as number[]).push(r);
      if (rule.kind === 'assignment') positional[k] = 1;
    }
  });
  return { automaton: createKeywordAutomaton(keywords), rulesByKeyword, positional };
}
