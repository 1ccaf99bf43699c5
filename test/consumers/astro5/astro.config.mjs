// Deliberately nothing for cnn-widgets.
import { defineConfig } from 'astro/config';

export default defineConfig({});
