/**
 * Where the library's data files live: MNIST, the sample photo, pretrained weights and the WASM binaries.
 *
 * They ship beside the code (in `dist/assets/`, on npm and on the CDN) and are found relative to THIS
 * module's own URL, so a page that loads the library from a CDN fetches them from the same CDN with no
 * configuration. Both build layouts put this module one folder below `dist/` (`dist/engine/assets.js` for
 * npm users, `dist/cdn/<chunk>.js` for the CDN), so `../assets/` is `dist/assets/` in each. A writer who
 * hosts the files elsewhere calls `setAssetBase(url)` once, or uses an element's own `data-src`.
 */
import { INTEGRITY } from './data/integrity.js';

const KEY = Symbol.for('cnn-widgets.assetBase');
type Registry = { [KEY]?: string };

/** The folder URL that asset paths resolve against. */
export function assetBase(): string {
  return (globalThis as Registry)[KEY] ?? new URL('../assets/', import.meta.url).href;
}

/** Overrides the asset folder for every widget on the page (kept on `globalThis`, shared by all copies). */
export function setAssetBase(url: string | URL): void {
  const href = new URL(String(url), globalThis.location?.href).href;
  (globalThis as Registry)[KEY] = href.endsWith('/') ? href : `${href}/`;
}

/** Resolves an asset path like `mnist/test-images.bin` to an absolute URL. */
export const assetUrl = (path: string): string => new URL(path, assetBase()).href;

/**
 * The size and checksum recorded at build time (data/integrity.ts) for an asset URL, or undefined for a file
 * that is not one of the library's own (a writer's photo, weights or dataset elsewhere). The query and hash
 * are ignored (`…/cnn-mnist.json?v=2` is still the library's file).
 */
export function integrityOf(url: string): { bytes: number; fnv1a: string } | undefined {
  const base = assetBase();
  const path = url.replace(/[?#].*$/, '');
  return path.startsWith(base) ? INTEGRITY[path.slice(base.length)] : undefined;
}
