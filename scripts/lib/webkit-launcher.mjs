// A @web/test-runner BrowserLauncher for WebKitGTK (Debian's webkit2gtk-driver), speaking plain W3C WebDriver
// over HTTP to /usr/bin/WebKitWebDriver, which drives WebKitGTK's MiniBrowser.
//
// Why not @web/test-runner-webdriver: it brings webdriverio and its many dependencies for three HTTP calls
// (new session, navigate, read the URL). MiniBrowser is a GTK window: it gets the X display of ./xvfb.mjs.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { display, hasDisplay } from './xvfb.mjs';

const DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER_DIRS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0',
  '/usr/libexec/webkit2gtk-4.1',
];

/** @returns {{ driver: string, miniBrowser: string } | null} the WebDriver and MiniBrowser, or null if absent. */
export function findWebKit() {
  const driver = process.env.WEBKIT_WEBDRIVER_PATH || DRIVER;
  const miniBrowser =
    process.env.WEBKIT_MINIBROWSER_PATH ||
    MINIBROWSER_DIRS.map((d) => `${d}/MiniBrowser`).find((p) => existsSync(p));
  if (!existsSync(driver) || !miniBrowser || !existsSync(miniBrowser) || !hasDisplay()) return null;
  return { driver, miniBrowser };
}

/** Asks the kernel for a free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/**
 * WebKitGTK as a test-runner browser. One WebDriver session (one MiniBrowser window) runs one test file at a
 * time, so the launcher's concurrency is 1; WebDriver's classic protocol has no cheap second tab.
 */
export class WebKitLauncher {
  /** @param {{ driver: string, miniBrowser: string }} paths */
  constructor(paths) {
    this.name = 'WebKit';
    this.type = 'webkitgtk-webdriver';
    this.concurrency = 1;
    this.paths = paths;
    /** @type {Set<string>} */
    this.active = new Set();
    /** @type {Promise<void> | undefined} */
    this.starting = undefined;
    this.sessionId = undefined;
    this.base = undefined;
  }

  async initialize() {}

  /** Starts the driver (on the shared X display) and a MiniBrowser session, once. */
  async ensureStarted() {
    if (this.sessionId) return;
    this.starting ??= this.start().finally(() => (this.starting = undefined));
    await this.starting;
  }

  async start() {
    if (!this.driver) {
      const port = await freePort();
      this.base = `http://127.0.0.1:${port}`;
      this.driver = spawn(this.paths.driver, [`--port=${port}`], {
        env: { ...process.env, DISPLAY: await display() },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      this.driverLog = '';
      this.driver.stderr.on('data', (d) => (this.driverLog = (this.driverLog + d).slice(-4000)));
      const driver = this.driver;
      const kill = () => driver.kill();
      process.once('exit', kill); // never leave a driver (and its MiniBrowser) behind a run that was cut short
      driver.on('exit', () => {
        process.off('exit', kill);
        if (this.driver === driver) this.driver = this.sessionId = undefined;
      });
      await this.waitForDriver();
    }
    const { value } = await this.request('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': { binary: this.paths.miniBrowser, args: ['--automation'] },
          // Tests time their own scripts; the page-load limit only has to outlast a slow 2-core machine.
          timeouts: { pageLoad: 120000, script: 60000 },
        },
      },
    });
    this.sessionId = value.sessionId;
    this.capabilities = value.capabilities; // browserVersion: WebKitGTK's version
  }

  async waitForDriver() {
    const until = Date.now() + 30000;
    for (;;) {
      try {
        const { value } = await this.request('GET', '/status');
        if (value?.ready) return;
      } catch (e) {
        if (Date.now() > until) {
          throw new Error(`WebKitWebDriver did not start: ${e.message}\n${this.driverLog}`, { cause: e });
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * One WebDriver command. A command that never answers (a frozen page) fails after `timeout` rather than
   * hanging the run; an error from the driver becomes an exception with its message.
   */
  async request(method, path, body, timeout = 150000) {
    const abort = new AbortController();
    const timer = setTimeout(
      () => abort.abort(new Error(`WebDriver ${method} ${path}: no answer within ${timeout} ms`)),
      timeout,
    );
    let res;
    let json;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: body ? { 'content-type': 'application/json; charset=utf-8' } : undefined,
        body: body ? JSON.stringify(body) : undefined,
        signal: abort.signal,
      });
      json = await res.json().catch(() => ({}));
    } finally {
      clearTimeout(timer);
    }
    if (!res.ok) {
      const v = json.value ?? {};
      const err = new Error(`WebDriver ${method} ${path}: ${v.error ?? res.status}: ${v.message ?? ''}`);
      err.code = v.error;
      throw err;
    }
    return json;
  }

  /** A command in the current session; a lost session (MiniBrowser crashed) is forgotten so the next starts anew. */
  async command(method, path, body, timeout) {
    try {
      return (await this.request(method, `/session/${this.sessionId}${path}`, body, timeout)).value;
    } catch (e) {
      if (e.code === 'invalid session id') this.sessionId = undefined;
      throw e;
    }
  }

  async startSession(sessionId, url) {
    await this.ensureStarted();
    this.active.add(sessionId);
    this.lastUrl = url;
    await this.command('POST', '/url', { url });
  }

  isActive(sessionId) {
    return this.active.has(sessionId);
  }

  async getBrowserUrl() {
    try {
      return await this.command('GET', '/url', undefined, 10000);
    } catch {
      return this.lastUrl;
    }
  }

  async stopSession(sessionId) {
    this.active.delete(sessionId);
    // Leave the test page so its timers and workers stop before the next file runs in this window.
    await this.command('POST', '/url', { url: 'about:blank' }, 30000).catch(() => undefined);
    return {};
  }

  startDebugSession() {
    throw new Error('WebKitGTK has no debug mode here: run it with BROWSERS=chromium --manual instead.');
  }

  async stop() {
    if (this.sessionId) await this.command('DELETE', '', undefined, 10000).catch(() => undefined);
    this.sessionId = undefined;
    this.driver?.kill();
    this.driver = undefined;
  }
}

/** @param {{ driver: string, miniBrowser: string }} paths */
export function webkitLauncher(paths) {
  return new WebKitLauncher(paths);
}
