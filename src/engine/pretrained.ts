/**
 * The bundled, pretrained MNIST CNN that `<digit-pad>` uses when it is not connected to a trainer.
 *
 * WHAT SHIPS. `scripts/train-pretrained.mjs` trains the lesson's `CNN` spec on the real MNIST training set
 * (seeded, Adam, a few epochs), measures it on the 10,000 test images, and writes two files that
 * `scripts/assets/40-weights.mjs` copies to `dist/assets/weights/`:
 *   - `cnn-mnist.json`, a manifest: for each weight tensor its layer name (`conv1`…), role (`kernel`/`bias`),
 *     shape (TensorFlow.js layout: conv `[kh, kw, in, out]`, dense `[in, out]`), dtype and byte offset, plus
 *     the byte length of the binary, the test accuracy, the seed and the date;
 *   - `cnn-mnist.bin`, the float32 weights back to back (45,424 × 4 = 181,696 bytes).
 *
 * WHY BY NAME. The model is built here by the engine's one builder (`models/build.ts`) from the same spec,
 * and each manifest tensor is assigned to the model's weight `<layer>/<role>` by name rather than by
 * position: nothing can shift silently. A manifest that names a layer the model lacks, or a shape that
 * differs, is an error, never a guess.
 *
 * WHY THE BYTES ARE CACHED PER PAGE. Several pads on one page need the same 182 KB: the downloaded (and
 * checked) bytes are kept in a promise on `globalThis` keyed by URL, so there is one request per page; every
 * pad builds its own small model from them (models hold tensors, which each pad disposes when removed). A
 * failed download is dropped from the cache, so "Retry" really retries.
 *
 * WHY CHECKSUMS. Weights with a few flipped bytes load without complaint and then predict nonsense (the pad
 * read a third of the digits right). Both files are checked against the size and FNV-1a recorded at build
 * time (data/integrity.ts) for the library's own copy, or against the manifest's own `fnv1a` of the binary
 * for a copy hosted elsewhere; the download itself times out when it stalls (data/download.ts).
 *
 * This module is on the tensor side (it imports the builder, which imports tfjs-core): reach it only with a
 * dynamic `import()`.
 */
import { assetUrl, siblingUrl } from './assets.js';
import {
  AssetLoadError,
  damaged,
  download,
  integrityOf,
  type AssetErrorInit,
  type AssetErrorKind,
} from './data/download.js';
import { DOWNLOAD_MESSAGES } from './data/download.messages.js';
import { PRETRAINED_MESSAGES } from './pretrained.messages.js';
import { message, messagesOf, type Message } from './messages.js';
import { readBack, type BackendName, type Tf } from './backend.js';
import { buildModel, type SpecModel } from './models/build.js';
import { dispose, getBackend, softmax, tensor, tensor4d, tidy, type Tensor } from './tf-ops.js';
import { CNN } from './models/specs.js';

/** One tensor in the weights manifest. */
export interface WeightEntry {
  layer: string;
  role: 'kernel' | 'bias';
  shape: number[];
  dtype: 'float32';
  /** Byte offset in the binary. */
  offset: number;
  /** Number of values. */
  length: number;
}

/** The manifest `scripts/train-pretrained.mjs` writes. */
export interface WeightsManifest {
  format: 1;
  model: 'cnn';
  file: string;
  byteLength: number;
  params: number;
  dtype: 'float32';
  tensors: WeightEntry[];
  testAccuracy: number;
  testSize: number;
  date: string;
  /** FNV-1a of the binary (added by scripts/assets/40-weights.mjs); checked when present. */
  fnv1a?: string;
  training?: Record<string, unknown>;
}

const say = messagesOf(PRETRAINED_MESSAGES);

/** Why the pretrained weights could not be loaded; `retryable` when trying again may help. */
export class PretrainedLoadError extends AssetLoadError {
  override name = 'PretrainedLoadError';
  constructor(
    message: string,
    retryable: boolean,
    url?: string,
    kind: AssetErrorKind = 'format',
    detail?: Message,
  ) {
    super(message, {
      kind,
      retryable,
      ...(url !== undefined ? { url } : {}),
      ...(detail !== undefined ? { detail } : {}),
    });
  }
}

/** Default manifest URL: `weights/cnn-mnist.json` beside the library's other assets. */
export const defaultWeightsUrl = (): string => assetUrl('weights/cnn-mnist.json');

const CACHE = Symbol.for('cnn-widgets.pretrainedWeights');
type Cache = Map<string, Promise<{ manifest: WeightsManifest; bytes: ArrayBuffer }>>;
const cache = (): Cache => {
  const g = globalThis as { [CACHE]?: Cache };
  return (g[CACHE] ??= new Map());
};

const LABEL_MESSAGE = message(DOWNLOAD_MESSAGES, 'download.label.pretrained');
const pretrainedError = (m: string, init: AssetErrorInit) =>
  new PretrainedLoadError(m, init.retryable, init.url, init.kind, init.detail);

/** A `PretrainedLoadError` that says `detail` (its English as the message, its key for the reader's language). */
const failure = (detail: Message, retryable: boolean, url?: string, kind?: AssetErrorKind) =>
  new PretrainedLoadError(detail.text, retryable, url, kind, detail);

/** Downloads one of the two files (inactivity timeout, classified errors, size and checksum checks). */
const get = (url: string, expected: { bytes?: number; fnv1a?: string } | undefined) =>
  download(url, {
    label: LABEL_MESSAGE,
    attribute: 'weights-src',
    error: pretrainedError,
    ...(expected ? { expected } : {}),
  });

/**
 * Parses the manifest. A web page instead of JSON (a wrong `weights-src`) is a real format problem; JSON that
 * does not parse is most likely a download damaged on the way: retryable.
 */
function parseManifest(bytes: Uint8Array, url: string): unknown {
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    if (/^\s*</.test(text)) throw failure(say('pretrained.webPage', { url }), false, url);
    const detail = damaged(say('pretrained.cannotLoad'), url, say('pretrained.damaged.json'));
    throw failure(detail, true, url, 'corrupt');
  }
}

/** Checks that a manifest describes the lesson's CNN and fits in the binary; returns why not (in English), or null. */
export function checkManifest(m: unknown): string | null {
  return manifestProblem(m)?.text ?? null;
}

/** Why a manifest does not describe the lesson's CNN or does not fit in the binary, as a message; or null. */
export function manifestProblem(m: unknown): Message | null {
  const man = m as Partial<WeightsManifest> | null;
  if (!man || typeof man !== 'object') return say('pretrained.why.notObject');
  if (man.format !== 1) return say('pretrained.why.format', { got: String(man.format) });
  if (man.model !== 'cnn') return say('pretrained.why.model', { got: String(man.model), model: 'cnn' });
  if (!Array.isArray(man.tensors) || !man.tensors.length) return say('pretrained.why.noTensors');
  if (typeof man.byteLength !== 'number' || typeof man.file !== 'string') return say('pretrained.why.noFile');
  for (const t of man.tensors) {
    const n = Array.isArray(t.shape) ? t.shape.reduce((a, b) => a * b, 1) : NaN;
    if (
      t.dtype !== 'float32' ||
      n !== t.length ||
      t.offset % 4 !== 0 ||
      t.offset + 4 * t.length > man.byteLength
    ) {
      return say('pretrained.why.tensor', { tensor: `${String(t.layer)}.${String(t.role)}` });
    }
  }
  return null;
}

/** Downloads and checks the manifest and the binary (once per page and URL). */
export function fetchPretrained(
  url = defaultWeightsUrl(),
  signal?: AbortSignal,
): Promise<{ manifest: WeightsManifest; bytes: ArrayBuffer }> {
  const c = cache();
  let p = c.get(url);
  if (!p) {
    p = (async () => {
      const manifest = parseManifest(await get(url, integrityOf(url)), url) as WeightsManifest;
      const bad = manifestProblem(manifest);
      if (bad) throw failure(say('pretrained.unusable', { why: bad }), false, url);
      const binUrl = siblingUrl(manifest.file, url);
      const own = integrityOf(binUrl);
      const sum = own?.fnv1a ?? (typeof manifest.fnv1a === 'string' ? manifest.fnv1a : undefined);
      const bin = await get(binUrl, { bytes: manifest.byteLength, ...(sum ? { fnv1a: sum } : {}) });
      return { manifest, bytes: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) };
    })();
    c.set(url, p);
    p.catch(() => {
      if (c.get(url) === p) c.delete(url);
    });
  }
  if (!signal) return p;
  // Abort only this caller's wait; the shared download goes on for the others.
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Builds the lesson's CNN and loads the pretrained weights into it. The caller owns the model (dispose it).
 * Throws `PretrainedLoadError` with a readable message when the files are missing, truncated or do not match.
 * (`tf` is unused — ops are imported by name — and kept so callers show they awaited `getTf()`.)
 */
export async function loadPretrainedCnn(
  tf: Tf | null,
  opts: { url?: string; signal?: AbortSignal } = {},
): Promise<{ model: SpecModel; manifest: WeightsManifest }> {
  void tf;
  const { manifest, bytes } = await fetchPretrained(opts.url ?? defaultWeightsUrl(), opts.signal);
  const model = buildModel(null, CNN, { seed: 0 });
  try {
    const byName = new Map(manifest.tensors.map((t) => [`${t.layer}/${t.role}`, t]));
    for (const w of model.weights) {
      const e = byName.get(w.name);
      if (!e) {
        throw failure(say('pretrained.noLayer', { layer: w.layer }), false);
      }
      const want = w.variable.shape;
      if (want.length !== e.shape.length || want.some((d, k) => d !== e.shape[k])) {
        throw failure(
          say('pretrained.shape', {
            tensor: `${e.layer}.${e.role}`,
            got: `[${e.shape.join(', ')}]`,
            want: `[${want.join(', ')}]`,
          }),
          false,
        );
      }
      const value = tensor(new Float32Array(bytes, e.offset, e.length), e.shape, 'float32');
      w.variable.assign(value); // copies into the variable
      value.dispose();
    }
    if (model.weights.length !== manifest.tensors.length) {
      throw failure(say('pretrained.extraLayers'), false);
    }
    return { model, manifest };
  } catch (e) {
    model.dispose();
    throw e;
  }
}

/** One layer's output for one input: `shape` without the batch axis (`[H, W, C]` or `[N]`), as the trainer's session gives it. */
export interface Activation {
  shape: number[];
  data: Float32Array;
}

/**
 * A "probe" on a model: one forward pass that returns the outputs of the named layers and the softmax of the
 * last layer. It holds no tensors of its own, so disposing `model` frees everything. Each run's tensors are
 * read asynchronously (no GPU stall on the main thread) and disposed before it returns.
 */
export function layerProbe(tf: Tf | null, model: SpecModel, names: string[]) {
  void tf;
  for (const n of names) model.getLayer(n); // unknown names fail now, not on the first run
  const [h, w, c] = model.inputShape as [number, number, number];
  return {
    /** Activations of `names` and the probabilities for 784 (or H·W·C) pixels in 0..1. */
    async run(
      pixels: Float32Array,
    ): Promise<{ probabilities: Float32Array; activations: Record<string, Activation> }> {
      const outs = tidy(() => {
        const { output, activations } = model.forward(tensor4d(pixels, [1, h, w, c]), { outputs: names });
        return [...names.map((n) => activations[n]!), softmax(output)] as Tensor[];
      });
      try {
        // Guarded like the trainer's reads (backend.ts): a GPU lost meanwhile fails the run instead of hanging it.
        const backend = getBackend() as BackendName;
        const datas = (await readBack(backend, () =>
          Promise.all(outs.map((t) => t.data())),
        )) as Float32Array[];
        const activations: Record<string, Activation> = {};
        names.forEach((n, i) => (activations[n] = { shape: outs[i]!.shape.slice(1), data: datas[i]! }));
        return { probabilities: datas[datas.length - 1]!, activations };
      } finally {
        dispose(outs);
      }
    },
  };
}
