// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The boundaries of DESIGN.md, enforced: shared is pure, the core never sees Electron, the renderer never reaches into main. */
const noNodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'worker_threads', 'child_process'], message: 'src/shared is pure: no I/O, no node: imports.' };
const noElectron = { group: ['electron', 'electron/*', 'electron-updater'], message: 'Only the Electron shell (src/main, outside core/) and the preload import electron.' };
const noMain = { group: ['**/main/**', '**/main'], message: 'The renderer talks to the core only through window.loket (the contract).' };
const noUpward = (message) => ({ group: ['**/cli/**', '**/harness/**', '**/renderer/**'], message });

export default tseslint.config(
  { ignores: ['.tmp/**', 'out/**', 'dist/**', 'node_modules/**', 'build/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description', 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noNodeBuiltins, noElectron, noMain, noUpward('src/shared imports nothing above it.')] }] },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/harness/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, { group: ['**/renderer/**'], message: 'The core does not know the UI.' }] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noMain, noElectron, noNodeBuiltins, { group: ['**/cli/**', '**/harness/**'], message: 'The renderer talks only to window.loket.' }] }] },
  },
  {
    files: ['**/*.mjs', 'bin/**/*.js'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'module' },
  },
  {
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
