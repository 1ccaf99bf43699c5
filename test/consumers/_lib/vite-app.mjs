// The check of a framework app built with Vite (vue3, svelte5): `vite build`, then the lesson page
// (lesson.mjs) in Chromium from the build (training a whole epoch) and from `vite` dev (training starts), then
// the framework's type checker on a file that uses every tag and on one that misuses each.
import { checkLesson } from './lesson.mjs';
import { checkTypes, freePort, runBin, serveStatic, startDevServer, withPage } from './harness.mjs';

/**
 * `types`: `{ good, wrong }` (functions running the checker on the good and the wrong project), `wrongFile`
 * and `errorLines` (the checker's output → the set of line numbers of `wrongFile` with an error).
 */
export async function checkViteApp(app, types) {
  const built = runBin('vite', 'vite', ['build', '--logLevel', 'warn']);
  if (built.status !== 0) throw new Error(`${app}: vite build failed:\n${built.out}`);
  const site = await serveStatic('dist');
  try {
    const line = await withPage(async (page, log) => {
      await page.goto(site.url);
      return checkLesson(page, log, { train: true });
    });
    console.log(`${app} build: ${line}`);
  } finally {
    site.close();
  }

  const port = await freePort();
  const vite = 'node_modules/vite/bin/vite.js';
  const dev = await startDevServer(
    process.execPath,
    [vite, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { port, ready: /Local:/ },
  );
  try {
    const line = await withPage(async (page, log) => {
      await page.goto(dev.url);
      return checkLesson(page, log, { train: false });
    });
    console.log(`${app} dev: ${line}`);
  } finally {
    dev.close();
  }

  const wrong = checkTypes(types);
  console.log(
    `${app} types: the lesson type-checks, all ${wrong} wrong uses in ${types.wrongFile} are errors`,
  );
}
