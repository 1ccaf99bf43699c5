// Vue 3 + Vite, cnn-widgets' only setting the one every custom element needs in Vue (isCustomElement): the
// lesson page (../_lib/lesson.mjs: every tag, array properties, every event handled by Vue) works from
// `vite build` (it trains in a Worker) and from `vite` dev, and vue-tsc with cnn-widgets/vue passes
// src/App.vue and rejects every wrong use in src/Wrong.vue.
import { checkViteApp } from '../_lib/vite-app.mjs';
import { runBin } from '../_lib/harness.mjs';

const vueTsc = (project) => () =>
  runBin('vue-tsc', 'vue-tsc', ['--noEmit', '--pretty', 'false', '-p', project]);
await checkViteApp('vue3', {
  good: vueTsc('tsconfig.json'),
  wrong: vueTsc('tsconfig.wrong.json'),
  wrongFile: 'src/Wrong.vue',
  errorLines: (out) =>
    new Set([...out.matchAll(/src\/Wrong\.vue\((\d+),\d+\): error/g)].map((m) => Number(m[1]))),
});
