// `provider:` of a resource: where the hub mints its credential. `{type: postgres | command,
// …}`; each type has its own keys.

import { isMap, isSeq } from 'yaml';
import { describeFound, quote, stringValue } from '../manifest/parse/describe';
import { didYouMean } from '../manifest/parse/suggest';
import type { PolicyCommandLine, ResourceProvider } from './hub-policy-types';
import { checkKeys, itemSpot, readFields, valueSpot, type Field, type Fields, type PolicyReader } from './policy-reader';
import { readCommandLine, readDuration, readKebabName, readNonEmptyText } from './policy-values';

export const PROVIDER_TYPES = ['postgres', 'command'] as const;
type ProviderType = (typeof PROVIDER_TYPES)[number];

export const PROVIDER_KEYS: Readonly<Record<ProviderType, readonly string[]>> = {
  postgres: ['type', 'server', 'database', 'grants'],
  command: ['type', 'mint', 'revoke', 'renew', 'timeout'],
};

/** `field` is the `provider:` pair of resource `id`; missing keys are reported at its key. */
export function readProvider(reader: PolicyReader, field: Field, id: string): ResourceProvider | undefined {
  const where = `provider of ${id}`;
  const node = field.value;
  if (node === null || !isMap(node)) {
    reader.error(valueSpot(field), `${where} must be a mapping with a type (${PROVIDER_TYPES.join(' | ')}); found ${describeFound(node)}`);
    return undefined;
  }
  const fields = readFields(reader, node, `in ${where}`);
  const typeField = fields.get('type');
  if (!typeField) {
    checkKeys(reader, fields, ['type', ...new Set(Object.values(PROVIDER_KEYS).flat())], `in ${where}`);
    reader.error(field.keyNode, `${where} has no type; expected type: ${PROVIDER_TYPES.join(' | ')}`);
    return undefined;
  }
  const type = readType(reader, typeField, id);
  if (type === undefined) return undefined;
  const before = reader.errorCount();
  checkKeys(reader, fields, PROVIDER_KEYS[type], `in ${type} ${where}`, (key) => {
    const other = PROVIDER_TYPES.find((t) => t !== type && PROVIDER_KEYS[t].includes(key));
    return other === undefined ? undefined : `${key} belongs to a ${other} provider; a ${type} provider takes ${PROVIDER_KEYS[type].join(', ')}`;
  });
  const provider = type === 'postgres' ? readPostgres(reader, field, fields, `${type} ${where}`) : readCommand(reader, field, fields, `${type} ${where}`);
  return reader.errorCount() === before ? provider : undefined;
}

function readType(reader: PolicyReader, field: Field, id: string): ProviderType | undefined {
  const text = stringValue(field.value);
  if (text === undefined) {
    reader.error(valueSpot(field), `provider type of ${id} must be one of ${PROVIDER_TYPES.join(', ')}; found ${describeFound(field.value)}`);
    return undefined;
  }
  const type = PROVIDER_TYPES.find((t) => t === text);
  if (type !== undefined) return type;
  reader.error(
    valueSpot(field),
    `unknown provider type ${quote(text)} for ${id}; expected one of ${PROVIDER_TYPES.join(', ')}${didYouMean(text, PROVIDER_TYPES)}`,
  );
  return undefined;
}

function readPostgres(reader: PolicyReader, owner: Field, fields: Fields, where: string): ResourceProvider | undefined {
  const serverField = fields.get('server');
  let server: string | undefined;
  if (serverField) server = readKebabName(reader, serverField.value, valueSpot(serverField), 'server', `in ${where}`, 'prod-orders');
  else reader.error(owner.keyNode, `${where} has no server; expected server: the name of a database server in the hub's config`);
  const databaseField = fields.get('database');
  const database = databaseField ? readNonEmptyText(reader, databaseField, `database in ${where}`) : undefined;
  const grantsField = fields.get('grants');
  const grants = grantsField ? readGrants(reader, grantsField, where) : [];
  if (server === undefined || grants === undefined) return undefined;
  return { type: 'postgres', server, ...(database !== undefined ? { database } : {}), grants };
}

/** A list of grants; an empty list means CONNECT only, like leaving it out. */
function readGrants(reader: PolicyReader, field: Field, where: string): string[] | undefined {
  const label = `grants in ${where}`;
  const node = field.value;
  if (node === null || !isSeq(node)) {
    const hint = stringValue(node) !== undefined ? ' (write it as a list: - SELECT ON …)' : '';
    reader.error(valueSpot(field), `${label} must be a list of grants; found ${describeFound(node)}${hint}`);
    return undefined;
  }
  const grants: string[] = [];
  let ok = true;
  for (const item of node.items) {
    const itemNode = reader.resolve(item);
    const grant = stringValue(itemNode);
    if (grant === undefined || grant.trim() === '') {
      reader.error(itemSpot(reader, item, node), `each grant in ${where} must be a non-empty string such as "SELECT ON ALL TABLES IN SCHEMA public"; found ${describeFound(itemNode)}`);
      ok = false;
      continue;
    }
    const refusal = checkGrant(reader, grant);
    if (refusal !== undefined) {
      reader.error(itemSpot(reader, item, node), `invalid grant ${quote(grant)} in ${where}: ${refusal}`);
      ok = false;
    } else {
      grants.push(grant);
    }
  }
  return ok ? grants : undefined;
}

function checkGrant(reader: PolicyReader, grant: string): string | undefined {
  const check = reader.options.checkGrant;
  if (check === undefined) return undefined;
  try {
    return check(grant);
  } catch (error) {
    return error instanceof Error ? error.message : 'refused';
  }
}

function readCommand(reader: PolicyReader, owner: Field, fields: Fields, where: string): ResourceProvider | undefined {
  const command = (key: string): PolicyCommandLine | undefined | null => {
    const field = fields.get(key);
    if (!field) return undefined;
    return readCommandLine(reader, field, `${key} in ${where}`) ?? null;
  };
  const mint = command('mint');
  if (mint === undefined) reader.error(owner.keyNode, `${where} has no mint; expected mint: a command as a string or a list of arguments`);
  const revoke = command('revoke');
  const renew = command('renew');
  const timeoutField = fields.get('timeout');
  const timeoutSeconds = timeoutField ? readDuration(reader, timeoutField, `timeout in ${where}`) : undefined;
  if (mint === undefined || mint === null || revoke === null || renew === null) return undefined;
  if (timeoutField && timeoutSeconds === undefined) return undefined;
  return {
    type: 'command',
    mint,
    ...(revoke !== undefined ? { revoke } : {}),
    ...(renew !== undefined ? { renew } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
  };
}
