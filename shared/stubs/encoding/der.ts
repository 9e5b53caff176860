// Just enough DER (X.690) to build and check the private-key structures the stub
// shapes emit: definite lengths, INTEGER, OCTET STRING, OID, SEQUENCE, context tags.

export const DER_TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  objectIdentifier: 0x06,
  sequence: 0x30,
} as const;

/** A DER value to encode: primitive content, or constructed from children. */
export type DerTree =
  | { readonly tag: number; readonly content: Uint8Array; readonly signByte?: boolean }
  | { readonly tag: number; readonly children: readonly DerTree[] };

function lengthOfLength(length: number): number {
  if (length < 0x80) return 1;
  let count = 0;
  for (let n = length; n > 0; n = Math.floor(n / 256)) count++;
  return 1 + count;
}

function contentLength(tree: DerTree): number {
  if ('content' in tree) return tree.content.length + (tree.signByte ? 1 : 0);
  let total = 0;
  for (const child of tree.children) total += encodedLength(child);
  return total;
}

function encodedLength(tree: DerTree): number {
  const length = contentLength(tree);
  return 1 + lengthOfLength(length) + length;
}

function write(tree: DerTree, out: Uint8Array, at: number): number {
  const length = contentLength(tree);
  out[at++] = tree.tag;
  if (length < 0x80) {
    out[at++] = length;
  } else {
    const count = lengthOfLength(length) - 1;
    out[at++] = 0x80 | count;
    for (let i = count - 1; i >= 0; i--) out[at++] = Math.floor(length / 256 ** i) & 0xff;
  }
  if ('content' in tree) {
    if (tree.signByte) out[at++] = 0;
    out.set(tree.content, at);
    return at + tree.content.length;
  }
  for (const child of tree.children) at = write(child, out, at);
  return at;
}

/** Encodes the tree into one buffer (one allocation, however deep the tree). */
export function derEncode(tree: DerTree): Uint8Array {
  const out = new Uint8Array(encodedLength(tree));
  write(tree, out, 0);
  return out;
}

export function derPrimitive(tag: number, content: Uint8Array): DerTree {
  return { tag, content };
}

export function derConstructed(tag: number, children: readonly DerTree[]): DerTree {
  return { tag, children };
}

export function derSequence(children: readonly DerTree[]): DerTree {
  return derConstructed(DER_TAG.sequence, children);
}

/**
 * A non-negative INTEGER from big-endian magnitude bytes, in minimal form: leading
 * zero bytes dropped, one 0x00 added when the top bit would read as a sign.
 */
export function derUnsignedInteger(magnitude: Uint8Array): DerTree {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const content = magnitude.length === 0 ? Uint8Array.of(0) : magnitude.subarray(start);
  return { tag: DER_TAG.integer, content, signByte: ((content[0] as number) & 0x80) !== 0 };
}

export function derSmallInteger(value: number): DerTree {
  const bytes: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return derUnsignedInteger(Uint8Array.from(bytes.length === 0 ? [0] : bytes));
}

export interface DerNode {
  readonly tag: number;
  /** Offset of the first content byte in the parsed buffer. */
  readonly contentStart: number;
  /** Offset just past the element. */
  readonly end: number;
}

/** Reads the element at `offset`; undefined if truncated, indefinite or non-minimal. */
export function readDerElement(bytes: Uint8Array, offset: number): DerNode | undefined {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined) return undefined;
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 3) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) {
      const byte = bytes[offset + 2 + i];
      if (byte === undefined) return undefined;
      if (i === 0 && byte === 0) return undefined;
      length = length * 256 + byte;
    }
    if (length < 0x80) return undefined;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > bytes.length) return undefined;
  return { tag, contentStart, end };
}

/** The children of a constructed element (undefined if they do not tile it exactly). */
export function readDerChildren(bytes: Uint8Array, parent: DerNode): DerNode[] | undefined {
  const children: DerNode[] = [];
  let at = parent.contentStart;
  while (at < parent.end) {
    const child = readDerElement(bytes, at);
    if (child === undefined || child.end > parent.end) return undefined;
    children.push(child);
    at = child.end;
  }
  return children;
}

/** True for a minimally encoded, non-negative INTEGER node. */
export function isDerUnsignedInteger(bytes: Uint8Array, node: DerNode): boolean {
  if (node.tag !== DER_TAG.integer || node.end === node.contentStart) return false;
  const first = bytes[node.contentStart] as number;
  if (first & 0x80) return false;
  if (first === 0 && node.end - node.contentStart > 1) {
    return ((bytes[node.contentStart + 1] as number) & 0x80) !== 0;
  }
  return true;
}
