#!/usr/bin/env node
// `npm run test:consumers`: the library the way users consume it: from the packed tarball, in real apps.
//
// Builds the library, packs it ONCE into .cache/consumers/, then for every app folder test/consumers/<app>/
// with a check.mjs: copies the app to .cache/consumers/<app>/ (its node_modules stay there between runs: the
// cache), installs the app's own pinned dependencies (`npm ci` from its committed package-lock.json, skipped
// when the lock is unchanged since the last install), adds the tarball (`npm install --no-save`), and runs
// `node check.mjs` in that folder with CNN_TARBALL (the tarball's path) and CHROME_PATH (a Chromium, from
// scripts/lib/browser.mjs). A check exits 0 on success, non-zero with a message on failure.
// Apps run one at a time (the machines have two cores). One line per app, then `Consumers: N passed, N failed`.
//
//   node scripts/test-consumers.mjs [--only=vite-react,astro5] [--no-build]
import { execSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findChromium } from './lib/browser.mjs';

const root = resolve('.');
const cache = join(root, '.cache/consumers');
const apps = join(root, 'test/consumers');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const t0 = Date.now();
const secs = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

if (!process.argv.includes('--no-build')) execSync('npm run --silent build', { stdio: 'inherit' });
mkdirSync(cache, { recursive: true });
for (const f of readdirSync(cache)) if (f.endsWith('.tgz')) rmSync(join(cache, f));
const packed = execSync(`npm pack --silent --pack-destination ${JSON.stringify(cache)}`, {
  encoding: 'utf8',
});
const tarball = join(cache, packed.trim().split('\n').pop());
const chrome = await findChromium();
console.log(`packed ${tarball} (${secs(t0)})`);

/** Runs a command in `cwd`; returns its exit status and the tail of its output (printed on failure only). */
function sh(cmd, args, cwd, env = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 15 * 60_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  return { ok: r.status === 0, out: out.split('\n').slice(-40).join('\n') };
}

/** Copies the app over its cached copy, keeping node_modules; installs only when the lock changed. */
function prepare(name) {
  const dir = join(cache, name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir))
    if (f !== 'node_modules' && f !== '.installed-lock')
      rmSync(join(dir, f), { recursive: true, force: true });
  cpSync(join(apps, name), dir, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist|dev-dist|\.astro|\.parcel-cache)$/.test(src),
  });
  const lock = join(dir, 'package-lock.json');
  if (!existsSync(lock))
    return {
      dir,
      error: `${name}: no committed package-lock.json (run npm install in the app and commit it)`,
    };
  const stamp = join(dir, '.installed-lock');
  const wanted = readFileSync(lock, 'utf8');
  if (
    !existsSync(join(dir, 'node_modules')) ||
    !existsSync(stamp) ||
    readFileSync(stamp, 'utf8') !== wanted
  ) {
    const ci = sh('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    if (!ci.ok) return { dir, error: `npm ci failed:\n${ci.out}` };
    writeFileSync(stamp, wanted);
  }
  rmSync(join(dir, 'node_modules/cnn-widgets'), { recursive: true, force: true }); // always this build's copy
  const add = sh(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', tarball],
    dir,
  );
  if (!add.ok) return { dir, error: `installing the tarball failed:\n${add.out}` };
  return { dir, error: null };
}

// The helpers the checks share (test/consumers/_lib/harness.mjs), beside the apps as in the repository.
rmSync(join(cache, '_lib'), { recursive: true, force: true });
cpSync(join(apps, '_lib'), join(cache, '_lib'), { recursive: true });

const names = readdirSync(apps)
  .filter((n) => existsSync(join(apps, n, 'check.mjs')))
  .filter((n) => !only || only.includes(n))
  .sort();
let passed = 0;
let failed = 0;
for (const name of names) {
  const t = Date.now();
  const { dir, error } = prepare(name);
  const run = error
    ? { ok: false, out: error }
    : sh('node', ['check.mjs'], dir, {
        CNN_TARBALL: tarball,
        CHROME_PATH: chrome.executablePath,
        CNN_LIBRARY_ROOT: root,
      });
  if (run.ok) passed++;
  else failed++;
  console.log(`${run.ok ? 'ok  ' : 'FAIL'} ${name} (${secs(t)})`);
  // On success, what the check said it verified (its last lines); on failure, the tail of its output.
  const said = run.ok ? run.out.trim().split('\n').slice(-4).join('\n') : run.out;
  console.log(said.replace(/^/gm, '     '));
}
console.log(`Consumers: ${passed} passed, ${failed} failed (${secs(t0)})`);
process.exit(failed || !names.length ? 1 : 0);
