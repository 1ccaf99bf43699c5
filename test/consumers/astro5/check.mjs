// Astro 5 (Vite 6, which builds workers as one classic script), no configuration for cnn-widgets: `astro build`
// succeeds, the Markdown post renders <conv-calculator> (its result) and its <cnn-trainer> trains in a Worker.
import { execFileSync } from 'node:child_process';
import { noFailedRequests, serveStatic, trains, withPage } from '../_lib/harness.mjs';

execFileSync('./node_modules/.bin/astro', ['build', '--silent'], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
const site = await serveStatic('dist');
try {
  await withPage(async (page, log) => {
    await page.goto(`${site.url}posts/cnn/`);
    const calc = await page.waitForFunction(() => document.querySelector('conv-calculator')?.result, null, {
      timeout: 60_000,
    });
    const { outputHeight } = await calc.jsonValue();
    if (outputHeight !== 26) throw new Error(`<conv-calculator> says ${outputHeight}, not 26`);
    const r = await trains(page, log);
    noFailedRequests(log);
    console.log(`post renders; trained (test accuracy ${r.testAccuracy.toFixed(3)}, ${r.backend})`);
  });
} finally {
  site.close();
}
