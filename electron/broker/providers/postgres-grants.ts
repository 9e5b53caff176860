// The grants a postgres template may give a minted role, checked against a strict grammar so
// that a template can only ever produce `GRANT <privileges> ON <objects> TO <minted role>`:
//
//   grant      := privileges ON objects
//   privileges := ALL [PRIVILEGES] | privilege [ "(" column {"," column} ")" ] {"," ...}
//   objects    := [TABLE] name {"," name} | SEQUENCE name {"," name}
//               | DATABASE ident {"," ident} | SCHEMA ident {"," ident}
//               | ALL (TABLES | SEQUENCES | FUNCTIONS | PROCEDURES | ROUTINES) IN SCHEMA ident {"," ident}
//   name       := ident ["." ident]
//   ident      := [A-Za-z_][A-Za-z0-9_]*  (folded to lower case, as PostgreSQL does; always emitted quoted)
//
// Keywords are case-insensitive. Quoted identifiers, literals, `;`, `TO`, `WITH GRANT OPTION`,
// `GRANTED BY` and anything else are refused.

import { ProviderError } from './provider';
import { MAX_IDENTIFIER_BYTES, quoteIdent } from './sql-identifiers';

export const PRIVILEGES = [
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'TRUNCATE',
  'REFERENCES',
  'TRIGGER',
  'USAGE',
  'CREATE',
  'CONNECT',
  'TEMPORARY',
  'TEMP',
  'EXECUTE',
] as const;
export type Privilege = (typeof PRIVILEGES)[number];

type ObjectKind = 'TABLE' | 'SEQUENCE' | 'DATABASE' | 'SCHEMA';
type SchemaWideKind = 'TABLES' | 'SEQUENCES' | 'FUNCTIONS' | 'PROCEDURES' | 'ROUTINES';

export interface PrivilegeItem {
  privilege: Privilege;
  /** Column list (SELECT/INSERT/UPDATE/REFERENCES on tables only). */
  columns?: string[];
}

export type GrantTarget =
  | { kind: ObjectKind; names: string[][] }
  | { kind: 'ALL IN SCHEMA'; objects: SchemaWideKind; schemas: string[] };

export interface ParsedGrant {
  /** 'ALL' for ALL [PRIVILEGES]. */
  privileges: 'ALL' | PrivilegeItem[];
  target: GrantTarget;
}

const ALLOWED: Record<ObjectKind | SchemaWideKind, readonly Privilege[]> = {
  TABLE: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'],
  TABLES: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'],
  SEQUENCE: ['USAGE', 'SELECT', 'UPDATE'],
  SEQUENCES: ['USAGE', 'SELECT', 'UPDATE'],
  DATABASE: ['CREATE', 'CONNECT', 'TEMPORARY', 'TEMP'],
  SCHEMA: ['CREATE', 'USAGE'],
  FUNCTIONS: ['EXECUTE'],
  PROCEDURES: ['EXECUTE'],
  ROUTINES: ['EXECUTE'],
};
const COLUMN_PRIVILEGES: readonly Privilege[] = ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'];
const OBJECT_KINDS: readonly string[] = ['TABLE', 'SEQUENCE', 'DATABASE', 'SCHEMA'];
const SCHEMA_WIDE_KINDS: readonly string[] = ['TABLES', 'SEQUENCES', 'FUNCTIONS', 'PROCEDURES', 'ROUTINES'];
/** Object kinds GRANT knows but templates may not use (a name after them is not a table). */
const UNSUPPORTED_KINDS: readonly string[] = ['FUNCTION', 'PROCEDURE', 'ROUTINE', 'LARGE', 'FOREIGN', 'DOMAIN', 'TYPE', 'LANGUAGE', 'TABLESPACE', 'PARAMETER'];
const MAX_GRANT_LENGTH = 2000;

type Token = { type: 'word'; text: string } | { type: 'punct'; text: ',' | '.' | '(' | ')' };

class GrantSyntaxError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|([A-Za-z_][A-Za-z0-9_]*)|([,.()])/y;
  let index = 0;
  while (index < text.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) {
      throw new GrantSyntaxError(`unexpected character ${JSON.stringify(text.charAt(index))} at position ${index + 1}`);
    }
    if (match[1] !== undefined) tokens.push({ type: 'word', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ type: 'punct', text: match[2] as ',' | '.' | '(' | ')' });
    index = pattern.lastIndex;
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private describe(token: Token | undefined): string {
    return token === undefined ? 'end of grant' : JSON.stringify(token.text);
  }

  private peekKeyword(): string | undefined {
    const token = this.peek();
    return token?.type === 'word' ? token.text.toUpperCase() : undefined;
  }

  private acceptKeyword(keyword: string): boolean {
    if (this.peekKeyword() !== keyword) return false;
    this.position += 1;
    return true;
  }

  private expectKeyword(keyword: string): void {
    if (!this.acceptKeyword(keyword)) throw new GrantSyntaxError(`expected ${keyword}, found ${this.describe(this.peek())}`);
  }

  private acceptPunct(text: ',' | '.' | '(' | ')'): boolean {
    const token = this.peek();
    if (token?.type !== 'punct' || token.text !== text) return false;
    this.position += 1;
    return true;
  }

  private identifier(what: string): string {
    const token = this.peek();
    if (token?.type !== 'word') throw new GrantSyntaxError(`expected ${what}, found ${this.describe(token)}`);
    if (token.text.length > MAX_IDENTIFIER_BYTES) throw new GrantSyntaxError(`${what} longer than ${MAX_IDENTIFIER_BYTES} characters`);
    this.position += 1;
    return token.text.toLowerCase();
  }

  private identifierList(what: string): string[] {
    const names = [this.identifier(what)];
    while (this.acceptPunct(',')) names.push(this.identifier(what));
    return names;
  }

  private qualifiedNameList(what: string): string[][] {
    const names: string[][] = [];
    do {
      const name = [this.identifier(what)];
      if (this.acceptPunct('.')) name.push(this.identifier(what));
      names.push(name);
    } while (this.acceptPunct(','));
    return names;
  }

  private privileges(): ParsedGrant['privileges'] {
    if (this.acceptKeyword('ALL')) {
      this.acceptKeyword('PRIVILEGES');
      return 'ALL';
    }
    const items: PrivilegeItem[] = [];
    do {
      const word = this.peekKeyword();
      const privilege = PRIVILEGES.find((candidate) => candidate === word);
      if (privilege === undefined) {
        throw new GrantSyntaxError(`expected a privilege (${PRIVILEGES.join(', ')} or ALL), found ${this.describe(this.peek())}`);
      }
      this.position += 1;
      const item: PrivilegeItem = { privilege };
      if (this.acceptPunct('(')) {
        item.columns = this.identifierList('a column name');
        if (!this.acceptPunct(')')) throw new GrantSyntaxError(`expected ")", found ${this.describe(this.peek())}`);
      }
      items.push(item);
    } while (this.acceptPunct(','));
    return items;
  }

  private target(): GrantTarget {
    if (this.acceptKeyword('ALL')) {
      const objects = this.peekKeyword();
      if (objects === undefined || !SCHEMA_WIDE_KINDS.includes(objects)) {
        throw new GrantSyntaxError(`expected TABLES, SEQUENCES, FUNCTIONS, PROCEDURES or ROUTINES after ON ALL, found ${this.describe(this.peek())}`);
      }
      this.position += 1;
      this.expectKeyword('IN');
      this.expectKeyword('SCHEMA');
      return { kind: 'ALL IN SCHEMA', objects: objects as SchemaWideKind, schemas: this.identifierList('a schema name') };
    }
    const keyword = this.peekKeyword();
    if (keyword !== undefined && OBJECT_KINDS.includes(keyword)) {
      this.position += 1;
      const kind = keyword as ObjectKind;
      if (kind === 'DATABASE') return { kind, names: this.identifierList('a database name').map((name) => [name]) };
      if (kind === 'SCHEMA') return { kind, names: this.identifierList('a schema name').map((name) => [name]) };
      return { kind, names: this.qualifiedNameList(`a ${kind.toLowerCase()} name`) };
    }
    const next = this.tokens[this.position + 1];
    if (keyword !== undefined && UNSUPPORTED_KINDS.includes(keyword) && next?.type === 'word') {
      throw new GrantSyntaxError(`${keyword} objects are not supported (use TABLE, SEQUENCE, DATABASE, SCHEMA or ALL … IN SCHEMA)`);
    }
    return { kind: 'TABLE', names: this.qualifiedNameList('a table name') };
  }

  parse(): ParsedGrant {
    const privileges = this.privileges();
    this.expectKeyword('ON');
    const target = this.target();
    const rest = this.peek();
    if (rest !== undefined) {
      throw new GrantSyntaxError(`unexpected ${this.describe(rest)} after the object list (a grant is "<privileges> ON <objects>"; Latch adds the role)`);
    }
    return { privileges, target };
  }
}

function checkApplicable(grant: ParsedGrant): void {
  const target = grant.target;
  const kind = target.kind === 'ALL IN SCHEMA' ? target.objects : target.kind;
  if (grant.privileges === 'ALL') return;
  for (const item of grant.privileges) {
    if (!ALLOWED[kind].includes(item.privilege)) {
      throw new GrantSyntaxError(`${item.privilege} does not apply to ${kind} (allowed: ${ALLOWED[kind].join(', ')})`);
    }
    if (item.columns !== undefined && (kind !== 'TABLE' || !COLUMN_PRIVILEGES.includes(item.privilege))) {
      throw new GrantSyntaxError(`a column list is only allowed with ${COLUMN_PRIVILEGES.join(', ')} on a TABLE`);
    }
  }
}

/** Parse one template grant; throws a non-retryable ProviderError naming what is wrong. */
export function parseGrant(text: string): ParsedGrant {
  const shown = JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
  try {
    if (text.length > MAX_GRANT_LENGTH) throw new GrantSyntaxError(`longer than ${MAX_GRANT_LENGTH} characters`);
    const tokens = tokenize(text);
    if (tokens.length === 0) throw new GrantSyntaxError('empty grant');
    const grant = new Parser(tokens).parse();
    checkApplicable(grant);
    return grant;
  } catch (error) {
    if (error instanceof GrantSyntaxError) throw new ProviderError(`postgres provider: invalid grant ${shown}: ${error.message}`, false);
    throw error;
  }
}

function renderPrivileges(privileges: ParsedGrant['privileges']): string {
  if (privileges === 'ALL') return 'ALL PRIVILEGES';
  return privileges
    .map((item) => (item.columns === undefined ? item.privilege : `${item.privilege} (${item.columns.map(quoteIdent).join(', ')})`))
    .join(', ');
}

function renderTarget(target: GrantTarget): string {
  if (target.kind === 'ALL IN SCHEMA') return `ALL ${target.objects} IN SCHEMA ${target.schemas.map(quoteIdent).join(', ')}`;
  return `${target.kind} ${target.names.map((parts) => parts.map(quoteIdent).join('.')).join(', ')}`;
}

/** The GRANT statement for a parsed grant, every name quoted. */
export function grantStatement(grant: ParsedGrant, role: string): string {
  return `GRANT ${renderPrivileges(grant.privileges)} ON ${renderTarget(grant.target)} TO ${quoteIdent(role)}`;
}
