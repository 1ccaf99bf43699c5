/**
 * A translated sentence with marked-up pieces: `{0}`, `{1}` … in the text are replaced by lit templates (a
 * number in bold, a highlighted name), so a translation can move them where its grammar puts them.
 */
export function withParts(text: string, ...parts: unknown[]): unknown[] {
  return text.split(/\{(\d)\}/).map((s, i) => (i % 2 ? parts[Number(s)] : s));
}
