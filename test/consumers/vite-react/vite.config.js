// Deliberately no configuration for cnn-widgets: the bundler must find its worker, WebAssembly and data alone.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({ plugins: [react()] });
