import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The one line a Vue app needs for custom elements: tell Vue's compiler these tags are not Vue components.
const isCustomElement = (tag) =>
  [
    'conv-calculator',
    'kernel-viewer',
    'feature-map',
    'cnn-trainer',
    'confusion-matrix',
    'model-summary',
    'digit-pad',
  ].includes(tag);

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement } } })],
});
