// Streaming masker for terminal and process output: conceals injected secret values (and
// their base64 and URL-encoded forms) as `<concealed:NAME>`. See README.md.

export { createMasker } from './masker';
export { createTextMasker } from './text-masker';
export { maskBytes, maskText } from './mask-once';
export { DEFAULT_MIN_VALUE_BYTES, MIN_EMBEDDED_BASE64_CHARS } from './patterns';
export type { MaskedForms, MaskedSecret, MaskerOptions, OutputMasker, TextOutputMasker } from './types';
