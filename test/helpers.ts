/** Test helpers shared by the element tests. */
import axe from 'axe-core';
import { expect } from '@esm-bundle/chai';

/** Mounts HTML in a fresh container, waits for custom elements to render, and returns the first element. */
export async function fixture<T extends HTMLElement>(markup: string): Promise<T> {
  const host = document.createElement('div');
  host.className = 'fixture';
  host.innerHTML = markup; // test-authored markup only
  document.body.appendChild(host);
  const el = host.firstElementChild as T;
  await settle(el);
  return el;
}

/** Waits until an element (and any Lit children it rendered) has finished updating. */
export async function settle(el: Element): Promise<void> {
  const lit = el as Element & { updateComplete?: Promise<unknown> };
  if (lit.updateComplete) await lit.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** Removes every fixture container. Call in afterEach. */
export function cleanup(): void {
  for (const el of document.querySelectorAll('div.fixture')) el.remove();
}

/** Resolves with the next event of this name on the target (rejects after a timeout). */
export function nextEvent<T = unknown>(
  target: EventTarget,
  name: string,
  timeout = 10000,
): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no "${name}" event within ${timeout} ms`)), timeout);
    target.addEventListener(
      name,
      (e) => {
        clearTimeout(t);
        resolve(e as CustomEvent<T>);
      },
      { once: true },
    );
  });
}

/** Runs axe-core on an element (shadow DOM included) and fails on serious or critical violations. */
export async function expectAccessible(el: Element): Promise<void> {
  const results = await axe.run(el, { resultTypes: ['violations'] });
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const text = bad.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(text, text.join('\n')).to.deep.equal([]);
}

/** Sets the value of an input inside a shadow root as a user would and fires `input`/`change`. */
export function typeInto(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(
    new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }),
  );
}

/** Every text node under a shadow root, joined — to assert no NaN or Infinity is ever shown. */
export function shadowText(el: Element): string {
  return el.shadowRoot?.textContent ?? '';
}

/**
 * Whether a module Worker here can create a WebGL2 context (on an OffscreenCanvas, the only canvas it has).
 * WebKitGTK has WebGL2 on the page's canvas but none in an OffscreenCanvas, so its Worker trains on wasm; tests
 * that need WebGL inside the Worker skip there instead of asserting a backend the browser cannot give.
 */
export async function workerHasWebGl2(): Promise<boolean> {
  const src =
    "postMessage(typeof OffscreenCanvas !== 'undefined' && !!new OffscreenCanvas(1, 1).getContext('webgl2'))";
  const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
  const worker = new Worker(url, { type: 'module' });
  try {
    return await new Promise<boolean>((resolve) => {
      worker.onmessage = (e) => resolve(e.data === true);
      worker.onerror = () => resolve(false);
    });
  } finally {
    worker.terminate();
    URL.revokeObjectURL(url);
  }
}
