// scripts/lib/minify-templates.mjs: the CDN build's minifier of lit's css`` and html`` templates. It may only
// drop what the browser ignores, must keep every line where it was (the sourcemaps rely on it), and must never
// touch an interpolation, a CSS string or code outside a template.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyHtml, minifyTemplates } from '../../scripts/lib/minify-templates.mjs';

const lines = (s) => s.split('\n').length;

test('CSS: indentation, comments and the spaces around punctuation go; line breaks stay', () => {
  const src = `
  /* a comment
     over two lines */
  :host {
    color: var(--x, red);
  }
  .a > .b,
  .c .d:hover {
    margin: 0 calc(100% - 2px) !important;
  }`;
  const out = minifyCss(src);
  assert.equal(lines(out), lines(src));
  assert.equal(
    out,
    '\n\n\n:host{\ncolor:var(--x,red);\n}\n.a>.b,\n.c .d:hover{\nmargin:0 calc(100% - 2px) !important;\n}',
  );
});

test('CSS: strings are kept exactly, spaces and comment-like text included', () => {
  const src = `.q::before { content: ' , /* not a comment */ : '; font-family: "A  B", serif; }`;
  assert.equal(minifyCss(src), `.q::before{content:' , /* not a comment */ : ';font-family:"A  B",serif;}`);
});

test('HTML: a whitespace run with line breaks becomes the breaks; other spaces stay', () => {
  const src = `<p class="a">\n      <span>one</span> <b>two</b>\n    </p>`;
  const out = minifyHtml(src);
  assert.equal(out, `<p class="a">\n<span>one</span> <b>two</b>\n</p>`);
  assert.equal(lines(out), lines(src));
});

test('only the static parts of css`` and html`` templates change, never code or interpolations', () => {
  const src = [
    'const s = css`',
    '  .a {',
    '    width: ${w}px;',
    '  }`;',
    'const t = html`<div>',
    '    ${cond ? html`<i>  x  </i>` : `keep   this`}',
    '  </div>`;',
    'const other = `not a    template`;',
    'const code = { a:   1 };',
  ].join('\n');
  const out = minifyTemplates(src);
  assert.equal(lines(out), lines(src));
  assert.match(out, /css`\n\.a\{\nwidth:\$\{w\}px;\n\}`/);
  assert.match(out, /html`<div>\n\$\{cond \? html`<i> {2}x {2}<\/i>` : `keep {3}this`\}\n<\/div>`/);
  assert.match(out, /const other = `not a {4}template`;/);
  assert.match(out, /const code = \{ a: {3}1 \};/);
});
