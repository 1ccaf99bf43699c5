// A Rollup plugin for the CDN build: the static text of lit's css`` and html`` templates loses what only the
// source needed (indentation, CSS comments, the spaces around CSS punctuation), so every element's styles and
// markup cost fewer bytes. Line breaks are kept, one per line, so every line stays where it was and the
// sourcemaps stay right without a new map (Rollup keeps the existing one when a transform moves no line).
// Only the static parts change, never an interpolation; CSS strings ('…', "…") are left exactly as written.
import ts from 'typescript';

/** Whitespace runs in CSS: a run with line breaks becomes those breaks; one beside punctuation goes. */
export function minifyCss(text) {
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const j = end < 0 ? text.length : end + 2;
      out += '\n'.repeat(text.slice(i, j).split('\n').length - 1);
      i = j;
    } else if (/\s/.test(c)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      const run = text.slice(i, j);
      const breaks = run.split('\n').length - 1;
      const prev = out.replace(/\n+$/, '').slice(-1);
      const next = text[j] ?? '';
      if (breaks) out += '\n'.repeat(breaks);
      else if (!'{};,:>('.includes(prev) && !'{};,>)'.includes(next)) out += ' ';
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  // A line that is now empty but for a break is still a line: keep the count, drop nothing else.
  return out;
}

/** Whitespace runs in HTML that hold a line break become the breaks alone (still whitespace to HTML). */
export const minifyHtml = (text) =>
  text.replace(/[ \t]*\n\s*/g, (run) => '\n'.repeat(run.split('\n').length - 1));

/** The static parts of every css`…` / html`…` template in a TypeScript source, minified. */
export function minifyTemplates(code, fileName = 'x.ts') {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      const minify = tag === 'css' ? minifyCss : tag === 'html' ? minifyHtml : null;
      const t = node.template;
      if (minify) {
        const parts = ts.isNoSubstitutionTemplateLiteral(t)
          ? [t]
          : [t.head, ...t.templateSpans.map((s) => s.literal)];
        for (const p of parts) {
          const start = p.getStart(sf) + 1; // after ` or }
          const open = p.kind === ts.SyntaxKind.TemplateHead || p.kind === ts.SyntaxKind.TemplateMiddle;
          const end = p.end - (open ? 2 : 1); // before ${ or `
          const raw = code.slice(start, end);
          const min = minify(raw);
          if (min !== raw) edits.push([start, end, min]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
    code = code.slice(0, start) + text + code.slice(end);
  return code;
}

/** The Rollup plugin: the library's own TypeScript files that write templates. */
export const minifyTemplatesPlugin = () => ({
  name: 'minify-templates',
  transform(code, id) {
    if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
    const out = minifyTemplates(code, id);
    return out === code ? null : { code: out, map: null };
  },
});
