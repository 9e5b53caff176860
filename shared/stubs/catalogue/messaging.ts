// Email, SMS and chat-bot credentials: SendGrid, Twilio, Mailgun, Telegram, Discord.

import { BASE64URL_CHARS } from '../charsets';
import { asciiBytes, toBase64Url } from '../encoding/bytes';
import { defineShape, type StubShape } from '../shape';
import { decimalNumber, markedChars, markedHex } from './build';

export const MESSAGING_SHAPES: readonly StubShape[] = [
  defineShape({
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    summary: 'SendGrid API key: SG. + 22-character key id + . + 43-character secret, both [A-Za-z0-9_-].',
    pattern: /^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/,
    marker: 'the key id begins with LATCHSTUB.',
    markerPattern: /^SG\.LATCHSTUB/,
    generate: (random) =>
      `SG.${markedChars(random, BASE64URL_CHARS, 22)}.${random.chars(BASE64URL_CHARS, 43)}`,
  }),
  defineShape({
    id: 'twilio-api-key',
    provider: 'Twilio',
    summary: 'Twilio API key SID: SK + 32 hex digits.',
    pattern: /^SK[0-9a-f]{32}$/,
    marker: 'the hex begins with 528247882 (LATCHSTUB on a phone keypad).',
    markerPattern: /^SK528247882/,
    generate: (random) => `SK${markedHex(random, 32)}`,
  }),
  defineShape({
    id: 'twilio-account-sid',
    provider: 'Twilio',
    summary: 'Twilio account SID: AC + 32 hex digits.',
    pattern: /^AC[0-9a-f]{32}$/,
    marker: 'the hex begins with 528247882 (LATCHSTUB on a phone keypad).',
    markerPattern: /^AC528247882/,
    generate: (random) => `AC${markedHex(random, 32)}`,
  }),
  defineShape({
    id: 'twilio-auth-token',
    provider: 'Twilio',
    summary: 'Twilio auth token: 32 hex digits.',
    pattern: /^[0-9a-f]{32}$/,
    marker: 'the hex begins with 528247882 (LATCHSTUB on a phone keypad).',
    markerPattern: /^528247882/,
    generate: (random) => markedHex(random, 32),
  }),
  defineShape({
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    summary: 'Mailgun private API key: key- + 32 hex digits.',
    pattern: /^key-[0-9a-f]{32}$/,
    marker: 'the hex begins with 528247882 (LATCHSTUB on a phone keypad).',
    markerPattern: /^key-528247882/,
    generate: (random) => `key-${markedHex(random, 32)}`,
  }),
  defineShape({
    id: 'telegram-bot-token',
    provider: 'Telegram',
    summary: 'Telegram Bot API token: <8-10 digit bot id>:<35 characters of [A-Za-z0-9_-]>, the secret starting with A.',
    pattern: /^[0-9]{8,10}:A[A-Za-z0-9_-]{34}$/,
    marker: 'the secret is AA then LATCHSTUB.',
    markerPattern: /^\d+:AALATCHSTUB/,
    generate: (random) => `${decimalNumber(random, 10)}:AA${markedChars(random, BASE64URL_CHARS, 33)}`,
  }),
  defineShape({
    id: 'discord-bot-token',
    provider: 'Discord',
    summary:
      'Discord bot token: base64 of the bot user id (a 17-19 digit snowflake) . 6-character timestamp . ' +
      '27-38 character HMAC, all [A-Za-z0-9_-].',
    pattern: /^[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}$/,
    marker: 'the HMAC part begins with LATCHSTUB.',
    markerPattern: /\.LATCHSTUB[A-Za-z0-9_-]*$/,
    generate: (random) => {
      const userId = `1${random.chars('0123456789', 18)}`;
      return `${toBase64Url(asciiBytes(userId))}.${random.chars(BASE64URL_CHARS, 6)}.${markedChars(random, BASE64URL_CHARS, 38)}`;
    },
  }),
];
