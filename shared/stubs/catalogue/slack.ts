// Slack tokens and incoming webhooks (Slack API docs, "Token types"; formats as seen in
// issued tokens): bot xoxb-<team digits>-<bot digits>-<24 alphanumerics>, user
// xoxp-<digits>-<digits>-<digits>-<32 hex>, webhooks
// https://hooks.slack.com/services/T<team>/B<hook>/<24 alphanumerics>.

import { ALNUM_UPPER, BASE62 } from '../charsets';
import { defineShape, type StubShape } from '../shape';
import { decimalNumber, markedChars, markedHex } from './build';

export const SLACK_SHAPES: readonly StubShape[] = [
  defineShape({
    id: 'slack-bot-token',
    provider: 'Slack',
    summary: 'Slack bot token: xoxb- + 10-13 digits + - + 10-13 digits + - + 24 alphanumerics.',
    pattern: /^xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}$/,
    marker: 'the 24-character secret begins with LATCHSTUB.',
    markerPattern: /^xoxb-\d+-\d+-LATCHSTUB/,
    generate: (random) =>
      `xoxb-${decimalNumber(random, 12)}-${decimalNumber(random, 13)}-${markedChars(random, BASE62, 24)}`,
  }),
  defineShape({
    id: 'slack-user-token',
    provider: 'Slack',
    summary: 'Slack user token: xoxp- + three groups of 10-13 digits + 32 hex digits, dash separated.',
    pattern: /^xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[0-9a-f]{32}$/,
    marker: 'the 32 hex digits begin with 528247882 (LATCHSTUB on a phone keypad).',
    markerPattern: /^xoxp-\d+-\d+-\d+-528247882/,
    generate: (random) =>
      `xoxp-${decimalNumber(random, 12)}-${decimalNumber(random, 12)}-${decimalNumber(random, 13)}-${markedHex(random, 32)}`,
  }),
  defineShape({
    id: 'slack-webhook-url',
    provider: 'Slack',
    summary:
      'Slack incoming webhook URL: https://hooks.slack.com/services/T<8-12 upper alnum>/B<8-12 upper alnum>/<24 alphanumerics>. ' +
      'Kept on the real host so clients accept it; the random path is never a live webhook.',
    pattern: /^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24}$/,
    marker: 'the team id is TLATCHSTUB… and the secret begins with LATCHSTUB.',
    markerPattern: /\/services\/TLATCHSTUB[A-Z0-9]*\/B[A-Z0-9]+\/LATCHSTUB/,
    generate: (random) =>
      `https://hooks.slack.com/services/T${markedChars(random, ALNUM_UPPER, 11)}/B${random.chars(ALNUM_UPPER, 10)}/${markedChars(random, BASE62, 24)}`,
  }),
];
