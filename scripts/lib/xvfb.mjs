// One virtual X display for the browsers that need one: WebKitGTK's MiniBrowser is a GTK window, and headless
// Firefox only gets WebGL (Mesa's llvmpipe) when it can reach an X display. `Xvfb -displayfd` picks a free display
// number itself, so runs by several people on one machine never collide; with $DISPLAY set (xvfb-run, a desktop)
// that display is used instead and nothing is started.
import { spawn, spawnSync } from 'node:child_process';

/** @type {Promise<string> | undefined} */
let started;

/** @returns {boolean} whether an X display is available or can be started. */
export function hasDisplay() {
  return (
    Boolean(process.env.DISPLAY) || spawnSync('Xvfb', ['-help'], { stdio: 'ignore' }).error === undefined
  );
}

/** @returns {Promise<string>} `$DISPLAY`, or `:N` of an Xvfb started once for this process and stopped with it. */
export function display() {
  if (process.env.DISPLAY) return Promise.resolve(process.env.DISPLAY);
  started ??= new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let out = '';
    xvfb.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready: ${err.trim()}`)));
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (!out.includes('\n')) return;
      xvfb.unref();
      xvfb.stderr.destroy();
      xvfb.stdio[3].destroy();
      process.once('exit', () => xvfb.kill());
      resolve(`:${out.trim()}`);
    });
  });
  return started;
}
