// Svelte 5 + Vite, nothing for cnn-widgets: the lesson page (../_lib/lesson.mjs: every tag, array
// properties, every event handled by Svelte) works from `vite build` (it trains in a Worker) and from `vite`
// dev, and svelte-check with cnn-widgets/svelte passes src/App.svelte and rejects every wrong use in
// src/Wrong.svelte.
import { checkViteApp } from '../_lib/vite-app.mjs';
import { runBin } from '../_lib/harness.mjs';

const svelteCheck = (project) => () =>
  runBin('svelte-check', 'svelte-check', [
    '--tsconfig',
    project,
    '--output',
    'machine',
    '--fail-on-warnings',
  ]);
await checkViteApp('svelte5', {
  good: svelteCheck('./tsconfig.json'),
  wrong: svelteCheck('./tsconfig.wrong.json'),
  wrongFile: 'src/Wrong.svelte',
  errorLines: (out) =>
    new Set([...out.matchAll(/ERROR "src\/Wrong\.svelte" (\d+):\d+/g)].map((m) => Number(m[1]))),
});
