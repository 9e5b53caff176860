// AI platform keys: OpenAI, Anthropic, Hugging Face.

import { BASE64URL_CHARS, LOWER, UPPER } from '../charsets';
import { defineShape, type StubShape } from '../shape';
import { markedChars } from './build';

export const AI_SHAPES: readonly StubShape[] = [
  defineShape({
    id: 'openai-api-key',
    provider: 'OpenAI',
    summary:
      'OpenAI API key: sk-proj-/sk-svcacct-/sk-admin- + 74 (or 58) characters of [A-Za-z0-9_-] + T3BlbkFJ ' +
      '(base64 of "OpenAI") + 74 (or 58) more; legacy sk- + 20 + T3BlbkFJ + 20. Stubs use the project-key form.',
    pattern:
      /^sk-(?:(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})$/,
    marker: 'the first 74-character part begins with LATCHSTUB.',
    markerPattern: /^sk-proj-LATCHSTUB/,
    generate: (random) =>
      `sk-proj-${markedChars(random, BASE64URL_CHARS, 74)}T3BlbkFJ${random.chars(BASE64URL_CHARS, 74)}`,
  }),
  defineShape({
    id: 'anthropic-api-key',
    provider: 'Anthropic',
    summary: 'Anthropic API key: sk-ant-api03- + 93 characters of [A-Za-z0-9_-] + AA.',
    pattern: /^sk-ant-api03-[A-Za-z0-9_-]{93}AA$/,
    marker: 'the 93 characters begin with LATCHSTUB.',
    markerPattern: /^sk-ant-api03-LATCHSTUB/,
    generate: (random) => `sk-ant-api03-${markedChars(random, BASE64URL_CHARS, 93)}AA`,
  }),
  defineShape({
    id: 'huggingface-token',
    provider: 'Hugging Face',
    summary: 'Hugging Face user access token: hf_ + 34 ASCII letters.',
    pattern: /^hf_[A-Za-z]{34}$/,
    marker: 'the 34 letters begin with LATCHSTUB.',
    markerPattern: /^hf_LATCHSTUB/,
    generate: (random) => `hf_${markedChars(random, UPPER + LOWER, 34)}`,
  }),
];
