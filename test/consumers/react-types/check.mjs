#!/usr/bin/env node
// Consumer check (run by scripts/test-consumers.mjs in a copy of this folder with its dependencies and the
// packed cnn-widgets installed): the React 19 typings from `cnn-widgets/react` type-check a .tsx that uses
// every tag (tsconfig "types": ["cnn-widgets/react"]), and reject each wrong use in src/wrong.tsx.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Runs tsc on a project; returns its exit status and output. */
function typecheck(project) {
  try {
    return { status: 0, out: execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' }) };
  } catch (e) {
    return { status: e.status ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

function fail(message) {
  console.error(`react-types: ${message}`);
  process.exit(1);
}

const good = typecheck('tsconfig.json');
if (good.status !== 0) fail(`src/app.tsx should type-check with cnn-widgets/react:\n${good.out}`);

// Every line of src/wrong.tsx that has a JSX tag must have an error of its own.
const wrongLines = readFileSync('src/wrong.tsx', 'utf8')
  .split('\n')
  .map((text, i) => ({ text, line: i + 1 }))
  .filter(({ text }) => /^\s*<[a-z]+-[a-z-]+ /.test(text));
const bad = typecheck('tsconfig.wrong.json');
if (bad.status === 0) fail('src/wrong.tsx type-checked, but each of its tags has a wrong type');
const errorLines = new Set(
  [...bad.out.matchAll(/src\/wrong\.tsx\((\d+),\d+\): error/g)].map((m) => Number(m[1])),
);
const missed = wrongLines.filter(({ line }) => !errorLines.has(line));
if (missed.length)
  fail(`no type error for:\n${missed.map((m) => `  ${m.line}: ${m.text.trim()}`).join('\n')}\n${bad.out}`);
console.log(`react-types: app.tsx type-checks; all ${wrongLines.length} wrong uses are errors`);
