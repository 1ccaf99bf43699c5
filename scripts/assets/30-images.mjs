// Copies the committed sample photos (assets-src/images/, licences in its README.md) next to the library,
// where `<feature-map>` finds its default image with assetUrl('images/chelsea-320.png').
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const src = resolve('assets-src/images');
const files = () => readdirSync(src).filter((f) => /\.(png|jpe?g|webp)$/i.test(f));
export const isBuilt = (out) =>
  files().every((f) => {
    const dst = join(out, 'images', f);
    return existsSync(dst) && statSync(dst).size === statSync(join(src, f)).size;
  });
export function build(out) {
  mkdirSync(join(out, 'images'), { recursive: true });
  for (const f of files()) copyFileSync(join(src, f), join(out, 'images', f));
}
