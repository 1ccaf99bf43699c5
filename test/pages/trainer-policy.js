// Starts a short <cnn-trainer> run under the Content-Security-Policy this page was served with
// (scripts/test-pages.mjs) and checks where it trains and what it tells the reader about it.
// Query: lib (origin of the library; default this page's), backend (the attribute), and the expectations:
//   thread (worker | main), how (module | blob), used (the backend in use), note (a regex the visible note and
//   `fallbacks` must match, or "none"), cause (of the fallback), blob-only (every Worker came from a blob: URL),
//   tt (`enforced`: this browser has Trusted Types and enforces the page's policy, so a plain string is refused
//   as a script URL while the trainer's own Worker still starts; `absent`: it has none, as Firefox ESR 140).
// Reports through data-done / data-problem.
import './watch.js';
const q = new URLSearchParams(location.search);
const lib = q.get('lib') ?? '';
const problems = [];
const violations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
);
// Every URL a Worker is constructed with (a TrustedScriptURL reads as its URL).
const workerUrls = [];
const NativeWorker = globalThis.Worker;
globalThis.Worker = class extends NativeWorker {
  constructor(url, options) {
    workerUrls.push(String(url));
    super(url, options);
  }
};
try {
  await import(`${lib}/dist/cdn/cnn-widgets.js`);
  await customElements.whenDefined('cnn-trainer');
  const t = document.createElement('cnn-trainer');
  for (const [k, v] of [
    ['train-size', '256'],
    ['test-size', '100'],
    ['epochs', '1'],
    ['backend', q.get('backend') ?? 'auto'],
  ])
    t.setAttribute(k, v);
  document.body.append(t);
  await t.updateComplete;
  const started = new Promise((resolve, reject) => {
    t.addEventListener('train-start', resolve, { once: true });
    t.addEventListener('train-error', (e) => reject(new Error(e.detail?.message ?? 'train-error')), {
      once: true,
    });
  });
  const run = t.start();
  await started;
  await t.updateComplete;
  const { thread, threadHow } = t.session ?? {};
  const expect = (name, actual, wanted) => {
    if (wanted !== null && actual !== wanted) problems.push(`${name} is ${actual}, expected ${wanted}`);
  };
  expect('thread', thread, q.get('thread'));
  expect('threadHow', threadHow, q.get('how'));
  expect('backend', t.backend, q.get('used'));
  const shown = t.shadowRoot.querySelector('[part~=note]')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  const note = q.get('note');
  if (note === 'none') {
    if (shown || t.fallbacks.length)
      problems.push(`a fallback note where none was expected: "${shown}" ${JSON.stringify(t.fallbacks)}`);
  } else if (note !== null) {
    const re = new RegExp(note);
    if (!re.test(shown)) problems.push(`the note in the element reads "${shown}", expected ${re}`);
    if (!t.fallbacks.some((f) => re.test(f.message)))
      problems.push(`fallbacks ${JSON.stringify(t.fallbacks)} do not match ${re}`);
  }
  const cause = q.get('cause');
  if (cause !== null && !t.fallbacks.some((f) => f.cause === cause))
    problems.push(`no fallback with cause ${cause}: ${JSON.stringify(t.fallbacks)}`);
  if (q.has('blob-only') && !workerUrls.every((u) => u.startsWith('blob:')))
    problems.push(`a Worker was constructed from ${workerUrls.join(', ')}, not only from blob: URLs`);
  t.stop();
  await run;
  const tt = q.get('tt');
  if (tt === 'absent' && 'trustedTypes' in globalThis)
    problems.push('this browser has Trusted Types, yet the case expects none');
  if (tt === 'enforced') {
    const refused = violations.filter((v) => /trusted-types/.test(v));
    if (refused.length)
      problems.push(`the library's own URLs were refused by Trusted Types: ${refused.join(', ')}`);
    if (!('trustedTypes' in globalThis))
      problems.push('this browser has no Trusted Types: nothing was enforced');
    else {
      // The policy is really in force: a plain string as a script URL is refused (the browser logs it).
      let accepted = true;
      try {
        document.createElement('script').src = '/not-trusted.js';
      } catch {
        accepted = false;
      }
      if (accepted) problems.push('a plain string was taken as a script URL: Trusted Types are not enforced');
    }
  }
} catch (e) {
  problems.push(String(e?.stack ?? e));
}
if (problems.length && violations.length) problems.push(`CSP violations: ${violations.join(', ')}`);
document.body.dataset.problem = problems.join('; ');
document.body.dataset.done = 'true';
