// Ordinary, secret-free lines for each kind of file.

import { ALNUM, DIGITS, LOWER, type Rng } from './rng';

export type FileKind = 'env' | 'yaml' | 'json' | 'ts' | 'py' | 'sh' | 'minjs' | 'log' | 'md' | 'pem';

const word = (rng: Rng): string => rng.pick(['users', 'orders', 'items', 'billing', 'search', 'reports', 'cache', 'queue', 'auth', 'profile']);

const FILLERS: Readonly<Record<FileKind, readonly ((rng: Rng) => string)[]>> = {
  env: [
    (rng) => `PORT=${rng.between(3000, 9000)}`,
    () => 'NODE_ENV=production',
    (rng) => `LOG_LEVEL=${rng.pick(['info', 'debug', 'warn'])}`,
    (rng) => `DATABASE_HOST=db-${rng.int(9)}.internal`,
    (rng) => `FEATURE_${word(rng).toUpperCase()}=${rng.pick(['true', 'false'])}`,
    (rng) => `# ${word(rng)} service settings`,
    (rng) => `TOKEN_TTL_SECONDS=${rng.between(60, 86400)}`,
    () => 'PASSWORD_MIN_LENGTH=12',
  ],
  yaml: [
    (rng) => `replicas: ${rng.between(1, 6)}`,
    (rng) => `image: registry.internal/${word(rng)}:${rng.between(1, 9)}.${rng.int(20)}.${rng.int(20)}`,
    (rng) => `# ${word(rng)} deployment`,
    (rng) => `timeoutSeconds: ${rng.between(5, 120)}`,
    () => 'tokenEndpoint: "https://auth.internal/oauth/token"',
    (rng) => `labels: { app: ${word(rng)}, tier: backend }`,
    () => 'passwordPolicy: strong',
  ],
  json: [
    (rng) => `"name": "${word(rng)}-service"`,
    (rng) => `"version": "${rng.between(1, 5)}.${rng.int(30)}.${rng.int(30)}"`,
    (rng) => `"retries": ${rng.between(0, 5)}`,
    () => '"private": true',
    (rng) => `"homepage": "https://${word(rng)}.example.com"`,
    () => '"tokenType": "Bearer"',
  ],
  ts: [
    (rng) => `import { ${word(rng)}Handler } from './${word(rng)}';`,
    (rng) => `export function ${word(rng)}Total(a: number, b: number): number { return a + b * ${rng.between(2, 9)}; }`,
    (rng) => `const timeoutMs = ${rng.between(1, 60)}_000;`,
    () => "const TOKEN_STORAGE_KEY = 'auth_token';",
    (rng) => `logger.info('loaded ${word(rng)} in %d ms', elapsed);`,
    () => 'const password = await prompt({ type: "password", name: "password" });',
    () => 'if (!token) throw new Error("missing token");',
  ],
  py: [
    (rng) => `def ${word(rng)}_count(items):\n    return len(items) * ${rng.between(1, 9)}`,
    () => 'import os',
    () => 'DEBUG = False',
    (rng) => `ALLOWED_HOSTS = ["${word(rng)}.example.com"]`,
    () => 'password = getpass.getpass("Password: ")',
    () => 'TOKEN_HEADER = "Authorization"',
  ],
  sh: [
    () => 'set -euo pipefail',
    (rng) => `echo "deploying ${word(rng)}"`,
    (rng) => `kubectl rollout status deploy/${word(rng)} --timeout=${rng.between(60, 600)}s`,
    () => 'read -rsp "Password: " PASSWORD',
    (rng) => `curl -fsS https://${word(rng)}.internal/healthz`,
  ],
  minjs: [
    (rng) => `function ${rng.string(LOWER, 1)}(${rng.string(LOWER, 1)},${rng.string(LOWER, 1)}){return ${rng.string(LOWER, 1)}.${word(rng)}+${rng.int(99)}}`,
    (rng) => `var ${rng.string(LOWER, 2)}=${rng.string(DIGITS, 4)},${rng.string(LOWER, 2)}="${word(rng)}"`,
    () => 'Object.keys(e).forEach(function(t){n[t]=e[t]})',
    (rng) => `${rng.string(LOWER, 1)}.token=${rng.string(LOWER, 1)}.token||null`,
    (rng) => `"use strict";var ${rng.string(LOWER, 1)}=Symbol.for("${word(rng)}")`,
  ],
  log: [
    (rng) => `2024-05-01T10:${rng.between(10, 59)}:${rng.between(10, 59)}Z INFO request handled path=/api/${word(rng)} status=200 duration_ms=${rng.between(1, 900)}`,
    (rng) => `2024-05-01T10:${rng.between(10, 59)}:${rng.between(10, 59)}Z WARN retrying ${word(rng)} attempt=${rng.between(1, 5)}`,
    (rng) => `2024-05-01T10:${rng.between(10, 59)}:${rng.between(10, 59)}Z DEBUG cache hit key=${word(rng)}:${rng.string(ALNUM, 6)}`,
    () => '2024-05-01T10:00:00Z INFO token refreshed for user=42',
  ],
  md: [
    (rng) => `## ${word(rng)}`,
    (rng) => `The ${word(rng)} service reads its settings from the environment.`,
    () => 'Never commit real credentials; use `latch` to inject them.',
    (rng) => `- step ${rng.between(1, 9)}: run the migrations`,
    () => 'Set the password in your keychain, not in this file.',
  ],
  pem: [() => ''],
};

export function fillerLine(kind: FileKind, rng: Rng): string {
  return rng.pick(FILLERS[kind])(rng);
}
