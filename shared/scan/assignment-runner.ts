// Runs the assignment rules: parses `name = value` around each keyword occurrence and offers
// the assignment to the rules whose name and value shapes fit.

import { nameStartAt, parseAssignmentAt } from './assignments';
import type { Candidate } from './candidates';
import { randomEntropyFloor, shannonEntropy } from './entropy';
import type { KeywordHits } from './keyword-automaton';
import type { AssignmentRule, AssignmentView } from './types';
import { hasPlaceholderFragment, isDocumentedExample, isDottedIdentifierPath, isLowVariety, isReference } from './value-filters';

/** Config, env, shell and log files: unquoted values there are literals, not expressions. */
const CONFIG_FILE = /(?:^|[/\\])(?:\.env[^/\\]*|[^/\\]*\.(?:env|ya?ml|toml|ini|cfg|conf|properties|sh|bash|zsh|envrc|npmrc|pypirc|netrc|tfvars|hcl|txt|log)|Dockerfile[^/\\]*|Procfile|[^/\\.]+)$/i;

/** Unknown paths count as config files (text pasted from a terminal, a clipboard…). */
export function isConfigPath(path: string | undefined): boolean {
  return path === undefined || CONFIG_FILE.test(path);
}

/** Cheap structural test: the name carries a keyword of the rule and name/value have its shape. */
function matchesAssignmentShape(rule: AssignmentRule, lowerName: string, value: string): boolean {
  return rule.keywords.some((k) => lowerName.includes(k)) && rule.name.test(lowerName) && rule.value.test(value);
}

function passesAssignmentRule(rule: AssignmentRule, view: AssignmentView): boolean {
  if (rule.minEntropy > 0 && shannonEntropy(view.value) < Math.min(rule.minEntropy, randomEntropyFloor(view.value))) return false;
  return rule.validate ? rule.validate(view.value, view) : true;
}

function isPlausibleAssignedValue(value: string, quoted: boolean, configFile: boolean): boolean {
  if (hasPlaceholderFragment(value) || isReference(value) || isDocumentedExample(value)) return false;
  if (!quoted && !configFile && isDottedIdentifierPath(value)) return false;
  return !isLowVariety(value);
}

export function runAssignmentRules(
  rules: readonly AssignmentRule[],
  keywordIds: ReadonlySet<number>,
  keywords: readonly string[],
  hits: KeywordHits,
  text: string,
  configFile: boolean,
  out: Candidate[],
): void {
  const seenNames = new Set<number>();
  const shaped: AssignmentRule[] = [];
  for (const k of keywordIds) {
    const ends = hits.positions[k];
    if (!ends) continue;
    const length = (keywords[k] as string).length;
    for (const endOffset of ends) {
      const nameStart = nameStartAt(text, endOffset - length);
      if (seenNames.has(nameStart)) continue;
      seenNames.add(nameStart);
      const assignment = parseAssignmentAt(text, nameStart);
      if (!assignment) continue;
      const { value, quoted } = assignment;
      const lowerName = assignment.name.toLowerCase();
      shaped.length = 0;
      for (const rule of rules) if (matchesAssignmentShape(rule, lowerName, value)) shaped.push(rule);
      if (shaped.length === 0 || !isPlausibleAssignedValue(value, quoted, configFile)) continue;
      const view: AssignmentView = { name: assignment.name, lowerName, value, quoted, configFile };
      for (const rule of shaped) {
        if (!passesAssignmentRule(rule, view)) continue;
        const start = assignment.valueStart;
        out.push({ start, end: start + value.length, secret: value, priority: rule.priority, rule, known: undefined });
      }
    }
  }
}
