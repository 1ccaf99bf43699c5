// The page checks of scripts/test-pages.mjs in the engines beyond Chromium: Firefox ESR over WebDriver BiDi
// (puppeteer-core, as scripts/lib/test-browsers.mjs launches it for the component tests) and WebKitGTK over
// classic WebDriver (WebKitWebDriver driving MiniBrowser under Xvfb, through scripts/lib/webkit-launcher.mjs).
//
// The pages these run report through `data-done` / `data-problem` on <body>, so a visit is the same in every
// engine: open the URL, wait for `ready()` in the page, run `check(arg)` in the page. What differs is what an
// engine tells us besides: Firefox reports console errors, uncaught exceptions and failed requests over BiDi as
// Chromium does; classic WebDriver has no console, so in WebKit the page's own uncaught errors and unhandled
// rejections (collected by test/pages/watch.js into `globalThis.__pageErrors`) and any resource that answered
// 4xx/5xx (Resource Timing's `responseStatus`, where WebKit has it) are read from the page instead.
//
// BROWSERS (as for the component tests) picks the engines: unset, each installed one runs and a missing one is a
// printed notice; named, a missing one is an error, so CI (BROWSERS=chromium,firefox,webkit) cannot pass without.
// Each engine starts on its first visit, so `--only=` a Chromium-only check starts neither.
import { createRequire } from 'node:module';
import { findFirefox } from './test-browsers.mjs';
import { findWebKit, WebKitLauncher } from './webkit-launcher.mjs';
import { display, hasDisplay } from './xvfb.mjs';

const require = createRequire(import.meta.url);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** In-page: what test/pages/watch.js saw (uncaught errors, unhandled rejections) and resources that failed. */
const pageReport = () => {
  const out = [...(globalThis.__pageErrors ?? [])];
  for (const e of performance.getEntriesByType('resource'))
    if (e.responseStatus >= 400 && !/favicon/.test(e.name)) out.push(`HTTP ${e.responseStatus}: ${e.name}`);
  return out;
};

/** Firefox ESR through puppeteer-core over WebDriver BiDi. */
class FirefoxPages {
  /** @param {string} executablePath */
  constructor(executablePath) {
    this.executablePath = executablePath;
    this.name = 'Firefox';
  }

  async start() {
    const puppeteer = require('puppeteer-core');
    // Headless Firefox has WebGL (Mesa's llvmpipe) only with an X display to reach.
    const env = hasDisplay() ? { ...process.env, DISPLAY: await display() } : process.env;
    this.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: this.executablePath,
      headless: true,
      env,
      // No viewport override: puppeteer-core's sends a screen-orientation override Firefox ESR 140 lacks.
      defaultViewport: null,
      extraPrefsFirefox: {
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'services.settings.server': 'http://127.0.0.1:9/',
      },
    });
    const v = /(\d+(?:\.\d+)?)/.exec(await this.browser.version())?.[1] ?? '?';
    this.name = `Firefox ${v}`;
  }

  async visit(url, { ready, check, checkArg, expectConsole, timeout = 120000 }) {
    const page = await this.browser.newPage();
    const problems = [];
    const expected = (text) => expectConsole?.test(text) === true;
    page.on('console', (m) => {
      if (m.type() === 'error' && !expected(m.text())) problems.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('requestfailed', (r) => {
      if (!/favicon/.test(r.url())) problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !/favicon/.test(r.url())) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 60000 });
      // Polled from here: puppeteer's waitForFunction builds its poller with `new Function` inside the page,
      // which the pages under a strict CSP (no 'unsafe-eval') rightly refuse; evaluate() goes through BiDi.
      if (ready) {
        const until = Date.now() + timeout;
        while (!(await page.evaluate(ready))) {
          if (Date.now() > until) throw new Error(`not ready within ${timeout} ms`);
          await sleep(100);
        }
      }
      if (check) {
        const msg = await page.evaluate(check, checkArg);
        if (msg) problems.push(msg);
      }
      problems.push(...(await page.evaluate(pageReport)));
    } catch (e) {
      problems.push(`failed: ${String(e?.message ?? e).split('\n')[0]}`);
    }
    await page.close().catch(() => undefined);
    return [...new Set(problems)];
  }

  async close() {
    await this.browser?.close().catch(() => undefined);
  }
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver), one window reused for every visit. */
class WebKitPages {
  /** @param {{ driver: string, miniBrowser: string }} paths */
  constructor(paths) {
    this.driver = new WebKitLauncher(paths);
    this.name = 'WebKitGTK';
  }

  async start() {
    await this.driver.ensureStarted();
    const v = this.driver.capabilities?.browserVersion;
    this.name = `WebKitGTK ${v ? (/^\d+\.\d+/.exec(v)?.[0] ?? v) : '?'}`;
  }

  /** Runs `fn(arg)` in the page (a function, sent as its source) and returns its result. */
  run(fn, arg) {
    return this.driver.command('POST', '/execute/sync', {
      script: `return (${fn.toString()})(arguments[0]);`,
      args: [arg ?? null],
    });
  }

  async visit(url, { ready, check, checkArg, timeout = 120000 }) {
    const problems = [];
    try {
      await this.driver.command('POST', '/url', { url }); // returns once the page has loaded
      if (ready) {
        const until = Date.now() + timeout;
        while (!(await this.run(ready))) {
          if (Date.now() > until) throw new Error(`not ready within ${timeout} ms`);
          await sleep(100);
        }
      }
      if (check) {
        const msg = await this.run(check, checkArg);
        if (msg) problems.push(msg);
      }
      problems.push(...(await this.run(pageReport)));
    } catch (e) {
      problems.push(`failed: ${String(e?.message ?? e).split('\n')[0]}`);
    }
    // Leave the page so its timers and Workers stop before the next visit in this window.
    await this.driver.command('POST', '/url', { url: 'about:blank' }, 30000).catch(() => undefined);
    return problems;
  }

  async close() {
    await this.driver.stop();
  }
}

/** @returns {{ names: string[], explicit: boolean }} the engines beyond Chromium that BROWSERS asks for (or all). */
function requested() {
  const raw = process.env.BROWSERS?.trim();
  if (!raw) return { names: ['firefox', 'webkit'], explicit: false };
  const names = raw.split(',').map((s) => s.trim().toLowerCase());
  return { names: ['firefox', 'webkit'].filter((n) => names.includes(n)), explicit: true };
}

/**
 * The engines the page checks also run in, each started on its first visit and shared by every later one.
 * @returns {{ id: string, label: string, version: () => string, visit: Function, close: () => Promise<void> }[]}
 */
export function pageEngines() {
  const { names, explicit } = requested();
  const engines = [];
  const missing = (name, how) => {
    if (explicit) throw new Error(`BROWSERS names ${name}, which is not installed here (${how}).`);
    console.log(`[pages] ${name}: not installed (${how}); its page checks do not run.`);
  };
  for (const id of names) {
    let impl;
    if (id === 'firefox') {
      const path = findFirefox();
      if (!path) missing('Firefox', 'Debian: apt-get install -y firefox-esr, or set FIREFOX_PATH');
      else impl = new FirefoxPages(path);
    } else {
      const paths = findWebKit();
      if (!paths) missing('WebKitGTK', 'Debian: apt-get install -y webkit2gtk-driver xvfb');
      else impl = new WebKitPages(paths);
    }
    if (!impl) continue;
    /** @type {Promise<void> | undefined} */
    let started;
    engines.push({
      id,
      /** How result lines name the engine (fixed, so `--only=` can pick it before it starts). */
      label: id === 'firefox' ? 'Firefox ESR' : 'WebKitGTK',
      /** The engine and its version, once started. */
      version: () => impl.name,
      /** Opens `url` in this engine (starting it first); resolves with the problems seen (none: it passed). */
      async visit(url, opts = {}) {
        started ??= impl.start().then(() => console.log(`[pages] ${impl.name} started`));
        try {
          await started;
        } catch (e) {
          return [`${impl.name} did not start: ${String(e?.message ?? e).split('\n')[0]}`];
        }
        return impl.visit(url, opts);
      },
      close: () => (started ? impl.close() : Promise.resolve()),
    });
  }
  return engines;
}
