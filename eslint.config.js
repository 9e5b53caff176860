// Lint: strict TypeScript plus the architecture's import rules (see ../shared/DESIGN.md):
// shared/ is pure; renderer/ imports shared/ only; only electron/main and electron/preload
// import 'electron'; electron/broker never does.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nativeAndNodePackages = ['keytar', 'node-pty', 'libsql', 'ws', 'dotenv', 'pg', '@parcel/watcher', 'ignore'];

const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.vite/**', 'out/**', 'test-results/**', 'bin/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: 'ExportNamedDeclaration > ExportSpecifier[exported.name="default"]', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, ...nativeAndNodePackages, 'electron', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'shared/ is pure and isomorphic: no node, electron, DOM or native packages.',
          })),
          patterns: [
            { group: ['**/electron/**', '**/renderer/**', '**/scripts/**', '**/test/**'], message: 'shared/ imports only shared/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Buffer', message: 'shared/ is pure: use Uint8Array.' }, { name: 'process', message: 'shared/ is pure: pass values in.' }, { name: 'require', message: 'ES modules only.' }, { name: 'window', message: 'shared/ is pure: no DOM.' }, { name: 'document', message: 'shared/ is pure: no DOM.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, ...nativeAndNodePackages, 'electron'].map((name) => ({
            name,
            message: 'renderer/ runs in a sandboxed page: it imports shared/ only (and UI packages).',
          })),
          patterns: [{ group: ['**/electron/**', '**/scripts/**'], message: 'renderer/ imports shared/ only.' }],
        },
      ],
    },
  },
  {
    files: ['electron/broker/**/*.ts', 'electron/cli/**/*.ts', 'electron/hub/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'The broker and CLI never import the app.' }] },
      ],
    },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'vite.*.config.ts', 'electron/vite.*.config.ts', 'forge.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
