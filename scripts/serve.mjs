#!/usr/bin/env node
// A small static file server for the demo lesson (what `npm start` serves) and for looking at pages.
// No dependencies, localhost only.
//   node scripts/serve.mjs [--port 8080] [--root .] [--open examples/index.html] [--header "Name: value"]
//                          [--faults]   (also serve /__fault/… URLs: real network faults, see lib/faults.mjs)
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { serveFault } from './lib/faults.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const root = resolve(opt('--root', '.'));
const port = Number(opt('--port', process.env.PORT ?? 8080));
const page = opt('--open', 'examples/index.html');
const headers = {};
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--header') {
    const [k, ...v] = args[i + 1].split(':');
    headers[k.trim()] = v.join(':').trim();
  }
}
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
  '.md': 'text/markdown; charset=utf-8',
};

const faults = args.includes('--faults');

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (faults && (await serveFault(url.pathname, req, res, { root }))) return;
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root + sep) && path !== root) {
    res.writeHead(403).end('forbidden');
    return;
  }
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!existsSync(path)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'access-control-allow-origin': '*',
    'cache-control': 'no-cache',
    ...headers,
  });
  createReadStream(path).pipe(res);
});
// --port 0 takes any free port; the first line printed names the one in use (scripts read it from there).
server.listen(port, '127.0.0.1', () => {
  console.log(`cnn-widgets demo: http://localhost:${server.address().port}/${page}`);
});
