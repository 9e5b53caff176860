// Monitoring and error-tracking credentials: Datadog, Sentry, New Relic, Grafana.

import { crc32Ascii } from '../../scan/checksums';
import { ALNUM_UPPER, BASE62 } from '../charsets';
import { STUB_HOST_DOMAIN } from '../marker';
import { defineShape, type StubShape } from '../shape';
import { decimalNumber, markedChars, markedHex } from './build';

/**
 * Grafana service account tokens (grafana/pkg/components/satokengen): glsa_ + 32
 * alphanumerics + _ + the CRC-32 (IEEE) of "glsa_<32>" as 8 hex digits, bytes in
 * little-endian order.
 */
export function grafanaChecksum(prefixAndSecret: string): string {
  const crc = crc32Ascii(prefixAndSecret);
  let out = '';
  for (let i = 0; i < 4; i++) out += ((crc >>> (8 * i)) & 0xff).toString(16).padStart(2, '0');
  return out;
}

function isValidGrafanaToken(value: string): boolean {
  const cut = value.lastIndexOf('_');
  return value.startsWith('glsa_') && cut > 5 && grafanaChecksum(value.slice(0, cut)) === value.slice(cut + 1);
}

export const OBSERVABILITY_SHAPES: readonly StubShape[] = [
  defineShape({
    id: 'datadog-api-key',
    provider: 'Datadog',
    summary: 'Datadog API key: 32 lower-case hex digits.',
    pattern: /^[0-9a-f]{32}$/,
    marker: 'the hex begins with 528247882 (LATCHSTUB on a phone keypad).',
    markerPattern: /^528247882/,
    generate: (random) => markedHex(random, 32),
  }),
  defineShape({
    id: 'datadog-app-key',
    provider: 'Datadog',
    summary: 'Datadog application key: 40 lower-case hex digits.',
    pattern: /^[0-9a-f]{40}$/,
    marker: 'the hex begins with 528247882 (LATCHSTUB on a phone keypad).',
    markerPattern: /^528247882/,
    generate: (random) => markedHex(random, 40),
  }),
  defineShape({
    id: 'sentry-dsn',
    provider: 'Sentry',
    summary:
      'Sentry DSN (Sentry docs, "Data Source Name"): {PROTOCOL}://{PUBLIC_KEY}[:{SECRET_KEY}]@{HOST}{PATH}/{PROJECT_ID}, ' +
      'the public key 32 hex digits.',
    pattern: /^https?:\/\/[0-9a-f]{32}(?::[0-9a-f]{32})?@[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[A-Za-z0-9._~-]+)*\/\d+$/,
    marker: `public key begins with 528247882 (LATCHSTUB on a phone keypad); host o<org>.ingest.${STUB_HOST_DOMAIN} (never resolves).`,
    markerPattern: /^https:\/\/528247882[0-9a-f]+@o\d+\.ingest\.latchstub\.invalid\//,
    generate: (random) =>
      `https://${markedHex(random, 32)}@o${decimalNumber(random, 7)}.ingest.${STUB_HOST_DOMAIN}/${decimalNumber(random, 7)}`,
  }),
  defineShape({
    id: 'new-relic-user-api-key',
    provider: 'New Relic',
    summary: 'New Relic user API key: NRAK- + 27 upper-case alphanumerics.',
    pattern: /^NRAK-[A-Z0-9]{27}$/,
    marker: 'the 27 characters begin with LATCHSTUB.',
    markerPattern: /^NRAK-LATCHSTUB/,
    generate: (random) => `NRAK-${markedChars(random, ALNUM_UPPER, 27)}`,
  }),
  defineShape({
    id: 'grafana-service-account-token',
    provider: 'Grafana',
    summary:
      'Grafana service account token: glsa_ + 32 alphanumerics + _ + 8 hex digits of CRC-32 over "glsa_<32>" (little-endian bytes).',
    pattern: /^glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}$/,
    marker: 'the 32 characters begin with LATCHSTUB (checksum stays valid).',
    markerPattern: /^glsa_LATCHSTUB/,
    checksum: { kind: 'crc32-hex-le', isValid: isValidGrafanaToken },
    generate: (random) => {
      const key = `glsa_${markedChars(random, BASE62, 32)}`;
      return `${key}_${grafanaChecksum(key)}`;
    },
  }),
];
