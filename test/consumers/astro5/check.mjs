// Astro 5 (Vite 6, which builds workers as one classic script), no configuration for cnn-widgets: `astro build`
// succeeds with the package imported on the server too (the layout's frontmatter, rendered in Node: its
// numbers are in the HTML), the Markdown post renders <conv-calculator> (its result) and its <cnn-trainer>
// trains in a Worker.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { noFailedRequests, serveStatic, trains, withPage } from '../_lib/harness.mjs';

execFileSync('./node_modules/.bin/astro', ['build', '--silent'], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
const html = readFileSync('dist/posts/cnn/index.html', 'utf8');
if (!html.includes('Conv2d(3, 5, 5) has 380 parameters.'))
  throw new Error(`the server-rendered footer is missing from the built post:\n${html.slice(0, 2000)}`);
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
    console.log(
      `post builds (imported on the server too) and renders; trained (test accuracy ${r.testAccuracy.toFixed(3)}, ${r.backend})`,
    );
  });
} finally {
  site.close();
}
