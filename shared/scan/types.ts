// Shared types of the secret scanner. Pure data shapes: no behaviour here.

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** leak: a credential that should not be there; stub: a Latch-issued fake; known: a value the broker holds. */
export type SecretKind = 'leak' | 'stub' | 'known';

export interface Finding {
  readonly ruleId: string;
  readonly provider: string;
  readonly severity: Severity;
  /** 1-based line of the first character of the secret. */
  readonly line: number;
  /** 1-based column (UTF-16 code units) of the first character. */
  readonly column: number;
  /** 1-based line of the last character. */
  readonly endLine: number;
  /** 1-based column just after the last character (exclusive, as in SARIF). */
  readonly endColumn: number;
  /** 0-based offset of the secret in the scanned text (UTF-16 code units). */
  readonly offset: number;
  readonly length: number;
  /** Preview such as `ghp_****…AbCd`; never the whole value. */
  readonly redacted: string;
  /** Stable hex id of (rule, path, value); see fingerprintInput(). */
  readonly fingerprint: string;
  /** Human sentence; never contains the secret value. */
  readonly message: string;
  readonly secretKind: SecretKind;
}

/** Where a pattern rule matched, handed to its validator. */
export interface MatchContext {
  readonly text: string;
  /** Offset of the secret in `text`. */
  readonly start: number;
  /** Offset just after the secret. */
  readonly end: number;
}

interface RuleBase {
  readonly id: string;
  readonly provider: string;
  /** What the secret is, e.g. "GitHub personal access token". Used in messages. */
  readonly title: string;
  readonly severity: Severity;
  /**
   * Lowercase literals. For pattern rules at least one of them occurs (case-insensitively) in
   * every match; for assignment rules at least one occurs in the variable name. The engine runs
   * a rule only when one of its keywords occurs in the text.
   */
  readonly keywords: readonly string[];
  /** Overlapping candidates keep the highest priority (specific formats beat generic ones). */
  readonly priority: number;
}

/** A credential recognised by its own shape (prefix, charset, length, checksum). */
export interface PatternRule extends RuleBase {
  readonly kind: 'pattern';
  /** Global regex. The secret is the named group `secret` when present, else the whole match. */
  readonly pattern: RegExp;
  /** Number of fixed leading characters of the secret (shown in previews, skipped by entropy). */
  readonly prefixLength: number;
  /** Minimum Shannon entropy (bits/char) of the secret after its fixed prefix. */
  readonly minEntropy: number;
  /** Reject matches glued to a preceding letter or digit. */
  readonly leftBoundary: boolean;
  /** Skip the generic placeholder/repetition checks (formats with long fixed runs). */
  readonly skipPlaceholderCheck: boolean;
  /** Characters of the end shown in previews (0 for e.g. PEM blocks). */
  readonly tailLength: number;
  readonly validate?: (secret: string, context: MatchContext) => boolean;
  /**
   * The regex matches a distinctive tail; the secret also includes the `length` characters
   * before it, which must fully match `pattern` (lets the regex start with a literal).
   */
  readonly extendLeft?: { readonly length: number; readonly pattern: RegExp };
}

/** A credential recognised by the name it is assigned to (`DATADOG_API_KEY=…`). */
export interface AssignmentRule extends RuleBase {
  readonly kind: 'assignment';
  /** Tested against the lowercased variable name. */
  readonly name: RegExp;
  /** Tested against the whole value (anchored). */
  readonly value: RegExp;
  readonly minEntropy: number;
  readonly validate?: (value: string, assignment: AssignmentView) => boolean;
}

export type Rule = PatternRule | AssignmentRule;

/** What an assignment rule sees of `name = value`. */
export interface AssignmentView {
  readonly name: string;
  readonly lowerName: string;
  readonly value: string;
  /** The value was a quoted literal. */
  readonly quoted: boolean;
  /** The file is a config/env/shell file where unquoted values are literals. */
  readonly configFile: boolean;
}
