import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages (autodocs: every element's attributes, properties, events, methods, parts, custom properties).
  addons: ['@storybook/addon-docs'],
  stories: ['../stories/**/*.stories.ts', '../stories/**/*.mdx'],
  // The engine finds its data at new URL('../assets/', import.meta.url): /src/assets/ in dev (modules served
  // from source) and /assets/ in the built Storybook (bundled chunks sit in /assets/).
  staticDirs: [
    { from: '../dist/assets', to: '/src/assets' },
    { from: '../dist/assets', to: '/assets' },
    // The lessons' other datasets (scripts/examples-data.mjs: Fashion-MNIST when Debian's package is installed).
    { from: '../examples/data', to: '/examples-data' },
  ],
  core: { disableTelemetry: true },
  docs: {},
};
export default config;
