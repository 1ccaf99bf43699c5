// Chooses the browsers @web/test-runner runs the tests in: Chromium, Firefox ESR and WebKitGTK.
//
// BROWSERS=chromium,firefox,webkit (any subset, any order) picks them. Unset, every one that is installed runs
// and a missing one is skipped with a printed notice; named in BROWSERS, a missing one is an error (CI names all
// three, so a broken install cannot pass quietly). Nothing is downloaded: each browser is the system's own.
import { existsSync } from 'node:fs';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { findChromium } from './browser.mjs';
import { findWebKit, webkitLauncher } from './webkit-launcher.mjs';
import { display, hasDisplay } from './xvfb.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** @returns {string | null} a Firefox ($FIREFOX_PATH, then Debian's ESR, then any system Firefox). */
export function findFirefox() {
  if (process.env.FIREFOX_PATH && existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
  return FIREFOX.find((p) => existsSync(p)) ?? null;
}

/**
 * Firefox over WebDriver BiDi, through the same puppeteer-core launcher as Chromium (@web/test-runner-chrome
 * with puppeteer-core as its "custom puppeteer", which is all @web/test-runner-puppeteer adds, minus its browser
 * download). puppeteer-core gives Firefox a fresh profile in the temp dir with automation prefs (no updates, no
 * telemetry, no first-run pages); running as root needs nothing more in headless mode. Headless Firefox has
 * WebGL (Mesa's llvmpipe) only with an X display to reach, so it gets the shared Xvfb where there is one.
 */
async function firefoxLauncher(executablePath) {
  const env = hasDisplay() ? { ...process.env, DISPLAY: await display() } : process.env;
  if (!env.DISPLAY) console.log('[wtr] no X display (apt-get install -y xvfb): Firefox runs without WebGL.');
  return chromeLauncher({
    puppeteer: puppeteerCore,
    createPage: async ({ context }) => {
      const page = await context.newPage();
      // The runner sets an 800×600 viewport before every test file. puppeteer-core sends the screen-orientation
      // override with it, which Firefox ESR 140 (Debian bookworm) does not know: the size is set all the same.
      const setViewport = page.setViewport.bind(page);
      page.setViewport = (viewport) =>
        setViewport(viewport).catch((e) => {
          if (!/setScreenOrientationOverride/.test(String(e?.message))) throw e;
        });
      return page;
    },
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      env,
      extraPrefsFirefox: {
        // Keep a closed network closed: no captive-portal or connectivity probes, no remote settings.
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'services.settings.server': 'http://127.0.0.1:9/',
      },
    },
  });
}

/** @returns {{ names: string[], explicit: boolean }} the engines BROWSERS asks for (or all), validated. */
function requested() {
  const raw = process.env.BROWSERS?.trim();
  if (!raw) return { names: ENGINES, explicit: false };
  const names = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !ENGINES.includes(n));
  if (unknown.length) {
    throw new Error(`BROWSERS: unknown ${unknown.join(', ')}; choose from ${ENGINES.join(', ')}`);
  }
  return { names: [...new Set(names)], explicit: true };
}

/** @returns {Promise<import('@web/test-runner').BrowserLauncher[]>} one launcher per chosen, installed engine. */
export async function testBrowsers() {
  const { names, explicit } = requested();
  const launchers = [];
  const missing = (name, how) => {
    if (explicit) throw new Error(`BROWSERS names ${name}, which is not installed here (${how}).`);
    console.log(`[wtr] skipping ${name}: not installed (${how}).`);
  };
  for (const name of names) {
    if (name === 'chromium') {
      const chrome = await findChromium();
      console.log(`[wtr] Chromium from ${chrome.source}: ${chrome.executablePath}`);
      const chromium = chromeLauncher({
        launchOptions: { executablePath: chrome.executablePath, headless: true, args: chrome.args },
      });
      chromium.name = 'Chromium'; // the launcher says "Chrome"; this is Debian's (or npm's) Chromium
      launchers.push(chromium);
    } else if (name === 'firefox') {
      const path = findFirefox();
      if (!path) missing('Firefox', 'Debian: apt-get install -y firefox-esr, or set FIREFOX_PATH');
      else {
        console.log(`[wtr] Firefox: ${path}`);
        launchers.push(await firefoxLauncher(path));
      }
    } else {
      const paths = findWebKit();
      if (!paths)
        missing(
          'WebKitGTK',
          'it needs WebKitWebDriver, MiniBrowser and Xvfb; Debian: apt-get install -y webkit2gtk-driver xvfb',
        );
      else {
        console.log(`[wtr] WebKitGTK: ${paths.miniBrowser} via ${paths.driver}`);
        launchers.push(webkitLauncher(paths));
      }
    }
  }
  return launchers;
}
