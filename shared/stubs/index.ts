// Public API of the stub generator.

export { STUB_SHAPES, stubShapeById } from './catalogue';
export { LATCH_STUB_JWT_SIGNING_KEY } from './catalogue/jwt';
export { generateStub } from './generate';
export { deriveStubSeed, MIN_DEVELOPER_KEY_BYTES } from './seed';
export {
  CUSTOM_SHAPE_LIMITS,
  customStubShape,
  validateCustomShape,
  type CustomShapeField,
  type CustomShapeIssue,
  type CustomShapeSpec,
} from './custom-shape';
export { isStubValue } from './marker';
export { NAMED_CHARSETS, type NamedCharset } from './charsets';
export { STUB_SEED_BYTES, type StubRandom } from './random';
export type { StubChecksum, StubShape } from './shape';
