// `provider:` of dynamic and prod secrets: `{type: postgres | command, …}`. Each type has
// its own key set; new types slot in by adding a reader to PROVIDER_READERS.

import type { Node } from 'yaml';
import { isMap } from 'yaml';
import type { ReadContext } from './readContext';
import { describeFound, stringValue } from './describe';
import { hasOnlyKeys, readMapping, readPairs, type Mapping } from './readMapping';
import { readChoice, readName, readText, readTextList } from './readScalars';
import { PROVIDER_TYPES, type ProviderType } from '../model/vocabulary';
import { isKebabId, toKebabId } from '../model/names';
import type { CommandLine, CommandProvider, PostgresProvider, Provider } from '../model/schema';

const KEBAB_EXPECTED = 'a kebab-case name such as local-pg';

type ProviderReader = (ctx: ReadContext, node: Node, fields: Mapping, where: string) => Provider | undefined;

const PROVIDER_KEYS: Record<ProviderType, readonly string[]> = {
  postgres: ['type', 'server', 'resource', 'database', 'grants'],
  command: ['type', 'mint', 'revoke', 'resource'],
};

const PROVIDER_READERS: Record<ProviderType, ProviderReader> = {
  postgres: readPostgresProvider,
  command: readCommandProvider,
};

export function readProvider(ctx: ReadContext, node: Node | null, subject: string): Provider | undefined {
  const where = `provider of ${subject}`;
  if (node === null || !isMap(node)) {
    ctx.error(node, `${where} must be a mapping with a type (${PROVIDER_TYPES.join(' | ')}); found ${describeFound(node)}`);
    return undefined;
  }
  const typeField = readPairs(ctx, node).get('type');
  if (!typeField) {
    ctx.error(node, `${where} has no type; expected type: ${PROVIDER_TYPES.join(' | ')}`);
    return undefined;
  }
  const type = readChoice(ctx, typeField.value, PROVIDER_TYPES, 'provider type', subject);
  if (type === undefined) return undefined;
  const allowed = PROVIDER_KEYS[type];
  const fields = readMapping(ctx, node, allowed, `in ${type} ${where}`);
  const provider = PROVIDER_READERS[type](ctx, node, fields, `${type} ${where}`);
  return hasOnlyKeys(fields, allowed) ? provider : undefined;
}

function readKebab(ctx: ReadContext, fields: Mapping, key: string, where: string): string | undefined | null {
  const field = fields.get(key);
  if (!field) return undefined;
  const name = readName(ctx, field.value, `${key} in ${where}`, isKebabId, KEBAB_EXPECTED, { echo: true, fix: toKebabId });
  return name ?? null;
}

function readPostgresProvider(ctx: ReadContext, node: Node, fields: Mapping, where: string): PostgresProvider | undefined {
  const provider: PostgresProvider = { type: 'postgres' };
  let ok = true;
  const server = readKebab(ctx, fields, 'server', where);
  const resource = readKebab(ctx, fields, 'resource', where);
  if (server === null || resource === null) ok = false;
  if (server) provider.server = server;
  if (resource) provider.resource = resource;
  if (server === undefined && resource === undefined) {
    ctx.error(node, `${where} needs a server (a local server the broker knows) or a resource (a named database)`);
    ok = false;
  }
  const databaseField = fields.get('database');
  if (databaseField) {
    const database = readText(ctx, databaseField.value, `database in ${where}`);
    if (database === undefined) ok = false;
    else if (database === '') {
      ctx.error(databaseField.value, `database in ${where} must not be empty`);
      ok = false;
    } else provider.database = database;
  }
  const grantsField = fields.get('grants');
  if (grantsField) {
    const grants = readTextList(ctx, grantsField.value, `grants in ${where}`);
    if (grants === undefined) ok = false;
    else provider.grants = grants;
  }
  return ok ? provider : undefined;
}

function readCommandLine(ctx: ReadContext, node: Node | null, label: string): CommandLine | undefined {
  const text = stringValue(node);
  if (text !== undefined) {
    if (text.trim() !== '') return text;
    ctx.error(node, `${label} must not be empty; expected a command as a string or a list of arguments`);
    return undefined;
  }
  return readTextList(ctx, node, label);
}

function readCommandProvider(ctx: ReadContext, node: Node, fields: Mapping, where: string): CommandProvider | undefined {
  let ok = true;
  const mintField = fields.get('mint');
  const mint = mintField ? readCommandLine(ctx, mintField.value, `mint in ${where}`) : undefined;
  if (!mintField) {
    ctx.error(node, `${where} has no mint; expected mint: a command as a string or a list of arguments`);
  }
  const revokeField = fields.get('revoke');
  const revoke = revokeField ? readCommandLine(ctx, revokeField.value, `revoke in ${where}`) : undefined;
  if (revokeField && revoke === undefined) ok = false;
  const resource = readKebab(ctx, fields, 'resource', where);
  if (resource === null) ok = false;
  if (!ok || mint === undefined) return undefined;
  const provider: CommandProvider = { type: 'command', mint };
  if (revoke !== undefined) provider.revoke = revoke;
  if (resource) provider.resource = resource;
  return provider;
}
