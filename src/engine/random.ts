/**
 * A small seeded pseudo-random generator (no TensorFlow.js: light, usable anywhere).
 *
 * WHY OUR OWN. "Same seed → same run" is a promise of the `seed` attribute. TensorFlow.js' random ops take a
 * seed, but everything *around* them (the order of training examples each epoch, the seeds handed to each
 * layer's initialiser) must be seeded too, and `Math.random()` cannot be. `mulberry32` is tiny, fast, has a
 * full 2^32 period and — unlike floating-point based generators — gives bit-identical sequences in every
 * JavaScript engine, in a Worker and on the main thread alike.
 */

/** Returns a generator of floats in [0, 1) for a 32-bit integer seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives an independent sub-seed from a seed and a label (e.g. `deriveSeed(1234, 'conv1.kernel')`), so that
 * adding a layer or changing the batch order never shifts the random numbers of an unrelated part.
 * FNV-1a over the label, mixed with the seed by a murmur3 finaliser.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fisher–Yates shuffle of `0..n-1` (or of `into`, in place) driven by `random`. */
export function shuffledIndices(n: number, random: () => number, into?: Uint32Array): Uint32Array {
  const out = into ?? new Uint32Array(n);
  if (!into) for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
