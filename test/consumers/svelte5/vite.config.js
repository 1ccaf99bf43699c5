import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Svelte needs no configuration for custom elements: a tag with a dash is one.
export default defineConfig({ plugins: [svelte()] });
