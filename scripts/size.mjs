#!/usr/bin/env node
// `npm run size`: gzipped bytes of the CDN build, per entry and per chunk.
// For each entry it follows the static imports (what a page downloads before the element works) and,
// separately, the dynamic import()s (what loads on first use: the TensorFlow.js engine).
//   --check   exit 1 when a budget is exceeded   --json   machine-readable output   --no-build  reuse dist/cdn
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dir = 'dist/cdn';
if (!process.argv.includes('--no-build') || !existsSync(dir)) {
  rmSync(dir, { recursive: true, force: true });
  execSync('npx rollup -c --silent', { stdio: 'inherit', env: { ...process.env, CDN_ONLY: '1' } });
}
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.js'));
const gz = new Map(files.map((f) => [f, gzipSync(readFileSync(join(dir, f)), { level: 9 }).length]));
const raw = new Map(files.map((f) => [f, readFileSync(join(dir, f)).length]));

const importsOf = (file) => {
  const src = readFileSync(join(dir, file), 'utf8');
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const norm = (p) => new URL(p, `file:///x/${base}`).pathname.slice(3);
  const stat = [...src.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.\.?\/[^"']+)["']/g)].map(
    (m) => norm(m[1]),
  );
  const dyn = [...src.matchAll(/import\(\s*["'](\.\.?\/[^"']+)["']\s*\)/g)].map((m) => norm(m[1]));
  return { stat, dyn };
};
const closure = (entries, followDynamic) => {
  const seen = new Set();
  const todo = [...entries];
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f) || !gz.has(f)) continue;
    seen.add(f);
    const { stat, dyn } = importsOf(f);
    todo.push(...stat, ...(followDynamic ? dyn : []));
  }
  return seen;
};
const sum = (set) => [...set].reduce((a, f) => a + gz.get(f), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// A translation (translations/<lang>.js) loads only on a page in that language: its own row, not part of any
// entry's "first use".
const isTranslation = (f) => f.startsWith('translations/');
const entries = files.filter((f) => !f.startsWith('c-') && !isTranslation(f));
// The TensorFlow.js backend packages, recognised by what they register (their chunks are named after the
// packages' own `dist/index.js`, so by name they all read "dist").
const SIGNS = { wasm: 'tfjs-backend-wasm', webgl: 'WEBGL_VERSION', webgpu: 'webgpu', cpu: 'MathBackendCPU' };
const backendOf = new Map();
for (const f of files.filter((f) => f.startsWith('c-'))) {
  const src = readFileSync(join(dir, f), 'utf8');
  const hits = Object.entries(SIGNS).map(([name, sign]) => [name, src.split(sign).length - 1]);
  const [name, count] = hits.sort((a, b) => b[1] - a[1])[0];
  if (count > 0 && /^c-dist-/.test(f)) backendOf.set(f, name);
}
/** Follows static and dynamic imports, but not into backend chunks: what loads before a backend is chosen. */
const engineClosure = (start) => {
  const seen = new Set();
  const todo = [...start];
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f) || !gz.has(f) || backendOf.has(f) || isTranslation(f)) continue;
    seen.add(f);
    const { stat, dyn } = importsOf(f);
    todo.push(...stat, ...dyn);
  }
  return seen;
};
const rows = entries.map((e) => {
  const initial = closure([e], false);
  const engine = engineClosure([e]);
  return { entry: e, initial: sum(initial), onFirstUse: sum(engine) - sum(initial) };
});
/** Each backend's own download on top of the engine (its chunk and what only it imports). */
const base = engineClosure(['cnn-widgets.js']);
const backendRows = [...backendOf].map(([chunk, name]) => {
  const extra = [...closure([chunk], false)].filter((x) => !base.has(x));
  return { name, chunk, size: sum(new Set(extra)) };
});
/** Each translation's own download (on a page in that language), beyond what the elements already loaded. */
const elementsBase = closure(['cnn-widgets.js'], false);
const translationRows = files.filter(isTranslation).map((t) => ({
  lang: t.replace(/^translations\/|\.js$/g, ''),
  size: sum(new Set([...closure([t], false)].filter((x) => !elementsBase.has(x)))),
}));
const budgets = [
  {
    what: 'conv-calculator.js alone (initial)',
    value: rows.find((r) => r.entry === 'conv-calculator.js')?.initial,
    max: 15 * 1024,
  },
  {
    what: 'every element without the engine (cnn-widgets.js initial)',
    value: rows.find((r) => r.entry === 'cnn-widgets.js')?.initial,
    max: 60 * 1024,
  },
];

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify(
      { rows, backends: backendRows, translations: translationRows, chunks: Object.fromEntries(gz), budgets },
      null,
      2,
    ),
  );
} else {
  console.log('\nCDN build, gzipped (level 9):\n');
  console.log('| entry | initial download | + engine on first use (TensorFlow.js core, trainer) |');
  console.log('|---|---:|---:|');
  for (const r of rows)
    console.log(`| ${r.entry} | ${kb(r.initial)} | ${r.onFirstUse ? kb(r.onFirstUse) : '—'} |`);
  console.log('\n| + the one backend in use (JavaScript; the .wasm binaries are separate files) | gzipped |');
  console.log('|---|---:|');
  for (const b of backendRows.sort((a, b) => a.size - b.size)) console.log(`| ${b.name} | ${kb(b.size)} |`);
  console.log('\n| + the translation of a page in another language (English is built in) | gzipped |');
  console.log('|---|---:|');
  for (const t of translationRows) console.log(`| ${t.lang} | ${kb(t.size)} |`);
  console.log('\n| chunk | gzipped | minified |');
  console.log('|---|---:|---:|');
  for (const f of [...files].sort((a, b) => gz.get(b) - gz.get(a)))
    console.log(`| ${f} | ${kb(gz.get(f))} | ${kb(raw.get(f))} |`);
  console.log('\n| budget | size | limit | |');
  console.log('|---|---:|---:|---|');
  for (const b of budgets)
    console.log(
      `| ${b.what} | ${b.value === undefined ? '—' : kb(b.value)} | ${kb(b.max)} | ${b.value !== undefined && b.value <= b.max ? 'ok' : 'OVER'} |`,
    );
}
const over = budgets.filter((b) => b.value !== undefined && b.value > b.max);
if (process.argv.includes('--check') && over.length) {
  console.error(`\nsize budget exceeded: ${over.map((b) => b.what).join('; ')}`);
  process.exit(1);
}
