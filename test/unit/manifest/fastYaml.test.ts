import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, isCollection, isMap, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { parseYamlSubset } from '../../../shared/manifest/parse/fastYaml';
import { parseTemplateText } from '../../../shared/manifest/parse/parseTemplate';
import { serializeTemplate, templateFromEnvExample } from '../../../shared/manifest';
import { KNOWN_SHAPE_IDS, readExample } from './fixtures';
import { templateArbitrary } from './arbitraries';
import { bigTemplateText } from './bigTemplate';

type Signature = unknown;

/** What the template reader looks at: values, structure and where each node starts. */
function signature(node: unknown): Signature {
  if (isScalar(node)) return { scalar: node.value, at: node.range?.[0] };
  if (isMap(node)) {
    return { map: node.items.map((pair) => [signature(pair.key), signature(pair.value)]), at: node.range?.[0] };
  }
  if (isSeq(node)) return { seq: node.items.map(signature), at: node.range?.[0] };
  return { other: String(node) };
}

function formatted(text: string, fast: boolean): unknown {
  const result = parseTemplateText(text, 'latch.yaml', { knownShapeIds: KNOWN_SHAPE_IDS }, fast);
  return {
    ok: result.ok,
    template: result.ok ? result.template : undefined,
    errors: result.ok ? [] : result.errors.map((error) => error.format()),
    warnings: result.warnings.map((warning) => warning.format()),
  };
}

/** When the fast reader accepts a text, it must read it exactly as yaml does. */
function agreesWithYaml(text: string): boolean {
  const fast = parseYamlSubset(text);
  if (fast === undefined) return false;
  const doc = parseDocument(text, { uniqueKeys: true });
  expect(doc.errors.map((error) => error.code)).toEqual([]);
  expect(doc.warnings.map((warning) => warning.code)).toEqual([]);
  expect(signature(fast.root)).toEqual(signature(doc.contents as Node));
  expect(formatted(text, true)).toEqual(formatted(text, false));
  return true;
}

const TRICKY = [
  'a: b: c', 'a: "x\\\\y"', "a: 'it''s'", 'a: -1', 'a: +3', 'a: 007', 'a: 0x1F', 'a: 0o17', 'a: 1.5', 'a: .5', 'a: 1e3',
  'a: .inf', 'a: .NaN', 'a: ~', 'a: null', 'a: Null', 'a: NULL', 'a: nULL', 'a: true', 'a: False', 'a: yes', 'a: on',
  'a: [a, b]', 'a: {x: 1}', 'a: {x: 1,}', 'a: [1,]', 'a: []', 'a: {}', 'a: [ ]', 'a: { }', 'a:\n- x\n- y', 'a:\n  - x',
  'a:\n  - x\n  -', 'a: b # c', 'a: b#c', 'a: #c', 'a:    ', 'a:', 'a:\n  b: 1\n c: 2', 'a:\n  b: 1\n   c: 2', '- a',
  'a: "x" y', '"a": 1', 'a: >\n  x', 'a: |\n  x', 'a: &x 1', 'a: !!str 1', 'a: *x', 'a: b\n  c', 'a: {b: [1, {c: d}]}',
  'a: [a b, c]', 'a: x:y', 'a: [x:y]', 'a: {x:y}', 'a: {x: y:z}', 'a: [a, [b, c]]', 'a: b:', 'a: ::', 'a: -',
  'a: - b', 'a: ? b', 'a: @b', 'a: `b`', 'a: %b', 'a: --ttl', 'a: ./x', 'a: -x', 'a: ?x', 'a: :x', 'a: x #', 'a: x  ',
  '#only a comment', '', '\n\n', 'a: 1\na: 2', 'a: {b: 1, b: 2}', 'a: 1\n---\nb: 2', '---\na: 1', 'a: 1\n...', '%YAML 1.2\n---\na: 1',
  'a: "unterminated', "a: 'unterminated", 'a: [unterminated', 'a: {unterminated', 'a: [a,\n  b]', 'a: "a\n  b"',
  ' a: 1', 'a: 1\n b: 2', 'a:\n\n  b: 1\n\n  c: 2\n', 'a:\n  # comment\n  b: 1', 'a:\n# comment at 0\n  b: 1',
  'a: "quoted # not comment"', "a: 'x' # c", 'a: "x"#c', 'a: [x # c]', 'a: {b: c} # d', 'a: {b: c}d',
  'a: 1 2', 'a: é ü', 'a: x\u00a0y', 'a:\u00a0x', '1: x', 'true: x', 'null: x', '~: x', 'a.b/c-d: x', '_A: x', 'a_: x',
  'a: 99999999999999999999', 'a: -0', 'a: [-1, +1, 0]', 'a: {x: -}', 'a: [-]', 'a: [?]', 'a: [a: b]', 'a: {? b}',
].map((text) => `${text}\n`);

describe('the fast YAML subset reader', () => {
  it('reads the documented example itself, with LF or CRLF line breaks', () => {
    expect(agreesWithYaml(readExample())).toBe(true);
    expect(agreesWithYaml(readExample().replace(/\n/g, '\r\n'))).toBe(true);
    expect(parseYamlSubset('a: 1\rb: 2\n')).toBeUndefined();
  });

  it('agrees with yaml on tricky one-liners, or leaves them to yaml', () => {
    let accepted = 0;
    for (const text of TRICKY) if (agreesWithYaml(text)) accepted++;
    expect(accepted).toBeGreaterThan(30);
    let acceptedWithCrlf = 0;
    for (const text of TRICKY) if (agreesWithYaml(text.replace(/\n/g, '\r\n'))) acceptedWithCrlf++;
    expect(acceptedWithCrlf).toBe(accepted);
  });

  it('agrees with yaml on written templates and .env imports', () => {
    const env = templateFromEnvExample('STRIPE_SECRET_KEY=\nGITHUB_TOKEN=\nPROD_X=\nSENTRY_DSN=\n', '.env.example');
    expect(agreesWithYaml(serializeTemplate(env.template))).toBe(true);
  });

  it('agrees with yaml on random templates as serializeTemplate writes them', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(templateArbitrary, (template) => {
        total++;
        if (agreesWithYaml(serializeTemplate(template))) accepted++;
      }),
      { numRuns: 100 },
    );
    // Random descriptions hold escapes and odd characters that are left to yaml; most templates do not.
    expect(accepted / total).toBeGreaterThan(0.3);
  });

  it('agrees with yaml on random data as yaml writes it, block or flow', () => {
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/);
    const leaf = fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.stringMatching(/^[ -~]{0,12}$/),
      fc.constantFrom('1h30m', '-x', './y', 'a: b', 'a #b', 'null', '1e3', '0x1F', 'é', ''),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    }));
    let accepted = 0;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.array(fc.boolean()), (data, flows) => {
        const doc = new Document(data);
        let next = 0;
        visit(doc, (_, node, path) => {
          // Nested collections (not the root) are written inline or as blocks at random.
          if (isCollection(node) && path.length > 1) node.flow = flows[next++ % Math.max(1, flows.length)] ?? false;
        });
        if (agreesWithYaml(doc.toString({ lineWidth: 0 }))) accepted++;
      }),
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('reads a 500-secret template itself (the fast path parse+resolve timing relies on)', () => {
    const text = bigTemplateText(500);
    expect(parseYamlSubset(text)).toBeDefined();
    expect(agreesWithYaml(text)).toBe(true);
  });

  it('agrees with yaml on random YAML-ish text', () => {
    const fragment = fc.constantFrom(
      'version: 1\n', 'project: demo\n', 'secrets:\n', '  A:\n', '  B: ', '    class: ', 'stub', '1', '-1', '1.5', 'null',
      'true', '{ type: postgres, server: s }', '[a, b]', '[ ]', '{}', '"q"', "'s''t'", ' # c', '\n', '  ', ' ', ':', ': ',
      '- ', '-', '[', ']', '{', '}', ',', '#', '"', "'", 'x', 'é', '&', '*', '!', '|', '>', '?', '---', '\\', '\r\n', '\r',
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        if (agreesWithYaml(parts.join(''))) accepted++;
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it('agrees with yaml on the example with random edits', () => {
    const example = readExample();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: example.length }), fc.nat({ max: 3 }), fc.constantFrom('', ' ', '\n', ':', '#', '-', 'x', '"', '{', '[', ',', '  ')), {
          minLength: 1,
          maxLength: 3,
        }),
        (edits) => {
          const text = edits.reduce((current, [at, removed, inserted]) => current.slice(0, at) + inserted + current.slice(at + removed), example);
          agreesWithYaml(text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
