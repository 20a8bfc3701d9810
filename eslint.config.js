// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** The product: what ships in the extension. */
const PRODUCT = ['./lib', './components', './entrypoints'];

/**
 * The code map (README.md) as rules. Paths are resolved, so `../../lib/dataverse/x`, `@/lib/dataverse` and
 * `lib/dataverse/index.ts` are the same import. test/boundary-rules.test.ts proves each zone fires.
 */
const BOUNDARIES = [
  {
    target: './components',
    from: './lib/dataverse',
    message: 'components/ are views: props in, events out. Web API calls belong to the worker (lib/dataverse).',
  },
  { target: './lib', from: './components', message: 'lib/ is pure logic and never depends on the views in components/.' },
  ...PRODUCT.map((target) => ({
    target,
    from: './emulator',
    message: 'The product never imports the emulator: the store build must contain nothing emulator-specific.',
  })),
  {
    target: './emulator',
    from: PRODUCT,
    message: 'The emulator is an independent reading of the platform contract and shares no code with the product.',
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/results/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
          tsconfig: { configFile: `${import.meta.dirname}/tsconfig.json` },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: BOUNDARIES }],
      // Unused catch bindings and `_`-prefixed parameters say "deliberately ignored".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A `let` that closures read before its one assignment (circular wiring in the worker) cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  // Plain JavaScript config files are not in tsconfig; lint them without type information.
  { files: ['**/*.{js,cjs,mjs}'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt/browser', message: 'components/ make no browser.* calls: take props, emit events; entrypoints/ wire them.' },
            {
              name: 'webextension-polyfill',
              message: 'components/ make no browser.* calls: take props, emit events; entrypoints/ wire them.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'components/ make no extension API calls: take props, emit events.' },
        { name: 'browser', message: 'components/ make no extension API calls: take props, emit events.' },
      ],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // page.evaluate, JSON from the emulator's control API and fetch bodies are `any` by nature; the tests parse
      // or assert on them, and a type assertion per read would add noise, not safety.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // expect(object.method).toHaveBeenCalled() and vi.spyOn pass methods unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Fakes implement async interfaces (transport.send, storage.load, resolveOrg) without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      // Testing Library's act() flushes synchronously for a synchronous callback; its returned thenable is moot.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: 'act', package: '@testing-library/preact' },
            { from: 'package', name: 'act', package: 'preact' },
          ],
        },
      ],
    },
  },
  prettier,
);
