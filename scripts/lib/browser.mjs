// Finds a Chromium to run tests, benchmarks and screenshots in, without downloading anything at run time.
//
// Order: $CHROME_PATH, then the system's Chromium/Chrome, then the Chromium that arrives through npm itself
// (@sparticuz/chromium, a devDependency), unpacked once into .cache/chromium inside the project rather than
// the shared /tmp. Set CNN_WIDGETS_BROWSER=npm to force the npm one (that is how we test the fallback).
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags every headless run here needs: root needs --no-sandbox; the rest keep Chromium off the closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--disable-dev-shm-usage',
];

/** @returns {Promise<{ executablePath: string, args: string[], source: string }>} */
export async function findChromium() {
  const forced = process.env.CNN_WIDGETS_BROWSER;
  if (forced !== 'npm') {
    if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) {
      return { executablePath: process.env.CHROME_PATH, args: CHROMIUM_ARGS, source: 'CHROME_PATH' };
    }
    const found = SYSTEM.find((p) => existsSync(p));
    if (found) return { executablePath: found, args: CHROMIUM_ARGS, source: 'system' };
  }
  // @sparticuz/chromium unpacks into os.tmpdir(), which follows $TMPDIR: point it inside the project.
  const dir = resolve('.cache/chromium');
  mkdirSync(dir, { recursive: true });
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    const executablePath = await chromium.executablePath();
    const args = [...chromium.args.filter((a) => !a.startsWith('--headless')), ...CHROMIUM_ARGS];
    return { executablePath, args, source: '@sparticuz/chromium' };
  } catch (e) {
    throw new Error(
      'No Chromium found. Install one (Debian: apt-get install -y chromium), set CHROME_PATH, ' +
        `or keep the @sparticuz/chromium devDependency installed. (${e instanceof Error ? e.message : e})`,
      { cause: e },
    );
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}
