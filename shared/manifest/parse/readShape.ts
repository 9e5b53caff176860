// `shape:` — a built-in shape id from the stub catalogue, or a custom shape object.

import type { Node } from 'yaml';
import { isMap, isScalar } from 'yaml';
import type { ReadContext } from './readContext';
import { describeFound, quote, stringValue } from './describe';
import { didYouMean } from './suggest';
import { hasOnlyKeys, readMapping } from './readMapping';
import { readChoice } from './readScalars';
import { CHARSET_ALIASES, CHARSET_IDS, CHECKSUM_IDS, MAX_SHAPE_LENGTH } from '../model/vocabulary';
import { checkCharset } from '../model/charset';
import type { CustomShape, Shape } from '../model/schema';

const CUSTOM_SHAPE_KEYS = ['prefix', 'charset', 'length', 'checksum'] as const;
const EXPECTED_SHAPE = 'a built-in shape id or a custom shape {prefix, charset, length}';
const PRINTABLE_NO_SPACE = /^[\x21-\x7e]{0,64}$/;

export function readShape(ctx: ReadContext, node: Node | null, subject: string): Shape | undefined {
  const id = stringValue(node);
  if (id !== undefined) {
    if (ctx.knownShapeIds.has(id)) return id;
    ctx.error(node, `unknown shape ${quote(id)} for ${subject}; expected ${EXPECTED_SHAPE}${didYouMean(id, ctx.knownShapeIds)}`);
    return undefined;
  }
  if (node !== null && isMap(node)) return readCustomShape(ctx, node, subject);
  ctx.error(node, `shape of ${subject} must be ${EXPECTED_SHAPE}; found ${describeFound(node)}`);
  return undefined;
}

function readCustomShape(ctx: ReadContext, node: Node, subject: string): CustomShape | undefined {
  const where = `shape of ${subject}`;
  const fields = readMapping(ctx, node, CUSTOM_SHAPE_KEYS, `in ${where}`);
  let ok = hasOnlyKeys(fields, CUSTOM_SHAPE_KEYS);
  const shape: Partial<CustomShape> = {};

  const prefixField = fields.get('prefix');
  if (prefixField) {
    const prefix = stringValue(prefixField.value);
    if (prefix === undefined || !PRINTABLE_NO_SPACE.test(prefix)) {
      const found = prefix === undefined ? describeFound(prefixField.value) : 'other text';
      ctx.error(prefixField.value ?? prefixField.keyNode, `prefix in ${where} must be up to 64 printable ASCII characters without spaces; found ${found}`);
      ok = false;
    } else {
      shape.prefix = prefix;
    }
  }

  const charsetField = fields.get('charset');
  if (charsetField) {
    const charset = readCharset(ctx, charsetField.value, where);
    if (charset === undefined) ok = false;
    else shape.charset = charset;
  } else {
    ctx.error(node, `${where} has no charset; expected charset: ${CHARSET_IDS.join(' | ')} or the characters allowed`);
  }

  const lengthField = fields.get('length');
  if (lengthField) {
    const value = lengthField.value;
    const length = value !== null && isScalar(value) && typeof value.value === 'number' ? value.value : undefined;
    if (length === undefined || !Number.isInteger(length) || length < 1 || length > MAX_SHAPE_LENGTH) {
      const found = length === undefined ? describeFound(value) : `${length}`;
      ctx.error(value ?? lengthField.keyNode, `length in ${where} must be a whole number from 1 to ${MAX_SHAPE_LENGTH}; found ${found}`);
      ok = false;
    } else {
      shape.length = length;
    }
  } else {
    ctx.error(node, `${where} has no length; expected length: a whole number from 1 to ${MAX_SHAPE_LENGTH}`);
  }

  const checksumField = fields.get('checksum');
  if (checksumField) {
    const checksum = readChoice(ctx, checksumField.value, CHECKSUM_IDS, 'checksum', where);
    if (checksum) shape.checksum = checksum;
    else ok = false;
  }

  if (!ok || shape.charset === undefined || shape.length === undefined) return undefined;
  return { ...shape, charset: shape.charset, length: shape.length };
}

const CHARSET_EXPECTED = `one of ${CHARSET_IDS.join(', ')}, or the allowed characters spelled out (2-94 distinct printable ASCII characters, no space)`;

function readCharset(ctx: ReadContext, node: Node | null, where: string): string | undefined {
  const charset = stringValue(node);
  if (charset === undefined) {
    ctx.error(node, `charset in ${where} must be ${CHARSET_EXPECTED}; found ${describeFound(node)}`);
    return undefined;
  }
  const check = checkCharset(charset);
  if (check.ok) return charset;
  if (check.problem === 'unknown-name') {
    const names = [...CHARSET_IDS, ...CHARSET_ALIASES];
    ctx.error(node, `unknown charset ${quote(charset)} in ${where}; expected ${CHARSET_EXPECTED}${didYouMean(charset, names)}`);
  } else {
    ctx.error(node, `invalid charset in ${where}; expected ${CHARSET_EXPECTED}`);
  }
  return undefined;
}
