/**
 * Where the library's data files live: MNIST, the sample photo, pretrained weights and the WASM binaries.
 *
 * They ship beside the code (in `dist/assets/`, on npm and on the CDN). Each file is named by a LITERAL
 * `new URL('../assets/<path>', import.meta.url)` in the generated `asset-files.ts`, which serves two cases
 * with one expression:
 * - No bundler (the CDN build, tests from source): it resolves next to this module, so a page that loads the
 *   library from a CDN fetches its data from the same CDN. Both layouts put the module one folder below
 *   `dist/` (`dist/engine/`, `dist/cdn/`), so `../assets/` is `dist/assets/` in each.
 * - A bundler that follows the convention (Vite, webpack 5, Parcel): it emits each file and rewrites the URL
 *   (often to a hashed name), in dev and in production, with nothing to configure. That is why no asset URL
 *   may be COMPUTED from a folder: a bundler sees only literals, and a folder literal (`'../assets/'`) is
 *   worse still, since Vite rewrites it without its trailing slash.
 *
 * A writer who hosts the files elsewhere calls `setAssetBase(url)` once, or uses an element's own `data-src`:
 * then every path resolves against that folder instead.
 */
import { ASSET_FILES } from './asset-files.js';

const KEY = Symbol.for('cnn-widgets.assetBase');
type Registry = { [KEY]?: string };

/**
 * The folder next to this module, deliberately hidden from bundlers: Vite rewrites a folder literal without its
 * trailing slash, and webpack turns `new URL(<variable>, import.meta.url)` into a module lookup that throws at
 * run time. Only meaningful without a bundler; with one, the files come from `ASSET_FILES`.
 */
const OWN_FOLDER = '../assets/';
const moduleUrl = () => import.meta.url;

/** The folder URL that asset paths resolve against: the one `setAssetBase` set, else the library's own. */
export function assetBase(): string {
  return (globalThis as Registry)[KEY] ?? new URL(OWN_FOLDER, moduleUrl()).href;
}

/** The folder `setAssetBase` set on this thread, or null (the library's own files, wherever they were emitted). */
export function assetBaseOverride(): string | null {
  return (globalThis as Registry)[KEY] ?? null;
}

/** Overrides the asset folder for every widget on the page (kept on `globalThis`, shared by all copies). */
export function setAssetBase(url: string | URL): void {
  const href = new URL(String(url), globalThis.location?.href).href;
  (globalThis as Registry)[KEY] = href.endsWith('/') ? href : `${href}/`;
}

/**
 * Resolves an asset path like `mnist/test-0.u8z` to an absolute URL: under `setAssetBase`'s folder when one
 * is set, else the library's own file (as its bundler emitted it, if any).
 */
export function assetUrl(path: string): string {
  const override = (globalThis as Registry)[KEY];
  if (override) return new URL(path, override).href;
  const own = ASSET_FILES[path];
  if (!own) return new URL(path, assetBase()).href;
  const url = absolute(own());
  const twin = path + JSON_TWIN;
  return twin in ASSET_FILES && madeScript(path, url) ? absolute(ASSET_FILES[twin]!()) : url;
}

/**
 * Every JSON file ships with a twin of the same bytes, `<name>.json.txt` (scripts/assets/85-json-twins.mjs):
 * Parcel turns a `new URL('….json', import.meta.url)` into a JavaScript module (`dataset.1a2b3c4d.js`) that
 * no loader can read, while a `.txt` is emitted as it is by every bundler.
 */
const JSON_TWIN = '.txt';

/** Whether the bundler emitted the JSON file `path` as a script (Parcel), so its twin must be read instead. */
export const madeScript = (path: string, url: string): boolean =>
  path.endsWith('.json') && /\.[cm]?js$/i.test(bare(url));

/** A bundler may rewrite an asset to a root-relative path (`/assets/x-1a2b.u8z`): make it absolute. */
function absolute(url: string): string {
  const page = globalThis.location?.href;
  return page ? new URL(url, page).href : url;
}

const bare = (url: string) => url.replace(/[?#].*$/, '');

/**
 * The asset path (`mnist/manifest.json`) of a URL that is one of the library's own files, wherever it is served
 * from (a bundler's hashed name, the CDN, `setAssetBase`'s folder), or undefined. The query and hash are
 * ignored (`…/cnn-mnist.json?v=2` is still the library's file).
 */
export function assetPathOf(url: string): string | undefined {
  const path = bare(url);
  const override = (globalThis as Registry)[KEY];
  if (override) return path.startsWith(override) ? path.slice(override.length) : undefined;
  // The emitted names first: a bundler may put them in the very folder `assetBase()` names (Vite: `/assets/`).
  for (const [name, own] of Object.entries(ASSET_FILES)) {
    if (bare(absolute(own())) === path) return name;
  }
  const base = assetBase();
  return path.startsWith(base) ? path.slice(base.length) : undefined;
}

/**
 * The URL of `file` next to `url`: for one of the library's own files, the sibling as the library ships it
 * (a bundler renames each file, so the manifest's relative names would miss); for any other file (a writer's
 * dataset or weights), plain URL resolution.
 */
export function siblingUrl(file: string, url: string): string {
  const own = /^[a-z][a-z\d+.-]*:/i.test(file) ? undefined : assetPathOf(url);
  if (own !== undefined) {
    const sibling = new URL(file, `file:///${own}`).pathname.slice(1);
    return assetUrl(sibling);
  }
  return new URL(file, url).href;
}

// The recorded sizes and checksums of these files are looked up where they are checked (download.ts), so a
// page that only asks for URLs does not download the table.
export { integrityOf } from './data/download.js';
