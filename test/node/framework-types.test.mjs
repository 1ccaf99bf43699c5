// The React, Vue and Svelte typings in dist/types/ (scripts/framework-types.mjs) against the manifest they are
// generated from: every tag, every public attribute, writable property and event, and nothing a template
// can't set. Run after `npm run analyze && node scripts/framework-types.mjs` (`npm run test:unit` does both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const read = (name) => readFileSync(`dist/types/${name}.d.ts`, 'utf8');
const files = { react: read('react'), vue: read('vue'), svelte: read('svelte') };

/** The manifest's elements, read here directly (not through the generator's own model). */
const elements = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement && d.tagName);
const pascal = (tag) => tag.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());

/** The quoted keys of `export interface|type NAME … { … }` in a generated file. */
function keysOf(text, name) {
  const start = text.search(new RegExp(`export (interface|type) ${name}\\b`));
  assert.notEqual(start, -1, `${name} is declared`);
  const body = text.slice(start, text.indexOf('\n}', start));
  return new Set([...body.matchAll(/^ {2}'([^']+)'\??:/gm)].map((m) => m[1]));
}

/** The tags listed in the file's `declare module '…'` block. */
function augmentedTags(text, module) {
  const start = text.indexOf(`declare module '${module}'`);
  assert.notEqual(start, -1, `augments '${module}'`);
  return new Set([...text.slice(start).matchAll(/^ +'([a-z]+-[a-z-]+)': /gm)].map((m) => m[1]));
}

const writable = (d) =>
  d.members.filter((m) => m.kind === 'field' && !m.readonly && !m.static).map((m) => m.name);
const readonly = (d) => d.members.filter((m) => m.kind === 'field' && m.readonly).map((m) => m.name);
/** Attributes whose name a framework would assign as a property it can't take (see the generator). */
// `backend` was blocked while it was read-only; it now has a setter (the preference, as its attribute), so a template may use it.
// `<model-summary layers>`: its `layers` property is the read-only result rows; a template uses `network`.
const blocked = { 'confusion-matrix': ['normalize'], 'model-summary': ['layers'] };
const attributes = (d) =>
  (d.attributes ?? []).map((a) => a.name).filter((n) => !blocked[d.tagName]?.includes(n));
const events = (d) => (d.events ?? []).map((e) => e.name);

test('the manifest has the eight elements, with attributes, properties and events', () => {
  assert.deepEqual(elements.map((d) => d.tagName).sort(), [
    'cnn-trainer',
    'cnn-training-curves',
    'confusion-matrix',
    'conv-calculator',
    'digit-pad',
    'feature-map',
    'kernel-viewer',
    'model-summary',
  ]);
  assert.ok(elements.every((d) => attributes(d).length && writable(d).length));
  assert.deepEqual(events(elements.find((d) => d.tagName === 'cnn-trainer')).sort(), [
    'data-progress',
    'dataset',
    'fine-tune',
    'train-batch',
    'train-end',
    'train-epoch',
    'train-error',
    'train-start',
  ]);
});

for (const [fw, module, suffix] of [
  ['react', 'react', 'ReactProps'],
  ['svelte', 'svelte/elements', 'SvelteProps'],
  ['vue', 'vue', 'VueProps'],
]) {
  test(`${fw}: every tag is declared in '${module}'`, () => {
    assert.deepEqual([...augmentedTags(files[fw], module)].sort(), elements.map((d) => d.tagName).sort());
  });

  for (const d of elements)
    test(`${fw}: <${d.tagName}> lists every attribute, writable property and event`, () => {
      const keys = keysOf(files[fw], `${pascal(d.tagName)}${suffix}`);
      for (const a of attributes(d)) assert.ok(keys.has(a), `attribute ${a}`);
      for (const p of writable(d)) assert.ok(keys.has(p), `property ${p}`);
      for (const p of readonly(d).filter((n) => !writable(d).includes(n)))
        assert.ok(!keys.has(p), `read-only ${p} is not settable`);
      for (const a of blocked[d.tagName] ?? []) assert.ok(!keys.has(a), `attribute ${a} can't be set`);
      const handlers = events(d).map((e) => `on${e}`);
      if (fw === 'vue') {
        const emits = keysOf(files.vue, `${pascal(d.tagName)}VueEvents`);
        assert.deepEqual([...emits].sort(), events(d).sort());
      } else for (const h of handlers) assert.ok(keys.has(h), `handler ${h}`);
    });
}

test('react: event props are on + the event name as written (React 19 listens for exactly that name)', () => {
  const keys = keysOf(files.react, 'CnnTrainerReactProps');
  assert.ok(keys.has('ontrain-end') && !keys.has('onTrainEnd'));
});

test('property types come from the element classes, attribute forms from the manifest', () => {
  assert.match(
    files.react,
    /'matrix'\?: import\('\.\.\/components\/confusion-matrix\/confusion-matrix\.js'\)\.ConfusionMatrix\['matrix'\]/,
  );
  assert.match(files.react, /'kernel-size'\?: number \| `\$\{number\}`;/);
  assert.match(
    files.vue,
    /'onchange'|'change': \(event: CustomEvent<import\('[^']+'\)\.ConvCalculatorResult \| null>\)/,
  );
});
