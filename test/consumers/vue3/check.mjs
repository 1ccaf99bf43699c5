#!/usr/bin/env node
// Consumer check (scripts/test-consumers.mjs runs it in a copy of this folder with its dependencies and the
// packed cnn-widgets installed): a Vue 3 + Vite app builds, renders our elements in Chromium with attributes,
// a `.prop` binding, an array property and `@change` / `@cell-select` listeners, and vue-tsc type-checks
// src/App.vue with cnn-widgets/vue and rejects every wrong use in src/Wrong.vue.
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const APP = 'vue3';
const here = dirname(fileURLToPath(import.meta.url));
const guess = process.env.CNN_LIBRARY_ROOT ?? `${here}/../../..`;
const lib = await import(pathToFileURL(`${guess}/test/consumers/lib/framework-app.mjs`).href);
const root = lib.libraryRoot(here);

const built = lib.runBin('vite', 'vite', ['build', '--logLevel', 'warn']);
if (built.status !== 0) lib.fail(APP, `vite build failed:\n${built.out}`);

const server = await lib.serve('dist');
try {
  await lib.inChromium(APP, root, server.url, async (page) => {
    await page.waitForFunction(() => document.querySelector('#calc')?.result != null, null, {
      timeout: 20000,
    });
    const seen = await page.evaluate(() => {
      const calc = document.querySelector('#calc');
      const cm = document.querySelector('#cm');
      return {
        calc: calc.result,
        padding: calc.padding,
        inputSizeAttr: calc.getAttribute('input-size'),
        matrix: cm.matrix,
        accuracy: cm.accuracy,
        steps: document.querySelector('#kv').steps,
        params: document.querySelector('#ms').totalParams,
        errors: [
          ...document.querySelectorAll('conv-calculator, confusion-matrix, kernel-viewer, model-summary'),
        ]
          .map((el) => el.error)
          .filter(Boolean),
      };
    });
    const expect = (ok, what) => ok || lib.fail(APP, `${what}: ${JSON.stringify(seen)}`);
    expect(seen.errors.length === 0, 'an element shows an error');
    expect(seen.inputSizeAttr === '28', ':input-size reaches the element');
    expect(seen.padding === 1, '.padding sets the property (a number, not the string an attribute gives)');
    expect(seen.calc.outputHeight === 28 && seen.calc.outputWidth === 28, 'conv-calculator computes 28x28');
    expect(
      JSON.stringify(seen.matrix) === '[[5,1],[2,7]]' && seen.accuracy === 0.8,
      ':matrix sets the array',
    );
    expect(seen.steps > 0, 'kernel-viewer has steps');
    expect(seen.params === 45424, 'model-summary counts the cnn');

    // @change: the reader edits the first field (input size) and commits it.
    const field = page.locator('#calc input').first();
    await field.fill('30');
    await field.press('Enter');
    await field.blur();
    await page.waitForFunction(() => document.querySelector('#last-change')?.textContent !== '', null, {
      timeout: 10000,
    });
    const change = await page.locator('#last-change').textContent();
    expect(change === '30x30', `@change receives the event (got "${change}")`);

    // @cell-select: click the top-left cell (actual cat, predicted cat, 5 images).
    await page.locator('#cm button[part="cell"]').first().click();
    await page.waitForFunction(() => document.querySelector('#last-cell')?.textContent !== '', null, {
      timeout: 10000,
    });
    const cell = await page.locator('#last-cell').textContent();
    expect(cell === 'cat/cat/5', `@cell-select receives the event (got "${cell}")`);
  });
} finally {
  server.close();
}

const vueTsc = (project) => () =>
  lib.runBin('vue-tsc', 'vue-tsc', ['--noEmit', '--pretty', 'false', '-p', project]);
const wrong = lib.checkTypes(APP, {
  good: vueTsc('tsconfig.json'),
  wrong: vueTsc('tsconfig.wrong.json'),
  wrongFile: 'src/Wrong.vue',
  errorLines: (out) =>
    new Set([...out.matchAll(/src\/Wrong\.vue\((\d+),\d+\): error/g)].map((m) => Number(m[1]))),
});
console.log(
  `${APP}: vite build, rendering, .prop, array property, @change and @cell-select; vue-tsc passes and rejects ${wrong} wrong uses`,
);
