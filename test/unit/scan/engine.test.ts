import { describe, expect, it } from 'vitest';
import { createScanner, defaultFingerprint, fingerprintInput, type Finding, RULES } from '../../../shared/scan/index';
import { awsKeyId, base64, githubPat, hex, npmToken, pemKey, randomToken, stripeLiveKey } from './fixtures';

const scanner = createScanner();
const ids = (findings: readonly Finding[]) => findings.map((f) => f.ruleId);

describe('finding shape', () => {
  it('reports 1-based lines and columns, an exclusive end column, offset and length', () => {
    const token = githubPat();
    const text = `first line\n  const t = "${token}";\nlast\n`;
    const [finding] = scanner.scan(text, 'src/a.ts');
    expect(finding).toBeDefined();
    if (!finding) return;
    expect(finding.ruleId).toBe('github-pat');
    expect(finding.provider).toBe('GitHub');
    expect(finding.severity).toBe('critical');
    expect(finding.secretKind).toBe('leak');
    expect(finding.line).toBe(2);
    expect(finding.column).toBe(14);
    expect(finding.endLine).toBe(2);
    expect(finding.endColumn).toBe(14 + token.length);
    expect(finding.offset).toBe(text.indexOf(token));
    expect(finding.length).toBe(token.length);
  });

  it('spans several lines for PEM blocks', () => {
    const key = pemKey();
    const text = `# deploy key\n${key}\n`;
    const [finding] = scanner.scan(text, 'id_rsa');
    expect(finding?.ruleId).toBe('private-key-rsa');
    expect(finding?.line).toBe(2);
    expect(finding?.endLine).toBe(2 + key.split('\n').length - 1);
    expect(finding?.endColumn).toBe('-----END RSA PRIVATE KEY-----'.length + 1);
  });

  it('counts columns in UTF-16 code units after non-ASCII text and handles CRLF', () => {
    const token = npmToken();
    const text = `ключ: "ok"\r\n// 日本語 ${token}\r\n`;
    const [finding] = scanner.scan(text, 'a.js');
    expect(finding?.ruleId).toBe('npm-access-token');
    expect(finding?.line).toBe(2);
    expect(finding?.column).toBe('// 日本語 '.length + 1);
  });

  it('never puts the secret in the preview or the message', () => {
    const secrets = [githubPat(), stripeLiveKey(), awsKeyId()];
    const findings = scanner.scan(secrets.map((s, i) => `value_${i} = "${s}"`).join('\n'), 'x.py');
    expect(findings).toHaveLength(3);
    findings.forEach((f, i) => {
      const secret = secrets[i] as string;
      expect(f.redacted).toContain('****');
      expect(f.redacted).not.toContain(secret);
      expect(f.redacted.replace('****…', '').length).toBeLessThanOrEqual(secret.length / 2);
      expect(f.message).not.toContain(secret);
    });
    expect(findings[0]?.redacted.startsWith('ghp_****…')).toBe(true);
  });

  it('returns findings sorted by offset, and nothing for empty text', () => {
    const text = `A=${stripeLiveKey()}\nB=${githubPat()}\nC=${npmToken()}\n`;
    const offsets = scanner.scan(text, '.env').map((f) => f.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(scanner.scan('', 'x')).toEqual([]);
  });
});

describe('fingerprints', () => {
  it('are stable and depend on rule, path and value', () => {
    const token = githubPat();
    const a = scanner.scan(`t=${token}`, 'a.env')[0];
    const again = createScanner().scan(`# moved\n\nt=${token}`, 'a.env')[0];
    const otherPath = scanner.scan(`t=${token}`, 'b.env')[0];
    expect(a?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(again?.fingerprint).toBe(a?.fingerprint);
    expect(otherPath?.fingerprint).not.toBe(a?.fingerprint);
    expect(a?.fingerprint).toBe(defaultFingerprint('github-pat', 'a.env', token));
  });

  it('can be computed by a hash the caller injects', () => {
    const seen: string[] = [];
    const custom = createScanner({
      fingerprint: (input) => {
        seen.push(input);
        return `h:${input.length}`;
      },
    });
    const token = githubPat();
    const [finding] = custom.scan(`t=${token}`, 'a.env');
    expect(seen).toEqual([fingerprintInput('github-pat', 'a.env', token)]);
    expect(finding?.fingerprint).toBe(`h:${seen[0]?.length}`);
  });
});

describe('overlaps and options', () => {
  it('reports a token assigned to a secret-named variable once, under the specific rule', () => {
    expect(ids(scanner.scan(`GITHUB_TOKEN=${githubPat()}`, '.env'))).toEqual(['github-pat']);
    expect(ids(scanner.scan(`api_key: "${stripeLiveKey()}"`, 'a.yaml'))).toEqual(['stripe-live-secret-key']);
  });

  it('leaves out disabled rules', () => {
    const partial = createScanner({ disabledRules: ['github-pat'] });
    expect(partial.rules.some((r) => r.id === 'github-pat')).toBe(false);
    expect(ids(partial.scan(`x ${githubPat()} y`, 'a.txt'))).toEqual([]);
  });

  it('accepts a custom rule set', () => {
    const only = createScanner({ rules: RULES.filter((r) => r.id === 'npm-access-token') });
    expect(ids(only.scan(`${githubPat()} ${npmToken()}`, 'a.txt'))).toEqual(['npm-access-token']);
  });
});

describe('inline allow', () => {
  it('skips a line containing latch:allow', () => {
    const text = `a = "${githubPat()}" // latch:allow test fixture\nb = "${githubPat()}"\n`;
    const findings = scanner.scan(text, 'a.ts');
    expect(findings.map((f) => f.line)).toEqual([2]);
  });

  it('skips only the named rules with latch:allow RULE-ID', () => {
    const token = githubPat();
    expect(scanner.scan(`t = "${token}" # latch:allow github-pat`, 'a.py')).toEqual([]);
    expect(ids(scanner.scan(`t = "${token}" # latch:allow npm-access-token`, 'a.py'))).toEqual(['github-pat']);
    expect(scanner.scan(`t = "${token}" # latch:allow npm-access-token, github-pat`, 'a.py')).toEqual([]);
  });
});

describe('generic assignments', () => {
  it('reports high-entropy literals assigned to secret-like names in code, YAML, JSON, .env and shell', () => {
    const cases: readonly [string, string][] = [
      [`const apiKey = "${randomToken()}";`, 'a.ts'],
      [`SECRET_KEY = '${randomToken(40)}'`, 'settings.py'],
      [`client_secret: ${randomToken()}`, 'values.yaml'],
      [`"accessToken": "${randomToken()}"`, 'c.json'],
      [`export DEPLOY_TOKEN=${randomToken()}`, 'deploy.sh'],
      [`DB_PASSWORD=Zr8!${randomToken(12)}`, '.env'],
    ];
    for (const [text, path] of cases) {
      const found = ids(scanner.scan(text, path));
      expect(found.length, text).toBe(1);
      expect(found[0], text).toMatch(/^generic-/);
    }
  });

  it('ignores placeholders, references, identifiers, hashes and encoded non-secrets', () => {
    const cases: readonly [string, string][] = [
      ['API_KEY=${API_KEY}', '.env'],
      ['token: "{{ .Values.token }}"', 'values.yaml'],
      ['SECRET=<your-secret-here>', '.env'],
      ['password = "changeme"', 'a.py'],
      ['TOKEN=xxxxxxxxxxxxxxxxxxxxxxxx', '.env'],
      ['const apiKey = process.env.API_KEY;', 'a.ts'],
      ['password = os.environ["DB_PASSWORD"]', 'a.py'],
      ['secret: !vault |', 'a.yaml'],
      ['"apiKey": "550e8400-e29b-41d4-a716-446655440000"', 'a.json'],
      [`commit: ${hex(40)}`, 'a.yaml'],
      [`"integrity": "sha512-${base64(86)}=="`, 'package-lock.json'],
      [`icon: "data:image/png;base64,${base64(400)}"`, 'a.yaml'],
      [`"publicKey": "${base64(43)}="`, 'a.json'],
      [`csrf_token = "${randomToken()}"`, 'a.py'],
      ['const TOKEN_STORAGE_KEY = "auth_token";', 'a.ts'],
      ['token = tokenizer.nextToken();', 'a.java'],
      ['password: string;', 'a.ts'],
      ['if (password === confirmPassword) {', 'a.ts'],
      [`password_hash = "$2b$12$${base64(53).replace(/\+/g, '.')}"`, 'a.py'],
      ['secret = "my-secret-name"', 'a.py'],
      ['SESSION_TOKEN_ID=550e8400-e29b-41d4-a716-446655440000', '.env'],
      ['password: "secret123"', 'docker-compose.yml'],
      ["export const TOKEN_END = '(?![A-Za-z0-9_+=-])';", 'define.ts'],
      ["  'slack-bot-token': 'ab5d6362c90aace6',", 'golden.test.ts'],
      ["const netrc = 'machine api.example.com\\n  login deploy\\n  password $NETRC_PASSWORD';", 'a.ts'],
    ];
    for (const [text, path] of cases) expect(scanner.scan(text, path), text).toEqual([]);
  });
});

describe('decoys that are not secrets', () => {
  it('ignores documentation example keys', () => {
    const examples = [
      ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join(''),
      ['wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', 'EXAMPLEKEY'].join(''),
      ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.'),
      ['sk_', 'test_4eC39HqLyjWDarjtT1zdp7dc'].join(''),
    ];
    expect(scanner.scan(`AWS_ACCESS_KEY_ID=${examples[0]}\nAWS_SECRET_ACCESS_KEY=${examples[1]}\njwt=${examples[2]}\nSTRIPE=${examples[3]}\n`, '.env')).toEqual([]);
  });

  it('ignores public keys, certificates and key-shaped placeholders', () => {
    const text = [
      `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${base64(360)} me@host`,
      pemKey('PUBLIC KEY'),
      pemKey('CERTIFICATE'),
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN OPENSSH PRIVATE KEY-----\n<paste your key here>\n-----END OPENSSH PRIVATE KEY-----',
    ].join('\n');
    expect(scanner.scan(text, 'README.md')).toEqual([]);
  });

  it('ignores credential-shaped runs inside data URIs and integrity strings', () => {
    const inside = awsKeyId();
    expect(scanner.scan(`url("data:image/png;base64,${base64(200)}${inside}${base64(100)}")`, 'a.css')).toEqual([]);
    expect(scanner.scan(`integrity sha512-${inside}${base64(66)}==`, 'yarn.lock')).toEqual([]);
  });

  it('still finds a private key escaped inside JSON', () => {
    const json = JSON.stringify({ private_key: `${pemKey('PRIVATE KEY')}\n` });
    expect(ids(scanner.scan(json, 'sa.json'))).toEqual(['private-key-pkcs8']);
  });

  it('checks a separate placeholder block without swallowing the real key after it', () => {
    const text = `-----BEGIN EC PRIVATE KEY-----\n...\n-----END EC PRIVATE KEY-----\n\n${pemKey('EC PRIVATE KEY')}\n`;
    const findings = scanner.scan(text, 'keys.md');
    expect(ids(findings)).toEqual(['private-key-ec']);
    expect(findings[0]?.line).toBe(5);
  });
});

describe('credentials in URLs and headers', () => {
  it('reports the password of a connection string, not placeholders', () => {
    const pw = `Qx9-${randomToken(14)}`;
    const [finding] = scanner.scan(`DATABASE_URL=postgres://app:${pw}@db.internal:5432/app`, '.env');
    expect(finding?.ruleId).toBe('postgres-connection-string');
    expect(finding?.length).toBe(pw.length);
    for (const placeholder of ['postgres://user:password@localhost/db', 'postgres://app:${DB_PASSWORD}@db/app', 'redis://:<password>@cache:6379', 'mongodb+srv://admin:admin@cluster0.example.net']) {
      expect(scanner.scan(placeholder, 'a.md'), placeholder).toEqual([]);
    }
  });

  it('reports Basic and Bearer Authorization headers', () => {
    const basic = Buffer.from(`deploy:${randomToken(20)}`).toString('base64');
    expect(ids(scanner.scan(`curl -H "Authorization: Basic ${basic}" https://x`, 'a.sh'))).toEqual(['http-basic-auth-header']);
    expect(ids(scanner.scan(`headers: { Authorization: 'Bearer ${randomToken(40)}' }`, 'a.ts'))).toEqual(['http-bearer-token-header']);
    expect(ids(scanner.scan(`headers: { Authorization: 'Bearer ${githubPat()}' }`, 'a.ts'))).toEqual(['github-pat']);
  });
});
