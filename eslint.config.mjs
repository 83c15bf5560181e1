// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.mjs';

/**
 * The layer boundaries (docs/architecture.md), one rule per layer: each layer imports only the
 * folders and packages it may use. Relative paths are resolved, so an indirect spelling is caught
 * too. test/lint/ keeps a forbidden probe per rule and checks that each one fails.
 */
const NOT_UI_OR_SHELL = ['*', '!electron', '!electron-updater', '!react', '!react-dom', '!react-i18next', '!i18next', '!playwright', '!playwright-core', '!vitest', '!fast-check'];
export const LAYERS = [
  { files: ['src/shared/**/*.ts'], name: 'src/shared', allow: ['src/shared'], packages: ['zod'], builtins: false },
  { files: ['src/core/**/*.ts'], name: 'src/core', allow: ['src/core', 'src/shared'], packages: NOT_UI_OR_SHELL, builtins: true },
  {
    files: ['src/main/**/*.ts'],
    name: 'src/main',
    allow: ['src/main', 'src/core', 'src/shared'],
    packages: ['*', '!react', '!react-dom', '!react-i18next', '!i18next', '!playwright', '!playwright-core', '!vitest'],
    builtins: true,
  },
  { files: ['src/preload/**/*.ts'], name: 'src/preload', allow: ['src/preload', 'src/shared/contract'], packages: ['electron'], builtins: false },
  { files: ['src/renderer/**/*.{ts,tsx}'], name: 'src/renderer', allow: ['src/renderer', 'src/shared'], packages: ['react', 'react-dom', 'react-i18next', 'i18next'], builtins: false },
  { files: ['src/cli/**/*.ts'], name: 'src/cli', allow: ['src/cli', 'src/core', 'src/hub', 'src/shared'], packages: NOT_UI_OR_SHELL, builtins: true },
  // The facility hub: plain Node and PostgreSQL; it may reuse the core's pure pieces, never a UI or the shell.
  { files: ['src/hub/**/*.ts'], name: 'src/hub', allow: ['src/hub', 'src/core', 'src/shared'], packages: NOT_UI_OR_SHELL, builtins: true },
  { files: ['src/harness/**/*.ts'], name: 'src/harness', allow: ['src/harness', 'src/core', 'src/shared', 'src/simulators'], packages: NOT_UI_OR_SHELL, builtins: true },
  { files: ['src/simulators/**/*.ts'], name: 'src/simulators', allow: ['src/simulators', 'src/core', 'src/shared'], packages: NOT_UI_OR_SHELL, builtins: true },
];

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
  ...LAYERS.map(({ files, ...options }) => ({
    files,
    plugins: { layers },
    rules: { 'layers/allowed-imports': ['error', options] },
  })),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
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
