// generateStub: a stub is a pure function of (shape, 32-byte seed).

import { customStubShape, type CustomShapeSpec } from './custom-shape';
import { createStubRandom } from './random';
import type { StubShape } from './shape';

const customShapes = new WeakMap<CustomShapeSpec, StubShape>();

function isStubShape(shape: StubShape | CustomShapeSpec): shape is StubShape {
  return typeof (shape as Partial<StubShape>).generate === 'function';
}

/** The shape for a custom spec (validated once per spec object; throws if invalid). */
function shapeForSpec(spec: CustomShapeSpec): StubShape {
  let shape = customShapes.get(spec);
  if (shape === undefined) {
    shape = customStubShape(spec);
    customShapes.set(spec, shape);
  }
  return shape;
}

/**
 * The stub of `shape` for `seed` (exactly 32 bytes, normally from deriveStubSeed).
 * Throws RangeError for a bad seed and Error for an invalid custom spec.
 */
export function generateStub(shape: StubShape | CustomShapeSpec, seed: Uint8Array): string {
  const resolved = isStubShape(shape) ? shape : shapeForSpec(shape);
  return resolved.generate(createStubRandom(seed));
}
