// Public API of the project secret template (latch.yaml): schema, parser, resolution,
// .env reading/rewriting, .env.example import and YAML writing.

export * from './model/vocabulary';
export * from './model/schema';
export { parseDuration, formatDuration, MAX_DURATION_SECONDS } from './model/duration';
export { isEnvVarName, isKebabId, isTokenName, toEnvVarName, toKebabId } from './model/names';
export { isValidCharset } from './model/charset';

export { parseTemplate, type ParseTemplateOptions, type ParseTemplateResult } from './parse/parseTemplate';
export { formatTemplateErrors, type TemplateError, type TemplateWarning } from './parse/templateError';
export { closestMatch, didYouMean, editDistance } from './parse/suggest';

export {
  resolveTemplate,
  type ResolvedSecret,
  type ResolvedTemplate,
  type ResolveTemplateResult,
} from './resolve/resolveTemplate';
export { BUILT_IN_LEASE } from './resolve/lifetime';

export { parseEnvLines, type EnvAssignment, type EnvLine, type EnvQuote } from './env/envLines';
export { stripEnvValues } from './env/stripEnvValues';

export {
  templateFromEnvExample,
  type EnvExampleImport,
  type EnvExampleImportOptions,
} from './import/templateFromEnvExample';
export { defaultGuessShape, DEFAULT_GUESSED_SHAPE_IDS } from './import/defaultGuessShape';
export type { GuessShape } from './import/guessEntry';

export { serializeTemplate } from './write/serializeTemplate';
export { mergeTemplateText, type MergeTemplateResult } from './write/mergeTemplateText';
