// ESLint (flat config): typescript-eslint with type information (so `no-floating-promises` can catch a
// forgotten await), plus the lit and web-component plugins for template and element mistakes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

const names = (list) =>
  Object.fromEntries(
    list
      .split(/\s+/)
      .filter(Boolean)
      .map((n) => [n, 'readonly']),
  );
const common =
  names(`console URL URLSearchParams setTimeout clearTimeout setInterval clearInterval globalThis fetch
  performance TextEncoder TextDecoder AbortController structuredClone queueMicrotask`);
const nodeGlobals = { ...common, ...names('process Buffer') };
// Inside page.evaluate()/waitForFunction() callbacks in the Node scripts, browser globals are used too.
Object.assign(
  nodeGlobals,
  names('window document customElements requestAnimationFrame navigator location getComputedStyle'),
);
const browserGlobals = {
  ...common,
  ...names(`window document customElements requestAnimationFrame navigator location
  getComputedStyle HTMLElement Event CustomEvent`),
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'storybook-static/**',
      '.cache/**',
      'node_modules/**',
      'custom-elements.json',
      'examples/dev/**',
      'examples/data/**',
      // The consumer apps' own sources are checked by their own tsc / vue-tsc / svelte-check (check.mjs).
      'test/consumers/*/src/**',
      'test/consumers/**/node_modules/**',
      'test/consumers/**/dist/**',
    ],
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
    // Node scripts and configs.
    files: [
      'scripts/**/*.mjs',
      'bin/**/*.mjs',
      '*.mjs',
      '*.js',
      'test/node/**/*.mjs',
      'test/consumers/**/*.{mjs,js}',
    ],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // The consumer apps' checks (Node, with page.evaluate() callbacks) and their build configs.
    files: ['test/consumers/**/*.mjs', 'test/consumers/*/*.js'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // Plain browser scripts of the page tests and of the consumer apps.
    files: ['test/pages/**/*.js', 'test/consumers/*/src/**/*.js'],
    languageOptions: { globals: browserGlobals },
  },
);
