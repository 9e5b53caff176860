// Cloud provider credentials: AWS, Azure Storage, Google API keys.

import { BASE32_UPPER, BASE64_CHARS, BASE64URL_CHARS, ALNUM_LOWER } from '../charsets';
import { toBase64 } from '../encoding/bytes';
import { embedBase64Marker, STUB_HOST_DOMAIN } from '../marker';
import { defineShape, type StubShape } from '../shape';
import { markedChars } from './build';

export const CLOUD_SHAPES: readonly StubShape[] = [
  defineShape({
    id: 'aws-access-key-id',
    provider: 'AWS',
    summary:
      'AWS IAM access key id (AWS IAM docs, "unique identifiers"): AKIA for long-term keys + 16 characters of base32 (A-Z, 2-7).',
    pattern: /^AKIA[A-Z2-7]{16}$/,
    marker: 'the 16 characters begin with LATCHSTUB (all base32 letters).',
    markerPattern: /^AKIALATCHSTUB/,
    generate: (random) => `AKIA${markedChars(random, BASE32_UPPER, 16)}`,
  }),
  defineShape({
    id: 'aws-secret-access-key',
    provider: 'AWS',
    summary: 'AWS secret access key: 40 characters of base64 ([A-Za-z0-9/+]).',
    pattern: /^[A-Za-z0-9/+]{40}$/,
    marker: 'the key begins with LATCHSTUB.',
    markerPattern: /^LATCHSTUB/,
    generate: (random) => markedChars(random, BASE64_CHARS, 40),
  }),
  defineShape({
    id: 'azure-storage-connection-string',
    provider: 'Azure',
    summary:
      'Azure Storage connection string: DefaultEndpointsProtocol=https;AccountName=<3-24 lower alnum>;' +
      'AccountKey=<base64 of 64 bytes>;EndpointSuffix=<suffix>.',
    pattern:
      /^DefaultEndpointsProtocol=https;AccountName=[a-z0-9]{3,24};AccountKey=[A-Za-z0-9+/]{86}==;EndpointSuffix=[A-Za-z0-9.-]+$/,
    marker: `account name latchstub…, account key base64 begins LATCHSTUBKEY, endpoint suffix ${STUB_HOST_DOMAIN} (never resolves).`,
    markerPattern: new RegExp(`AccountName=latchstub[a-z0-9]*;AccountKey=LATCHSTUBKEY.*;EndpointSuffix=${STUB_HOST_DOMAIN.replace('.', '\\.')}$`),
    generate: (random) => {
      const account = `latchstub${random.chars(ALNUM_LOWER, 8)}`;
      const key = random.bytes(64);
      embedBase64Marker(key, 0);
      return `DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=${toBase64(key)};EndpointSuffix=${STUB_HOST_DOMAIN}`;
    },
  }),
  defineShape({
    id: 'google-api-key',
    provider: 'Google Cloud',
    summary: 'Google API key: AIza + 35 characters of [0-9A-Za-z_-] (in practice AIzaSy…).',
    pattern: /^AIza[0-9A-Za-z_-]{35}$/,
    marker: 'AIzaSy then LATCHSTUB.',
    markerPattern: /^AIzaSyLATCHSTUB/,
    generate: (random) => `AIzaSy${markedChars(random, BASE64URL_CHARS, 33)}`,
  }),
];
