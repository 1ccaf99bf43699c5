#!/usr/bin/env node
// `npm run test:consumers`: the library the way users consume it: from the packed tarball, in real apps.
//
// Builds the library, packs it ONCE into .cache/consumers/, then for every app folder test/consumers/<app>/
// with a check.mjs: copies the app to .cache/consumers/<app>/ (its node_modules stay there between runs: the
// cache), installs the app's own pinned dependencies (`npm ci` from its committed package-lock.json, skipped
// when the lock is unchanged since the last install), adds the tarball, and runs `node check.mjs` in that
// folder with CNN_TARBALL (the tarball's path) and CHROME_PATH (a Chromium, from scripts/lib/browser.mjs).
// A check exits 0 on success, non-zero with a message on failure.
//
// The tarball: `npm install --no-save <tarball>` the first time (it brings cnn-widgets' own dependencies);
// after that, while those dependencies are the same, the tarball is unpacked over node_modules/cnn-widgets/
// (the same files npm would write, without a minute of npm resolving them again).
//
// SPEED. Apps run `--jobs` at a time (default 2: the machines have two cores, and an app spends much of its
// time waiting on a browser, a build or npm), slowest first by the time each took last (kept in the cache),
// so the long ones do not start last. One block per app as it ends, then `Consumers: N passed, N failed`.
//
//   node scripts/test-consumers.mjs [--only=vite-react,astro5] [--no-build] [--jobs=2]
import { execSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { findChromium } from './lib/browser.mjs';

const root = resolve('.');
const cache = join(root, '.cache/consumers');
const apps = join(root, 'test/consumers');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = arg('only')?.split(',');
const jobs = Math.max(1, Number(arg('jobs') ?? process.env.CONSUMER_JOBS ?? 2) || 1);
const t0 = Date.now();
const secs = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

if (!process.argv.includes('--no-build')) execSync('npm run --silent build', { stdio: 'inherit' });
mkdirSync(cache, { recursive: true });
for (const f of readdirSync(cache)) if (f.endsWith('.tgz')) rmSync(join(cache, f));
const packed = execSync(`npm pack --silent --pack-destination ${JSON.stringify(cache)}`, {
  encoding: 'utf8',
});
const tarball = join(cache, packed.trim().split('\n').pop());
/** What npm does beyond unpacking (dependencies, bin links): when any changes, npm installs the tarball again. */
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const ownDeps = JSON.stringify([pkg.dependencies, pkg.peerDependencies, pkg.optionalDependencies, pkg.bin]);
const chrome = await findChromium();
console.log(`packed ${tarball} (${secs(t0)}); ${jobs} app(s) at a time`);

/** Runs a command in `cwd`; resolves its exit status and the tail of its output. */
function sh(cmd, args, cwd, env = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const keep = (d) => (out = (out + d).slice(-64_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15 * 60_000);
    child.on('error', (e) => keep(String(e)));
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ ok: code === 0, out: out.split('\n').slice(-40).join('\n') });
    });
  });
}

/** Copies the app over its cached copy, keeping node_modules; installs only when the lock changed. */
async function prepare(name) {
  const dir = join(cache, name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir))
    if (!['node_modules', '.installed-lock', '.installed-deps', '.duration'].includes(f))
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
    rmSync(join(dir, '.installed-deps'), { force: true });
    const ci = await sh('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    if (!ci.ok) return { dir, error: `npm ci failed:\n${ci.out}` };
    writeFileSync(stamp, wanted);
  }
  const installed = join(dir, 'node_modules/cnn-widgets');
  const depsStamp = join(dir, '.installed-deps');
  if (existsSync(depsStamp) && readFileSync(depsStamp, 'utf8') === ownDeps && existsSync(installed)) {
    // The same dependencies as last time: only cnn-widgets' own files change. Unpack them as npm would.
    const tmp = mkdtempSync(join(dir, '.unpack-'));
    const untar = await sh('tar', ['-xzf', tarball, '-C', tmp], dir);
    if (!untar.ok) return { dir, error: `unpacking the tarball failed:\n${untar.out}` };
    rmSync(installed, { recursive: true, force: true });
    renameSync(join(tmp, 'package'), installed);
    rmSync(tmp, { recursive: true, force: true });
  } else {
    rmSync(installed, { recursive: true, force: true });
    const add = await sh(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', tarball],
      dir,
    );
    if (!add.ok) return { dir, error: `installing the tarball failed:\n${add.out}` };
    writeFileSync(depsStamp, ownDeps);
  }
  return { dir, error: null };
}

// The helpers the checks share (test/consumers/_lib/harness.mjs), beside the apps as in the repository.
rmSync(join(cache, '_lib'), { recursive: true, force: true });
cpSync(join(apps, '_lib'), join(cache, '_lib'), { recursive: true });

/** How long an app took last time (slowest first; never run: first of all). */
const lastDuration = (name) => {
  const f = join(cache, name, '.duration');
  return existsSync(f) ? Number(readFileSync(f, 'utf8')) : Infinity;
};
const names = readdirSync(apps)
  .filter((n) => existsSync(join(apps, n, 'check.mjs')))
  .filter((n) => !only || only.includes(n))
  .sort((a, b) => lastDuration(b) - lastDuration(a) || a.localeCompare(b));
let passed = 0;
let failed = 0;

async function runApp(name) {
  const t = Date.now();
  const { dir, error } = await prepare(name);
  const run = error
    ? { ok: false, out: error }
    : await sh('node', ['check.mjs'], dir, {
        CNN_TARBALL: tarball,
        CHROME_PATH: chrome.executablePath,
        CNN_LIBRARY_ROOT: root,
      });
  if (run.ok) {
    passed++;
    writeFileSync(join(dir, '.duration'), String(Date.now() - t));
  } else failed++;
  // On success, what the check said it verified (its last lines); on failure, the tail of its output.
  const said = run.ok ? run.out.trim().split('\n').slice(-4).join('\n') : run.out;
  console.log(`${run.ok ? 'ok  ' : 'FAIL'} ${name} (${secs(t)})\n${said.replace(/^/gm, '     ')}`);
}

const queue = [...names];
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    while (queue.length) await runApp(queue.shift());
  }),
);
console.log(`Consumers: ${passed} passed, ${failed} failed (${secs(t0)})`);
process.exit(failed || !names.length ? 1 : 0);
