// Developer platform tokens: HashiCorp Vault, Doppler, Shopify, DigitalOcean, Heroku,
// Linear, Databricks, Pulumi, PlanetScale.

import { BASE62, BASE64URL_CHARS } from '../charsets';
import { defineShape, type StubShape } from '../shape';
import { markedChars, markedHex } from './build';

const KEYPAD_MARKER = 'the hex begins with 528247882 (LATCHSTUB on a phone keypad).';

export const PLATFORM_SHAPES: readonly StubShape[] = [
  defineShape({
    id: 'vault-token',
    provider: 'HashiCorp Vault',
    summary: 'Vault service token (Vault 1.10+): hvs. + 90-120 characters of [A-Za-z0-9_-] (base64url protobuf, CAES…).',
    pattern: /^hvs\.[A-Za-z0-9_-]{90,120}$/,
    marker: 'hvs.CAESI then LATCHSTUB.',
    markerPattern: /^hvs\.CAESILATCHSTUB/,
    generate: (random) => `hvs.CAESI${markedChars(random, BASE64URL_CHARS, 86)}`,
  }),
  defineShape({
    id: 'doppler-token',
    provider: 'Doppler',
    summary:
      'Doppler service token: dp.st.<config>. + 40-44 alphanumerics (the family also has dp.pt., dp.ct., dp.sa., dp.scim., dp.audit.).',
    pattern: /^dp\.(?:ct|pt|st(?:\.[a-z0-9_-]{2,35})?|sa|scim|audit)\.[A-Za-z0-9]{40,44}$/,
    marker: 'a service token for config "dev" whose secret begins with LATCHSTUB.',
    markerPattern: /^dp\.st\.dev\.LATCHSTUB/,
    generate: (random) => `dp.st.dev.${markedChars(random, BASE62, 43)}`,
  }),
  defineShape({
    id: 'shopify-access-token',
    provider: 'Shopify',
    summary: 'Shopify Admin API access token: shpat_ + 32 hex digits.',
    pattern: /^shpat_[0-9a-fA-F]{32}$/,
    marker: KEYPAD_MARKER,
    markerPattern: /^shpat_528247882/,
    generate: (random) => `shpat_${markedHex(random, 32)}`,
  }),
  defineShape({
    id: 'digitalocean-token',
    provider: 'DigitalOcean',
    summary: 'DigitalOcean personal access token: dop_v1_ + 64 lower-case hex digits.',
    pattern: /^dop_v1_[0-9a-f]{64}$/,
    marker: KEYPAD_MARKER,
    markerPattern: /^dop_v1_528247882/,
    generate: (random) => `dop_v1_${markedHex(random, 64)}`,
  }),
  defineShape({
    id: 'heroku-api-key',
    provider: 'Heroku',
    summary: 'Heroku API key (2024+ format): HRKU-AA + 58 characters of [0-9A-Za-z_-].',
    pattern: /^HRKU-AA[0-9A-Za-z_-]{58}$/,
    marker: 'the 58 characters begin with LATCHSTUB.',
    markerPattern: /^HRKU-AALATCHSTUB/,
    generate: (random) => `HRKU-AA${markedChars(random, BASE64URL_CHARS, 58)}`,
  }),
  defineShape({
    id: 'linear-api-key',
    provider: 'Linear',
    summary: 'Linear personal API key: lin_api_ + 40 alphanumerics.',
    pattern: /^lin_api_[A-Za-z0-9]{40}$/,
    marker: 'the 40 characters begin with LATCHSTUB.',
    markerPattern: /^lin_api_LATCHSTUB/,
    generate: (random) => `lin_api_${markedChars(random, BASE62, 40)}`,
  }),
  defineShape({
    id: 'databricks-token',
    provider: 'Databricks',
    summary: 'Databricks personal access token: dapi + 32 hex digits (optionally -<digit>).',
    pattern: /^dapi[0-9a-f]{32}(?:-\d)?$/,
    marker: KEYPAD_MARKER,
    markerPattern: /^dapi528247882/,
    generate: (random) => `dapi${markedHex(random, 32)}`,
  }),
  defineShape({
    id: 'pulumi-access-token',
    provider: 'Pulumi',
    summary: 'Pulumi Cloud access token: pul- + 40 hex digits.',
    pattern: /^pul-[0-9a-f]{40}$/,
    marker: KEYPAD_MARKER,
    markerPattern: /^pul-528247882/,
    generate: (random) => `pul-${markedHex(random, 40)}`,
  }),
  defineShape({
    id: 'planetscale-token',
    provider: 'PlanetScale',
    summary: 'PlanetScale service token: pscale_tkn_ + 43 characters of [A-Za-z0-9_].',
    pattern: /^pscale_tkn_[A-Za-z0-9_]{43}$/,
    marker: 'the 43 characters begin with LATCHSTUB.',
    markerPattern: /^pscale_tkn_LATCHSTUB/,
    generate: (random) => `pscale_tkn_${markedChars(random, `${BASE62}_`, 43)}`,
  }),
];
