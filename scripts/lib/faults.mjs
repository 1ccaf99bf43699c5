// Real network faults for tests: `/__fault/<kind>,<times>,<file>,<id>/<path>` serves the real file at <path>
// (relative to the served root), damaged in one way, for the first <times> requests (`inf`: always) of the file
// named <file> (`*`: any) under that <id> (a fresh id per test, so counts never leak between tests). Later
// requests get the intact file, so a Retry can be tested. Relative URLs inside a served manifest stay under the
// same prefix, so a shard or a weights binary beside it goes through the fault too.
//   kinds: truncate (half the bytes, a complete response), flip (256 bytes inverted mid-file, same length),
//          stall (headers and 64 bytes, then silence), reset (half the bytes, then the connection is cut),
//          html (a web page instead of the file), slow (the intact file, a second late), or an HTTP status (404,
//          500, 503…).
// Used by the browser tests' server (web-test-runner.config.mjs) and the page server (scripts/serve.mjs --faults).
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve, sep } from 'node:path';

const TYPES = { json: 'application/json', png: 'image/png', wasm: 'application/wasm' };
const PATTERN = /^\/__fault\/([a-z0-9]+),(\d+|inf),([^,/]+),([^,/]+)\/(.+)$/;

/** Requests seen per `<id>|<file>`. */
const served = new Map();

/**
 * Answers `req` on `res` when `pathname` is a fault URL; resolves false (touching nothing) otherwise.
 * `mapPath` turns the URL's file path into one under `root` (the test server serves src/assets from dist/assets).
 */
export async function serveFault(pathname, req, res, { root = process.cwd(), mapPath = (p) => p } = {}) {
  const m = PATTERN.exec(pathname);
  if (!m) return false;
  const [, kind, times, name, id, rest] = m;
  const file = resolve(root, mapPath(decodeURIComponent(rest)));
  if (!file.startsWith(resolve(root) + sep)) return end(res, 403, 'forbidden');
  let bytes;
  try {
    bytes = await readFile(file);
  } catch {
    return end(res, 404, 'not found');
  }
  const key = `${id}|${basename(file)}`;
  const count = served.get(key) ?? 0;
  served.set(key, count + 1);
  const hit = (name === '*' || name === basename(file)) && (times === 'inf' || count < Number(times));
  const head = {
    'content-type': TYPES[extname(file).slice(1)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  };
  if (!hit) return end(res, 200, bytes, head);
  switch (kind) {
    case 'truncate':
      return end(res, 200, bytes.subarray(0, bytes.length >> 1), head);
    case 'flip': {
      const out = Buffer.from(bytes);
      for (let i = 0, at = out.length >> 1; i < 256 && at + i < out.length; i++) out[at + i] ^= 0xff;
      return end(res, 200, out, head);
    }
    case 'stall':
    case 'reset':
      res.writeHead(200, head); // no length: the body just stops (stall) or the connection goes (reset)
      res.write(bytes.subarray(0, kind === 'stall' ? 64 : bytes.length >> 1));
      if (kind === 'reset') setTimeout(() => req.socket.destroy(), 50);
      return true;
    case 'slow':
      await new Promise((r) => setTimeout(r, 1000));
      return end(res, 200, bytes, head);
    case 'html':
      return end(res, 200, '<!doctype html><title>Not found</title><p>Try the home page.</p>', {
        ...head,
        'content-type': 'text/html',
      });
    default:
      return end(res, Number(kind) || 500, `fault ${kind}`, { 'access-control-allow-origin': '*' });
  }
}

function end(res, status, body, headers = {}) {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
  return true;
}
