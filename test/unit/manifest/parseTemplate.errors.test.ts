import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../shared/manifest';
import { HEAD, PARSE_OPTIONS, yaml } from './fixtures';

interface MalformedCase {
  readonly name: string;
  readonly text: string;
  /** Every error, formatted `FILE:LINE:COL: message`, in order. */
  readonly errors: readonly string[];
}

// Each template is wrong in one way (sometimes two); the expected errors are exact.
const MALFORMED: readonly MalformedCase[] = [
  {
    name: 'unknown class',
    text: yaml(...HEAD, '  STRIPE_KEY:', '    class: stb', '    shape: stripe-secret-key'),
    errors: [
      "latch.yaml:5:12: unknown class \"stb\" for STRIPE_KEY; expected one of stub, personal, dynamic, prod (did you mean \"stub\"?)",
    ],
  },
  {
    name: 'unknown top-level key',
    text: yaml('version: 1', 'project: demo', 'secret:', '  A: { class: stub, shape: github-pat }'),
    errors: [
      "latch.yaml:1:1: missing key \"secrets\"; expected a mapping of environment variable names to secret entries",
      "latch.yaml:3:1: unknown key \"secret\" at the top level; expected one of version, project, description, defaults, secrets, environments (did you mean \"secrets\"?)",
    ],
  },
  {
    name: 'unknown entry key',
    text: yaml(...HEAD, '  GITHUB_TOKEN:', '    clas: personal', '    token: github-work'),
    errors: [
      "latch.yaml:4:3: secret GITHUB_TOKEN has no class; expected class: stub | personal | dynamic | prod",
      "latch.yaml:5:5: unknown key \"clas\" in secret GITHUB_TOKEN; expected one of class, description, owner, docs, rotation, shape, token, provider, ttl, maxTtl, onExpiry (did you mean \"class\"?)",
    ],
  },
  {
    name: 'unknown shape',
    text: yaml(...HEAD, '  STRIPE_KEY:', '    class: stub', '    shape: stripe-secret'),
    errors: [
      "latch.yaml:6:12: unknown shape \"stripe-secret\" for STRIPE_KEY; expected a built-in shape id or a custom shape {prefix, charset, length} (did you mean \"stripe-secret-key\"?)",
    ],
  },
  {
    name: 'unknown provider type',
    text: yaml(...HEAD, '  DATABASE_URL:', '    class: dynamic', '    provider: { type: postgress, server: local-pg }'),
    errors: [
      "latch.yaml:6:23: unknown provider type \"postgress\" for DATABASE_URL; expected one of postgres, command (did you mean \"postgres\"?)",
    ],
  },
  {
    name: 'unknown provider key',
    text: yaml(...HEAD, '  DATABASE_URL:', '    class: dynamic', '    provider: { type: postgres, server: local-pg, grant: [SELECT] }'),
    errors: [
      "latch.yaml:6:51: unknown key \"grant\" in postgres provider of DATABASE_URL; expected one of type, server, resource, database, grants (did you mean \"grants\"?)",
    ],
  },
  {
    name: 'override of unknown secret',
    text: yaml(...HEAD, '  STRIPE_KEY: { class: stub, shape: stripe-secret-key }', 'environments:', '  staging:', '    secrets:', '      STRIPE_KY: { class: personal, token: stripe-staging }'),
    errors: [
      "latch.yaml:8:7: unknown secret \"STRIPE_KY\" in environment staging; expected a secret declared under secrets (did you mean \"STRIPE_KEY\"?)",
    ],
  },
  {
    name: 'unknown override field',
    text: yaml(...HEAD, '  STRIPE_KEY: { class: stub, shape: stripe-secret-key }', 'environments:', '  staging:', '    secrets:', '      STRIPE_KEY: { class: personal, tokn: stripe-staging }'),
    errors: [
      "latch.yaml:8:38: unknown key \"tokn\" in override of STRIPE_KEY in environment staging; expected one of class, description, owner, docs, rotation, shape, token, provider, ttl, maxTtl, onExpiry (did you mean \"token\"?)",
    ],
  },
  {
    name: 'unknown environment key',
    text: yaml(...HEAD, '  STRIPE_KEY: { class: stub, shape: stripe-secret-key }', 'environments:', '  staging:', '    secret:', '      STRIPE_KEY: { class: personal, token: x }'),
    errors: [
      "latch.yaml:7:5: unknown key \"secret\" in environment staging; expected one of description, defaults, secrets (did you mean \"secrets\"?)",
    ],
  },
  {
    name: 'unclosed flow',
    text: yaml(...HEAD, '  A:', '    class: dynamic', '    provider: { type: postgres, server: local-pg, grants: [SELECT', '  B: { class: stub, shape: github-pat }'),
    errors: [
      "latch.yaml:7:3: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
      "latch.yaml:7:3: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }",
    ],
  },
  {
    name: 'tab indent',
    text: yaml(...HEAD, '  A:', '\tclass: stub'),
    errors: [
      "latch.yaml:5:1: YAML syntax error: Tabs are not allowed as indentation",
    ],
  },
  {
    name: 'duplicate secret',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat }', '  A: { class: stub, shape: github-pat }'),
    errors: [
      "latch.yaml:5:3: duplicate key \"A\"; each key may appear only once in a mapping",
    ],
  },
  {
    name: 'duplicate field',
    text: yaml(...HEAD, '  A:', '    class: stub', '    shape: github-pat', '    class: personal'),
    errors: [
      "latch.yaml:7:5: duplicate key \"class\"; each key may appear only once in a mapping",
    ],
  },
  {
    name: 'stub without shape',
    text: yaml(...HEAD, '  A:', '    class: stub'),
    errors: [
      "latch.yaml:4:3: stub secret A has no shape; expected shape: a built-in shape id or a custom shape {prefix, charset, length}",
    ],
  },
  {
    name: 'personal without token',
    text: yaml(...HEAD, '  A:', '    class: personal'),
    errors: [
      "latch.yaml:4:3: personal secret A has no token; expected token: the name of the keychain token that feeds it",
    ],
  },
  {
    name: 'dynamic without provider',
    text: yaml(...HEAD, '  A:', '    class: dynamic'),
    errors: [
      "latch.yaml:4:3: dynamic secret A has no provider; expected provider: {type: postgres | command, …}",
    ],
  },
  {
    name: 'prod without provider',
    text: yaml(...HEAD, '  A:', '    class: prod', '    ttl: 15m'),
    errors: [
      "latch.yaml:4:3: prod secret A has no provider; expected provider: {type: postgres | command, …}",
    ],
  },
  {
    name: 'invalid env var name',
    text: yaml(...HEAD, '  stripe-key: { class: stub, shape: stripe-secret-key }'),
    errors: [
      "latch.yaml:4:3: invalid secret name \"stripe-key\"; expected an environment variable name of A-Z, 0-9 and _ not starting with a digit (did you mean \"STRIPE_KEY\"?)",
    ],
  },
  {
    name: 'invalid duration',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat, ttl: 15min }'),
    errors: [
      "latch.yaml:4:45: invalid duration \"15min\" for ttl of A; expected a positive duration up to 3650d such as 90s, 15m, 1h, 7d or 1h30m",
    ],
  },
  {
    name: 'number duration',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat, ttl: 60 }'),
    errors: [
      "latch.yaml:4:45: ttl of A must be a duration such as 90s, 15m, 1h, 7d or 1h30m; found a number (did you mean \"60s\"?)",
    ],
  },
  {
    name: 'zero duration',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat, maxTtl: 0s }'),
    errors: [
      "latch.yaml:4:48: invalid duration \"0s\" for maxTtl of A; expected a positive duration up to 3650d such as 90s, 15m, 1h, 7d or 1h30m",
    ],
  },
  {
    name: 'ttl over maxTtl',
    text: yaml(...HEAD, '  A:', '    class: stub', '    shape: github-pat', '    ttl: 2h', '    maxTtl: 1h'),
    errors: [
      "latch.yaml:7:10: ttl 2h of A is longer than the maxTtl 1h",
    ],
  },
  {
    name: 'ttl over default maxTtl',
    text: yaml('version: 1', 'project: demo', 'defaults: { maxTtl: 4h }', 'secrets:', '  A: { class: stub, shape: github-pat, ttl: 5h }'),
    errors: [
      "latch.yaml:5:45: ttl 5h of A is longer than the maxTtl 4h from defaults",
    ],
  },
  {
    name: 'defaults ttl over built-in maxTtl',
    text: yaml('version: 1', 'project: demo', 'defaults: { ttl: 12h }', 'secrets:', '  A: { class: stub, shape: github-pat }'),
    errors: [
      "latch.yaml:3:18: ttl 12h in defaults is longer than the maxTtl 8h (built-in default)",
    ],
  },
  {
    name: 'docs ftp',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat, docs: "ftp://files.example.com/a" }'),
    errors: [
      "latch.yaml:4:46: docs of A must be an http(s) URL; found a URL with scheme \"ftp\"",
    ],
  },
  {
    name: 'docs not url',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat, docs: see the wiki }'),
    errors: [
      "latch.yaml:4:46: docs of A must be an http(s) URL; found text that is not a URL",
    ],
  },
  {
    name: 'token on stub',
    text: yaml(...HEAD, '  A:', '    class: stub', '    shape: github-pat', '    token: github-work'),
    errors: [
      "latch.yaml:7:5: token does not apply to stub secret A; only personal secrets have a token",
    ],
  },
  {
    name: 'provider on personal',
    text: yaml(...HEAD, '  A:', '    class: personal', '    token: github-work', '    provider: { type: postgres, server: local-pg }'),
    errors: [
      "latch.yaml:7:5: provider does not apply to personal secret A; only dynamic and prod secrets have a provider",
    ],
  },
  {
    name: 'version 2',
    text: yaml('version: 2', 'project: demo', 'secrets:', '  A: { class: stub, shape: github-pat }'),
    errors: [
      "latch.yaml:1:10: unsupported version 2; this Latch reads version 1",
    ],
  },
  {
    name: 'missing version and project',
    text: yaml('secrets:', '  A: { class: stub, shape: github-pat }'),
    errors: [
      "latch.yaml:1:1: missing key \"version\"; expected version: 1",
      "latch.yaml:1:1: missing key \"project\"; expected project: a kebab-case id such as payments-api",
    ],
  },
  {
    name: 'invalid project id',
    text: yaml('version: 1', 'project: Payments API', 'secrets:', '  A: { class: stub, shape: github-pat }'),
    errors: [
      "latch.yaml:2:10: invalid project id \"Payments API\"; expected a kebab-case id such as payments-api (did you mean \"payments-api\"?)",
    ],
  },
  {
    name: 'root list',
    text: yaml('- version: 1'),
    errors: [
      "latch.yaml:1:1: expected a mapping with version, project and secrets at the top level; found a list",
    ],
  },
  {
    name: 'empty',
    text: '',
    errors: [
      "latch.yaml:1:1: empty template; expected a mapping with version, project and secrets",
    ],
  },
  {
    name: 'pasted value',
    text: yaml(...HEAD, '  STRIPE_KEY: sk_test_4eC39HqLyjWDarjtT1zdp7dc'),
    errors: [
      "latch.yaml:4:15: secret STRIPE_KEY must be a mapping with a class; found a string (latch.yaml declares secrets, never their values)",
    ],
  },
  {
    name: 'unknown onExpiry',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat, onExpiry: end }'),
    errors: [
      "latch.yaml:4:50: unknown onExpiry \"end\" for A; expected one of end-shell, stub-only",
    ],
  },
  {
    name: 'custom shape bad charset no length',
    text: yaml(...HEAD, '  A:', '    class: stub', '    shape: { prefix: tok_, charset: alnum }'),
    errors: [
      "latch.yaml:6:12: shape of A has no length; expected length: a whole number from 1 to 512",
      "latch.yaml:6:37: unknown charset \"alnum\" in shape of A; expected one of alphanumeric, lower-alphanumeric, upper-alphanumeric, hex, upper-hex, digits, base64, base64url, or the allowed characters spelled out (2-94 distinct printable ASCII characters, no space)",
    ],
  },
  {
    name: 'literal charset with repeats',
    text: yaml(...HEAD, '  A:', '    class: stub', '    shape: { charset: "ABCA0123", length: 8 }'),
    errors: [
      "latch.yaml:6:23: invalid charset in shape of A; expected one of alphanumeric, lower-alphanumeric, upper-alphanumeric, hex, upper-hex, digits, base64, base64url, or the allowed characters spelled out (2-94 distinct printable ASCII characters, no space)",
    ],
  },
  {
    name: 'mistyped charset name',
    text: yaml(...HEAD, '  A:', '    class: stub', '    shape: { charset: alphanumerc, length: 8 }'),
    errors: [
      "latch.yaml:6:23: unknown charset \"alphanumerc\" in shape of A; expected one of alphanumeric, lower-alphanumeric, upper-alphanumeric, hex, upper-hex, digits, base64, base64url, or the allowed characters spelled out (2-94 distinct printable ASCII characters, no space) (did you mean \"alphanumeric\"?)",
    ],
  },
  {
    name: 'command without mint',
    text: yaml(...HEAD, '  A:', '    class: dynamic', '    provider: { type: command, revoke: ./revoke }'),
    errors: [
      "latch.yaml:6:15: command provider of A has no mint; expected mint: a command as a string or a list of arguments",
    ],
  },
  {
    name: 'postgres without server',
    text: yaml(...HEAD, '  A:', '    class: dynamic', '    provider: { type: postgres, database: app }'),
    errors: [
      "latch.yaml:6:15: postgres provider of A needs a server (a local server the broker knows) or a resource (a named database)",
    ],
  },
  {
    name: 'override class without token',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat }', 'environments:', '  staging:', '    secrets:', '      A: { class: personal }'),
    errors: [
      "latch.yaml:8:7: personal secret A in environment staging has no token; expected token: the name of the keychain token that feeds it",
    ],
  },
  {
    name: 'invalid environment name',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat }', 'environments:', '  Staging: {}'),
    errors: [
      "latch.yaml:6:3: invalid environment name \"Staging\"; expected a kebab-case name such as staging (did you mean \"staging\"?)",
    ],
  },
  {
    name: 'bad token name',
    text: yaml(...HEAD, '  A: { class: personal, token: ghp_SECRETVALUE123 }'),
    errors: [
      "latch.yaml:4:32: invalid token name of A; expected a keychain token name such as github-work (1-64 characters of a-z 0-9 . _ / - starting with a letter or digit)",
    ],
  },
  {
    name: 'override ttl over base maxTtl',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat, maxTtl: 1h }', 'environments:', '  staging:', '    secrets:', '      A: { ttl: 2h }'),
    errors: [
      "latch.yaml:8:17: ttl 2h of A in environment staging is longer than the maxTtl 1h of A",
    ],
  },
  {
    name: 'multiple documents',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat }', '---', 'version: 1'),
    errors: [
      "latch.yaml:5:1: YAML syntax error: Source contains multiple documents; please use YAML.parseAllDocuments()",
    ],
  },
  {
    name: 'grants not a list',
    text: yaml(...HEAD, '  A:', '    class: dynamic', '    provider: { type: postgres, server: local-pg, grants: SELECT }'),
    errors: [
      "latch.yaml:6:59: grants in postgres provider of A must be a list of strings; found a string",
    ],
  },
  {
    name: 'class number',
    text: yaml(...HEAD, '  A: { class: 3, shape: github-pat }'),
    errors: [
      "latch.yaml:4:15: class of A must be one of stub, personal, dynamic, prod; found a number",
    ],
  },
  {
    name: 'secrets list',
    text: yaml('version: 1', 'project: demo', 'secrets:', '  - A'),
    errors: [
      "latch.yaml:4:3: secrets must be a mapping of environment variable names to secret entries; found a list",
    ],
  },
  {
    name: 'null entry',
    text: yaml(...HEAD, '  A:'),
    errors: [
      "latch.yaml:4:3: secret A has no fields; expected at least class: stub | personal | dynamic | prod",
    ],
  },
  {
    name: 'spaced duration',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat, rotation: 90 D }'),
    errors: [
      "latch.yaml:4:50: invalid duration \"90 D\" for rotation of A; expected a positive duration up to 3650d such as 90s, 15m, 1h, 7d or 1h30m (did you mean \"90d\"?)",
    ],
  },
  {
    name: 'capitalised class',
    text: yaml(...HEAD, '  A: { class: Stub, shape: github-pat }'),
    errors: [
      "latch.yaml:4:15: unknown class \"Stub\" for A; expected one of stub, personal, dynamic, prod (did you mean \"stub\"?)",
    ],
  },
  {
    name: 'env defaults ttl over max',
    text: yaml(...HEAD, '  A: { class: stub, shape: github-pat }', 'environments:', '  staging:', '    defaults: { ttl: 9h }'),
    errors: [
      "latch.yaml:7:22: ttl 9h in the defaults of environment staging is longer than the maxTtl 8h (built-in default)",
    ],
  },
];

describe('parseTemplate on malformed templates', () => {
  it('has a table of at least 30 cases', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MALFORMED)('$name', ({ text, errors }) => {
    const result = parseTemplate(text, 'latch.yaml', PARSE_OPTIONS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.format())).toEqual(errors);
    for (const error of result.errors) {
      expect(error.format()).toBe(`${error.file}:${error.line}:${error.column}: ${error.message}`);
    }
  });
});
