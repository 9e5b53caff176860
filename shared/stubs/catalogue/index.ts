// The built-in shape catalogue.

import type { StubShape } from '../shape';
import { AGE_SHAPE } from './age';
import { AI_SHAPES } from './ai';
import { CLOUD_SHAPES } from './cloud';
import { DATABASE_URL_SHAPES } from './database-urls';
import { GENERIC_SHAPES } from './generic';
import { GITHUB_SHAPES } from './github';
import { GITLAB_SHAPES } from './gitlab';
import { JWT_SHAPE } from './jwt';
import { MESSAGING_SHAPES } from './messaging';
import { OBSERVABILITY_SHAPES } from './observability';
import { OPENSSH_SHAPE } from './openssh';
import { PEM_KEY_SHAPES } from './pem-keys';
import { PLATFORM_SHAPES } from './platforms';
import { REGISTRY_SHAPES } from './registries';
import { SLACK_SHAPES } from './slack';
import { STRIPE_SHAPES } from './stripe';

export const STUB_SHAPES: readonly StubShape[] = Object.freeze([
  ...GITHUB_SHAPES,
  ...GITLAB_SHAPES,
  ...REGISTRY_SHAPES,
  ...STRIPE_SHAPES,
  ...CLOUD_SHAPES,
  ...SLACK_SHAPES,
  ...AI_SHAPES,
  ...MESSAGING_SHAPES,
  ...DATABASE_URL_SHAPES,
  JWT_SHAPE,
  ...PEM_KEY_SHAPES,
  OPENSSH_SHAPE,
  AGE_SHAPE,
  ...OBSERVABILITY_SHAPES,
  ...PLATFORM_SHAPES,
  ...GENERIC_SHAPES,
]);

const SHAPES_BY_ID: ReadonlyMap<string, StubShape> = new Map(STUB_SHAPES.map((shape) => [shape.id, shape]));

/** The built-in shape with this id, or undefined. */
export function stubShapeById(id: string): StubShape | undefined {
  return SHAPES_BY_ID.get(id);
}
