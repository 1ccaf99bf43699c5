// ESLint (flat config): typescript-eslint with type information (so `no-floating-promises` can catch a
// forgotten await), plus the lit and web-component plugins for template and element mistakes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: ['dist/**', 'storybook-static/**', '.cache/**', 'node_modules/**', 'custom-elements.json', 'examples/dev/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { lit, wc },
    rules: {
      ...lit.configs['flat/recommended']?.rules,
      ...wc.configs['flat/recommended']?.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        window: 'readonly', document: 'readonly', globalThis: 'readonly', fetch: 'readonly', performance: 'readonly',
        Buffer: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', customElements: 'readonly', setInterval: 'readonly',
        clearInterval: 'readonly', requestAnimationFrame: 'readonly', navigator: 'readonly', location: 'readonly',
      },
    },
  },
);
