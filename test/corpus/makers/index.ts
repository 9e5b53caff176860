// All secret makers, one per rule id.

import { COMMERCE_AND_MESSAGING_MAKERS } from './commerce-and-messaging';
import { KEYS_AND_URLS_MAKERS } from './keys-and-urls';
import type { SecretMaker } from './maker';
import { SOURCE_AND_CLOUD_MAKERS } from './source-and-cloud';
import { TOOLS_AND_INFRASTRUCTURE_MAKERS } from './tools-and-infrastructure';

export const SECRET_MAKERS: Readonly<Record<string, SecretMaker>> = {
  ...SOURCE_AND_CLOUD_MAKERS,
  ...COMMERCE_AND_MESSAGING_MAKERS,
  ...TOOLS_AND_INFRASTRUCTURE_MAKERS,
  ...KEYS_AND_URLS_MAKERS,
};

export type { Lookalike, PlantContext, PlantedValue, SecretMaker } from './maker';
export { badChecksumToken, githubStyleToken } from './github';
