// Which class a variable of a .env.example probably is, and the entry that follows.
//   PROD_* / *_PROD                      -> prod (provider: postgres for database URLs, else a placeholder)
//   a shape is known for it              -> stub
//   named like a secret, or a URL with a password -> personal (token named after the variable)
//   anything else                        -> not a secret (PORT, NODE_ENV, LOG_LEVEL, …): skipped

import type { Provider, SecretEntry } from '../model/schema';
import { isEnvVarName, isTokenName, toKebabId } from '../model/names';

export type GuessShape = (key: string, exampleValue: string) => string | undefined;

export type EntryGuess =
  | { readonly entry: SecretEntry; readonly note?: string }
  | { readonly skipped: string };

const PROD_NAME = /^PROD(?:UCTION)?_|_PROD(?:UCTION)?(?:_|$)/;
const SECRET_NAME =
  /(?:^|_)(?:TOKEN|KEY|SECRET|PASSWORD|PASSWD|PASS|PWD|PASSPHRASE|CREDENTIALS?|AUTH|DSN|PRIVATE|SALT|CERT|CONNECTION_STRING)(?:$|_)/;
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i;
const DATABASE_URL = /^(?:postgres(?:ql)?):\/\//;

export function guessEntry(key: string, exampleValue: string, guessShape: GuessShape): EntryGuess {
  if (!isEnvVarName(key)) return { skipped: `${key} is not an environment variable name latch.yaml can declare` };
  const shape = guessShape(key, exampleValue);
  if (PROD_NAME.test(key)) {
    const entry: SecretEntry = { class: 'prod', ...(shape ? { shape } : {}), provider: prodProvider(key, exampleValue, shape) };
    const note =
      entry.provider.type === 'command'
        ? `guessed class prod for ${key}; replace its placeholder provider with how the value is obtained`
        : `guessed class prod for ${key}; check its provider resource`;
    return { entry, note };
  }
  if (shape) return { entry: { class: 'stub', shape } };
  if (SECRET_NAME.test(key) || URL_WITH_PASSWORD.test(exampleValue.trim())) {
    return { entry: { class: 'personal', token: tokenNameFor(key) } };
  }
  return { skipped: `${key} looks like configuration rather than a secret; declare it by hand if it is one` };
}

function prodProvider(key: string, exampleValue: string, shape: string | undefined): Provider {
  if (shape === 'postgres-url' || DATABASE_URL.test(exampleValue.trim())) {
    return { type: 'postgres', resource: toKebabId(key) ?? 'prod-db' };
  }
  const message = `latch: say in latch.yaml how ${key} is obtained`;
  return { type: 'command', mint: ['sh', '-c', `echo '${message}' >&2; exit 1`] };
}

function tokenNameFor(key: string): string {
  const name = toKebabId(key);
  return name !== undefined && isTokenName(name) ? name : 'token';
}
