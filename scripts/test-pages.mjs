#!/usr/bin/env node
// Page tests: what a writer and a reader would see, from the BUILT files.
//   - every examples/*.html page loads without console errors, uncaught exceptions or failed requests;
//   - every Storybook story renders without console errors (storybook-static/, from `npm run build-storybook`);
//   - the CDN build works from ANOTHER origin (the library served on one port, the page on another);
//   - the library works under a strict Content-Security-Policy (no unsafe-eval, no unsafe-inline).
// The CDN page from another origin, the trainer's buttons in its Worker, the strict CSP page and the Trusted Types
// pages run in Firefox ESR and WebKitGTK too (scripts/lib/page-engines.mjs; BROWSERS picks them, as for the
// component tests), each line naming its engine; where an engine lacks something the page needs (Firefox ESR 140
// has no Trusted Types), the line says so and checks what the element does instead.
// Needs `npm run build` and `npm run build-storybook` first (`npm run test:pages` does both).
// Prints `Pages: N passed, N failed` and exits 1 on any failure.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { findChromium } from './lib/browser.mjs';
import { pageEngines } from './lib/page-engines.mjs';
import { hasDisplay } from './lib/xvfb.mjs';

// A story or docs entry named for a missing file (a 404, a download that fails) expects its 404.
const EXPECTS_MISSING = /missing|404|not-found|load-error|retry|fails/i;
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const results = [];
const servers = [];
// Firefox ESR and WebKitGTK, found (or, named in BROWSERS and missing, an error) before anything starts.
const engines = pageEngines();

/** Serves `root` on a free port (each call its own origin); resolves with the origin. */
function serve(root = '.', extra = []) {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--root', root, ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server for ${root} exited (${code})`)));
    child.stdout.once('data', (d) => {
      const port = /localhost:(\d+)/.exec(String(d))?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
      else reject(new Error(`the server for ${root} said: ${String(d).trim()}`));
    });
  });
}

const browserInfo = await findChromium();
const browser = await chromium.launch({
  executablePath: browserInfo.executablePath,
  args: browserInfo.args,
  headless: true,
});

/** Opens a URL, waits, runs `check` in the page, and records problems. */
async function visit(
  name,
  url,
  { wait = 1500, check, checkArg, ready, expectMissing = false, expectConsole, requests } = {},
) {
  if (only && !name.includes(only)) return;
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const problems = [];
  // Every URL the page and its dedicated Workers asked for, for a `requests(urls)` check (a problem or null).
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  // A story that demonstrates a missing file expects its 404 (and the browser's own log line about it).
  // A page that demonstrates a policy's block expects the browser's own log line about it (expectConsole).
  const expected = (text) =>
    (expectMissing && /404|Failed to load resource/.test(text)) || expectConsole?.test(text) === true;
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected(m.text())) problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A loader that gives up on a missing file cancels its body (ERR_ABORTED): expected where the 404 is.
    if (expectMissing && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (!/favicon|\/__fault\//.test(r.url()))
      problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !/favicon/.test(r.url()) && !expected(String(r.status())))
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    if (ready) await page.waitForFunction(ready, null, { timeout: 60000 });
    await page.waitForTimeout(wait);
    if (check) {
      const msg = await page.evaluate(check, checkArg);
      if (msg) problems.push(msg);
    }
    const msg = requests?.(urls);
    if (msg) problems.push(msg);
  } catch (e) {
    problems.push(`failed: ${e.message.split('\n')[0]}`);
  }
  await page.close();
  record(name, problems);
}

/** Seconds each engine beyond Chromium spent on its page checks. */
const engineTime = new Map();

/**
 * The same page check in each engine beyond Chromium (after its Chromium `visit`), one result line each.
 * `adapt(engineId)` may change the check for an engine that lacks something: `{ name, url, ...options }`
 * (a changed name says what is checked there instead).
 */
async function inEngines(name, url, opts = {}, adapt = () => ({})) {
  for (const engine of engines) {
    if (only && !`${name} [${engine.label}]`.includes(only)) continue;
    const { name: shown = name, url: engineUrl = url, ...more } = adapt(engine.id);
    const t0 = performance.now();
    const problems = await engine.visit(engineUrl, { ...opts, ...more });
    engineTime.set(engine.label, (engineTime.get(engine.label) ?? 0) + (performance.now() - t0) / 1000);
    record(`${shown} [${engine.label}]`, problems);
  }
}

/** Records one check's result and prints its line. */
function record(name, problems) {
  results.push({ name, problems });
  console.log(
    `${problems.length ? '✗' : '✓'} ${name}${problems.length ? '\n    ' + problems.join('\n    ') : ''}`,
  );
}

/** In-page check: every custom element on the page is defined and rendered, none shows an error or NaN. */
const widgetsOk = () => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    if (!el.localName.includes('-')) continue;
    if (!customElements.get(el.localName)) bad.push(`<${el.localName}> is not defined`);
    else if (!el.shadowRoot) bad.push(`<${el.localName}> did not render`);
    else if (/\bNaN\b/.test(el.shadowRoot.textContent)) bad.push(`<${el.localName}> shows NaN`);
    if (el.error) bad.push(`<${el.localName}> error: ${el.error}`);
  }
  return bad.length ? bad.join('; ') : null;
};

try {
  const lib = await serve();

  // 1. Example pages.
  for (const f of readdirSync('examples').filter((f) => f.endsWith('.html'))) {
    await visit(`example ${f}`, `${lib}/examples/${f}`, { check: widgetsOk, wait: 2500 });
  }

  // 1b. examples/own-network.html as a reader uses it: they edit the layers in the trainer's text area, the
  // summary below follows as they type (a mistake is explained in both), then Start trains that network.
  await visit(
    'own-network: edit the layers, the summary follows as you type, then it trains',
    `${lib}/examples/own-network.html`,
    {
      ready: () => document.querySelector('cnn-trainer')?.shadowRoot?.querySelector('textarea[part=layers]'),
      wait: 500,
      check: async () => {
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        const until = async (test, what, ms = 60000) => {
          for (const t0 = Date.now(); !test(); await sleep(50))
            if (Date.now() - t0 > ms) throw new Error(`${what} within ${ms} ms`);
        };
        const t = document.querySelector('cnn-trainer');
        const sum = document.querySelector('model-summary');
        const area = t.shadowRoot.querySelector('textarea[part=layers]');
        if (sum.totalParams !== 45424)
          return `the page's network: the summary says ${sum.totalParams} parameters, not 45,424`;
        /** Types text a key at a time (an input event each), as a reader does, then pauses. */
        const type = async (text) => {
          area.focus();
          for (let i = 1; i <= text.length; i += 7) {
            area.value = text.slice(0, i);
            area.dispatchEvent(new window.Event('input', { bubbles: true }));
            await sleep(5);
          }
          area.value = text;
          area.dispatchEvent(new window.Event('input', { bubbles: true }));
        };
        // A mistake: the summary and the trainer both say which number arrives, without leaving the field.
        await type('Conv2d(1, 8, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(1000, 10)');
        try {
          await until(
            () => /receives 1,352 features/.test(sum.error ?? ''),
            'the summary explaining the mistake',
            5000,
          );
        } catch (e) {
          return `${e.message}: summary error ${sum.error}, trainer error ${t.error}`;
        }
        if (!/receives 1,352 features/.test(t.error ?? '')) return `the trainer says: ${t.error}`;
        if (!t.shadowRoot.querySelector('button[part=start]').disabled)
          return 'Start is on for a network that does not fit';
        // Fixed as the message says: the summary follows, still typing (the field keeps focus).
        await type('Conv2d(1, 8, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(1352, 10)');
        const params = 8 * 9 + 8 + 1352 * 10 + 10;
        try {
          await until(() => sum.totalParams === params && sum.error === null, 'the summary updating', 5000);
        } catch (e) {
          return `${e.message}: ${sum.totalParams} parameters, error ${sum.error}`;
        }
        if (t.shadowRoot.activeElement !== area) return 'the text area lost focus while the summary updated';
        const names = sum.layers.map((l) => l.name).join(',');
        if (names !== 'conv1,relu1,pool1,flatten,fc1') return `summary rows: ${names}`;
        // A shorter run than the page's, as a reader may set it, then Start.
        const size = t.shadowRoot.querySelector('[data-field=trainSize]');
        size.value = '1000';
        size.dispatchEvent(new window.Event('change', { bubbles: true }));
        await t.updateComplete;
        const ended = new Promise((r) => t.addEventListener('train-end', r, { once: true }));
        t.shadowRoot.querySelector('button[part=start]').click();
        await Promise.race([ended, sleep(120000)]);
        if (t.state !== 'done') return `after Start: state ${t.state}, error ${t.error}`;
        if (!(t.testAccuracy > 0.5)) return `trained to ${t.testAccuracy} test accuracy`;
        if (t.config.spec.layers.length !== 5) return 'it trained another network than the one typed';
        const matrix = document.querySelector('confusion-matrix');
        await until(() => matrix.matrix !== null, 'the confusion matrix', 10000).catch(() => {});
        if (!matrix.matrix) return 'the confusion matrix did not follow the run';
        if (!t.shadowRoot.querySelector('button[part=download-code]'))
          return 'no Download PyTorch code button after training';
        return null;
      },
    },
  );

  // 1c. examples/colour-data.html: the reader presses Start on a colour dataset packed from a folder of PNGs;
  // the followers take its classes, the feature map draws conv1's kernels per R, G and B channel, the pad inks in
  // colour. (`npm run build` packs the shapes when sharp is installed; CI installs it.)
  await visit(
    'colour-data: trains on a packed folder of colour PNGs; conv1 kernels per R/G/B channel',
    `${lib}/examples/colour-data.html`,
    {
      // The page has read datasets.json and the trainer the shapes' dataset.json (or the page says why not).
      ready: () =>
        !document.getElementById('missing').hidden ||
        document.querySelector('cnn-trainer')?.datasetInfo?.name === 'Shapes',
      wait: 500,
      check: async () => {
        const missing = document.getElementById('missing');
        if (!missing.hidden) return `the page says: ${missing.textContent}`;
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        const t = document.querySelector('cnn-trainer');
        const ended = new Promise((r) => t.addEventListener('train-end', r, { once: true }));
        t.shadowRoot.querySelector('button[part=start]').click();
        await Promise.race([ended, sleep(120000)]);
        if (t.state !== 'done') return `after Start: state ${t.state}, error ${t.error}`;
        if (!(t.testAccuracy > 0.6)) return `trained to ${t.testAccuracy} test accuracy (chance is 1/3)`;
        const fm = document.querySelector('feature-map');
        for (const t0 = Date.now(); !fm.maps && !fm.error && Date.now() - t0 < 30000;) await sleep(100);
        if (fm.error) return `the feature map says: ${fm.error}`;
        if (!fm.maps) return 'no feature maps after training';
        const kernels = [...fm.shadowRoot.querySelectorAll('canvas[data-kernel]')];
        const channels = new Set(kernels.map((k) => k.dataset.channel));
        if (kernels.length !== 16 * 3 || channels.size !== 3)
          return `conv1's kernels: ${kernels.length} canvases over channels ${[...channels]} (want 16 filters × R, G, B)`;
        const heads = [
          ...document.querySelector('confusion-matrix').shadowRoot.querySelectorAll('thead th.label'),
        ];
        const names = heads.map((h) => h.textContent.trim()).join(',');
        if (names !== 'blue-bar,green-disc,red-square') return `the confusion matrix's classes: ${names}`;
        const pad = document.querySelector('digit-pad');
        if (!pad.shadowRoot.querySelector('canvas.pad.colour')) return 'the pad does not ink in colour';
        return null;
      },
    },
  );

  // 2. The CDN build from another origin: the page and the library on two ports.
  const other = await serve('test/pages');
  const pageDone = {
    ready: () => document.body.dataset.done === 'true',
    check: () => document.body.dataset.problem || null,
  };
  const crossOrigin = `${other}/cross-origin.html?lib=${encodeURIComponent(lib)}`;
  await visit('CDN from another origin', crossOrigin, { ...pageDone, wait: 200 });
  await inEngines('CDN from another origin', crossOrigin, pageDone);

  // 2a. A cross-origin isolated page (COOP + COEP): TensorFlow.js would load its threaded WASM, 4.6× slower here;
  // the library loads the plain SIMD binary (data/wasm-binary.ts) and trains in its Worker as anywhere else.
  const isolatedOrigin = await serve('.', [
    '--header',
    'Cross-Origin-Opener-Policy: same-origin',
    '--header',
    'Cross-Origin-Embedder-Policy: require-corp',
  ]);
  const isolatedPage = `${isolatedOrigin}/test/pages/isolated.html`;
  await visit('cross-origin isolated page: trains on the SIMD binary (CDN, Worker)', isolatedPage, {
    ...pageDone,
    wait: 200,
    requests: (urls) => {
      const wasm = urls.filter((u) => u.endsWith('.wasm')).map((u) => u.split('/').pop());
      return wasm.length === 1 && wasm[0] === 'tfjs-backend-wasm-simd.wasm'
        ? null
        : `the WASM binaries requested: ${JSON.stringify(wasm)}, not the SIMD one alone`;
    },
  });
  await inEngines('cross-origin isolated page (CDN, Worker)', isolatedPage, pageDone);

  // 2b. A page with only the widgets that need no engine loads no TensorFlow.js.
  await visit('no engine for calculator, kernel viewer, summary', `${lib}/test/pages/no-engine.html`, {
    ready: () => document.body.dataset.done === 'true',
    check: () => document.body.dataset.problem || null,
    wait: 200,
  });

  // 2c. The trainer's own buttons on the CDN build, training in its default Worker: Pause, Resume, Stop.
  const control = 'trainer control by its buttons (CDN, Worker)';
  await visit(control, `${lib}/test/pages/trainer-control.html`, { ...pageDone, wait: 200 });
  await inEngines(control, `${lib}/test/pages/trainer-control.html`, pageDone);

  // 2d. The CDN build under real network faults (damaged weights, a truncated photo, a dropped manifest).
  const faulty = await serve('.', ['--faults']);
  await visit('faults: damaged, truncated, dropped files (CDN)', `${faulty}/test/pages/faults.html`, {
    ready: () => document.body.dataset.done === 'true',
    check: () => document.body.dataset.problem || null,
    // The browser logs the failed requests the page provokes; the page itself checks what the reader sees.
    expectConsole: /Failed to load resource|ERR_|network error/i,
    wait: 200,
  });

  // 2e. Property values as frameworks set them, on the CDN build.
  await visit('property values (CDN)', `${lib}/test/pages/properties.html`, {
    ready: () => document.body.dataset.done === 'true',
    check: () => document.body.dataset.problem || null,
    wait: 200,
  });

  // 3. Strict CSP: no 'unsafe-eval', no 'unsafe-inline' (only 'wasm-unsafe-eval' for WebAssembly).
  const csp =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
    "connect-src 'self'; worker-src 'self'";
  const strict = await serve('.', ['--header', `Content-Security-Policy: ${csp}`]);
  await visit('strict CSP', `${strict}/test/pages/csp.html`, { ...pageDone, wait: 200 });
  await inEngines('strict CSP', `${strict}/test/pages/csp.html`, pageDone);

  // 3b. <cnn-trainer> under a page's policy: every fallback is said in the element, with its fix; Trusted Types
  //     keep training in a Worker. (A policy violation is logged by the browser itself: expected where it is
  //     the case's point.)
  const policy = (csp) => serve('.', ['--header', `Content-Security-Policy: ${csp}`]);
  const trainerCase = async (name, origin, query, opts = {}) =>
    visit(name, `${origin}/test/pages/trainer-policy.html?${new URLSearchParams(query)}`, {
      ...pageDone,
      wait: 200,
      ...opts,
    });
  // A Trusted Types case: in Chromium the policy is enforced (the page checks that a plain string is refused as a
  // script URL, which Chromium logs) and the trainer's Worker still starts; in every other engine too, except
  // where the engine has no Trusted Types (Firefox ESR 140 ignores the directive): there the page checks that
  // there is none and that the trainer trains in its Worker all the same, with no note.
  const NO_TT = { firefox: 'Firefox ESR 140 has no Trusted Types' };
  const trustedTypesCase = async (name, origin, query) => {
    const url = (tt) => `${origin}/test/pages/trainer-policy.html?${new URLSearchParams({ ...query, tt })}`;
    await visit(name, url('enforced'), {
      ...pageDone,
      wait: 200,
      expectConsole: /requires 'TrustedScriptURL' assignment/,
    });
    await inEngines(name, url('enforced'), pageDone, (id) =>
      NO_TT[id]
        ? {
            name: `${name} (${NO_TT[id]}: the policy is ignored, so none is asked of it)`,
            url: url('absent'),
          }
        : {},
    );
  };
  const STRICT_REST = "style-src 'self'; img-src 'self' data: blob:";
  const TT = "require-trusted-types-for 'script'; trusted-types cnn-widgets lit-html";
  await trainerCase(
    "CSP without 'wasm-unsafe-eval': the trainer says it is on cpu and why",
    await policy(
      `default-src 'self'; script-src 'self'; ${STRICT_REST}; connect-src 'self'; worker-src 'self'`,
    ),
    {
      backend: 'wasm',
      used: 'cpu',
      thread: 'worker',
      cause: 'csp',
      note: "without WebAssembly.*'wasm-unsafe-eval'",
    },
  );
  await trustedTypesCase(
    "CSP with Trusted Types: the trainer's Worker still starts",
    await policy(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; ${STRICT_REST}; connect-src 'self'; worker-src 'self'; ${TT}`,
    ),
    { backend: 'wasm', used: 'wasm', thread: 'worker', how: 'module', note: 'none' },
  );
  // WebGL in the trainer's Worker (OffscreenCanvas). WebKitGTK has none there (nor has headless Firefox without
  // an X display): the trainer must say so in the element and train on wasm in the Worker instead, which is what
  // its line checks.
  {
    const name = 'the trainer asked for webgl trains on it in its Worker';
    const origin = await policy(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; ${STRICT_REST}; connect-src 'self'; worker-src 'self'`,
    );
    const url = (q) => `${origin}/test/pages/trainer-policy.html?${new URLSearchParams(q)}`;
    const webgl = { backend: 'webgl', used: 'webgl', thread: 'worker', how: 'module', note: 'none' };
    await visit(name, url(webgl), { ...pageDone, wait: 200 });
    await inEngines(name, url(webgl), pageDone, (id) =>
      id === 'webkit' || !hasDisplay()
        ? {
            name: `the trainer asked for webgl says it trains on wasm in its Worker (${id === 'webkit' ? 'WebKitGTK has no WebGL in OffscreenCanvas' : 'no X display, no WebGL'})`,
            url: url({
              ...webgl,
              used: 'wasm',
              note: 'Training on wasm instead of webgl: webgl did not start',
              cause: 'unsupported',
            }),
          }
        : {},
    );
  }

  const pageCsp = (worker, extra = '') =>
    serve('.', [
      '--header',
      `Content-Security-Policy: default-src 'self'; script-src 'self' ${lib} 'wasm-unsafe-eval'; ${STRICT_REST}; ` +
        `connect-src 'self' ${lib}; worker-src ${worker}${extra}`,
    ]);
  await trainerCase(
    "CSP cross-origin library without worker-src blob: the trainer says it is on the page's thread and why",
    await pageCsp(`'self' ${lib}`),
    {
      lib,
      backend: 'wasm',
      used: 'wasm',
      thread: 'main',
      cause: 'csp',
      note: "page's own thread.*worker-src blob:",
    },
    { expectConsole: /Creating a worker from 'blob:.*violates the following Content Security Policy/ },
  );
  await trustedTypesCase(
    'CSP cross-origin library with Trusted Types: a blob: Worker through the cnn-widgets policy',
    await pageCsp(`blob: ${lib}`, `; ${TT}`),
    { lib, backend: 'wasm', used: 'wasm', thread: 'worker', how: 'blob', 'blob-only': '', note: 'none' },
  );

  // 4. Every Storybook story.
  if (existsSync('storybook-static/index.json')) {
    const sb = await serve('storybook-static');
    const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
    for (const entry of Object.values(index.entries)) {
      if (entry.type !== 'story') continue;
      await visit(`story ${entry.id}`, `${sb}/iframe.html?id=${entry.id}&viewMode=story`, {
        ready: () => document.querySelector('#storybook-root')?.children.length > 0,
        wait: 600,
        expectMissing: EXPECTS_MISSING.test(entry.id),
        check: () => {
          const errorShown = document.querySelector('.sb-show-errordisplay');
          return errorShown
            ? `Storybook error: ${document.querySelector('#error-message')?.textContent}`
            : null;
        },
      });
    }
    // 5. Every Docs page documents its element: attributes, properties, events, methods, parts, custom properties
    // (each name from the manifest must be on the page; a blank Docs page, as without addon-docs, fails).
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    const elements = new Map();
    for (const mod of manifest.modules)
      for (const d of mod.declarations ?? []) if (d.tagName) elements.set(d.tagName, d);
    // Every public element (each tag custom-elements.json declares, <cnn-training-curves> too) has a Docs page.
    const documented = new Set(
      Object.values(index.entries)
        .filter((e) => e.type === 'docs')
        .map((e) => e.title.split('/').pop()),
    );
    const tags = [...elements.keys()];
    const name = `docs: every element has a Docs page (${tags.length})`;
    if (!only || name.includes(only))
      record(
        name,
        tags.length
          ? tags.filter((t) => !documented.has(t)).map((t) => `<${t}> has no Docs page`)
          : ['custom-elements.json declares no element'],
      );
    for (const entry of Object.values(index.entries)) {
      if (entry.type !== 'docs') continue;
      const el = elements.get(entry.title.split('/').pop());
      if (!el) continue; // an MDX page about a lesson, not an element
      const names = {
        attributes: (el.attributes ?? []).map((a) => a.name),
        properties: (el.members ?? []).filter((m) => m.kind === 'field').map((m) => m.name),
        methods: (el.members ?? []).filter((m) => m.kind === 'method').map((m) => `${m.name}(`),
        events: (el.events ?? []).map((e) => e.name),
        'css shadow parts': (el.cssParts ?? []).map((p) => p.name),
        'css custom properties': (el.cssProperties ?? []).map((p) => p.name),
      };
      await visit(`docs ${entry.id}`, `${sb}/iframe.html?id=${entry.id}&viewMode=docs`, {
        ready: () => document.querySelector('.docblock-argstable tbody tr'),
        // A Docs page shows every story of its element, those that demonstrate a missing file included.
        expectMissing: Object.values(index.entries).some(
          (e) => e.title === entry.title && EXPECTS_MISSING.test(e.id),
        ),
        wait: 300,
        check: (expected) => {
          // The element's tables, not the page's prose: a name mentioned in a description does not count.
          const text = [...document.querySelectorAll('#storybook-docs .docblock-argstable')]
            .map((t) => t.textContent)
            .join(' ');
          const missing = [];
          for (const [kind, list] of Object.entries(expected)) {
            if (list.length && !text.toLowerCase().includes(kind === 'methods' ? 'methods' : kind))
              missing.push(`no "${kind}" section`);
            for (const n of list) if (!text.includes(n)) missing.push(`${kind}: ${n}`);
          }
          return missing.length ? `the Docs page lacks ${missing.join(', ')}` : null;
        },
        checkArg: names,
      });
    }
  } else if (!only) {
    results.push({
      name: 'storybook',
      problems: ['storybook-static/ is missing: run npm run build-storybook'],
    });
  }
} finally {
  await browser.close();
  for (const e of engines) await e.close();
  for (const s of servers) s.kill();
}

for (const [label, s] of engineTime) console.log(`[pages] ${label}: ${s.toFixed(1)} s of page checks`);
const failed = results.filter((r) => r.problems.length).length;
console.log(`\nPages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
