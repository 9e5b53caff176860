/**
 * Latch secret scanner — pure engine (text in, findings out). No I/O, no node: imports.
 *
 * Usage
 *   const scanner = createScanner();                 // all built-in RULES
 *   const findings = scanner.scan(text, 'src/app.ts'); // Finding[] sorted by offset
 *
 * API
 *   createScanner(options?: ScannerOptions): Scanner
 *     options.rules?          readonly Rule[]      rule set (default RULES)
 *     options.disabledRules?  readonly string[]    rule ids to leave out
 *     options.knownValues?    KnownValueIndex      values the broker holds (see below)
 *     options.fingerprint?    (input: string) => string
 *                             hash for Finding.fingerprint over fingerprintInput(); default
 *                             FNV-1a 64-bit hex. The broker should pass an HMAC so that weak
 *                             secrets cannot be brute-forced from stored fingerprints.
 *   Scanner.scan(text: string, path?: string): Finding[]
 *                           `path` feeds the fingerprint and tells config files (.env, YAML,
 *                           shell…: unquoted values are literals) from code.
 *   Scanner.setKnownValues(index: KnownValueIndex | undefined): void
 *   Scanner.rules: readonly Rule[]                    the active rules
 *   RULES: readonly Rule[];  ruleById(id: string): Rule | undefined
 *   KNOWN_RULE_IDS  { personal: 'known-personal-token', lease: 'known-lease-value', stub: 'known-stub' }
 *   STUB_MARKER_RULE_ID = 'latch-stub'  (rule matches carrying the stub marker)
 *   KnownValueIndex { values: ReadonlyMap<keyedHash, { label, kind, length }>, hash(candidate): keyedHash }
 *   MIN_KNOWN_VALUE_LENGTH  shorter known values are not matched
 *   fingerprintInput(ruleId, path, secret): string   canonical fingerprint input
 *   defaultFingerprint(ruleId, path, secret): string  FNV-1a 64 hex of that input
 *   fnv1a64Hex(text): string
 *   redactSecret(secret, prefixLength, tailLength?): string
 *   shannonEntropy(text): number
 *   INLINE_ALLOW_MARKER = 'latch:allow'
 *
 * How it works
 *   1. One pass over the text with an Aho-Corasick automaton (ASCII case-folded) finds which
 *      rule keywords occur; rules whose keywords are absent cost nothing.
 *   2. Pattern rules (provider formats: prefix, charset, length, checksum) run their regex;
 *      matches are checked for boundaries, placeholders, entropy, documented example values,
 *      data-URI / integrity context and the rule's own validator (CRC-32, Bech32, JWT header…).
 *   3. Assignment rules look at `name = value`, `name: value`, `"name": "value"` around each
 *      keyword occurrence (provider-named variables and the generic password / API-key rules,
 *      gated by name words, entropy and filters for placeholders, references, UUIDs, hashes).
 *   4. Known values: the broker's KnownValueIndex maps keyed hashes of values it holds to
 *      {label, kind: 'personal' | 'lease' | 'stub', length}; candidate substrings of those
 *      lengths at token boundaries are hashed with the index's own hash function. A hit
 *      outranks any rule match on the same text: personal → `known-personal-token`, lease →
 *      `known-lease-value` (both secretKind 'known', critical), stub → `known-stub` (severity
 *      'info', secretKind 'stub': reported once, as a stub, never as a leak).
 *   5. A rule match that carries the Latch stub marker (shared/stubs isStubValue: LATCHSTUB,
 *      the keypad digits, latchstub.invalid hosts, the stub JWT claims…) is reported as
 *      `latch-stub`, severity 'info', secretKind 'stub' — without needing the broker's index.
 *   6. Overlapping matches keep the most specific rule; lines containing `latch:allow` are not
 *      reported (`latch:allow RULE-ID …` limits that to the named rules).
 *
 * Finding positions are 1-based lines/columns in UTF-16 code units; endColumn is exclusive.
 * `redacted` shows at most the fixed prefix and the last four characters. Messages never
 * contain secret values.
 */

export { createScanner, KNOWN_RULE_IDS, STUB_MARKER_RULE_ID, type Scanner, type ScannerOptions } from './engine';
export { RULES, ruleById } from './rules/index';
export type { AssignmentRule, AssignmentView, Finding, MatchContext, PatternRule, Rule, SecretKind, Severity } from './types';
export type { KnownValue, KnownValueIndex, KnownValueKind } from './known-values';
export { MIN_KNOWN_VALUE_LENGTH } from './known-values';
export { defaultFingerprint, fingerprintInput, fnv1a64Hex, type FingerprintFunction } from './fingerprint';
export { redactSecret } from './redact';
export { shannonEntropy } from './entropy';
export { INLINE_ALLOW_MARKER } from './inline-allow';
