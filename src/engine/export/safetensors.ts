/**
 * The trained network's weights in the **safetensors** format, with PyTorch's names and layouts — and back.
 *
 * THE FORMAT (huggingface/safetensors): an 8-byte little-endian unsigned header length N, N bytes of JSON
 * (`{ "<name>": { "dtype": "F32", "shape": [...], "data_offsets": [begin, end] }, "__metadata__": {...} }`,
 * padded with spaces to a multiple of 8), then the raw little-endian tensor bytes; offsets count from the end
 * of the header. Simple enough to write here and to read in the exported script without the package.
 *
 * NAMES AND LAYOUTS. The engine names a parameter `<layer>/kernel` | `<layer>/bias` and stores it the
 * TensorFlow way; PyTorch's state dict calls it `<layer>.weight` | `<layer>.bias`:
 *
 *   - conv kernel: TF `[kH, kW, in, out]` (HWIO) ↔ PyTorch `[out, in, kH, kW]` (OIHW);
 *   - dense kernel: TF `[in, out]` ↔ PyTorch `[out, in]`;
 *   - THE FLATTEN ORDER. TF.js computes channels last, so Flatten orders an image's features (h, w, c); PyTorch
 *     flattens channels first, (c, h, w). The first Linear after a Flatten of a `C×H×W` image therefore sees
 *     its inputs in another order: engine input `(h·W + w)·C + c` is PyTorch input `c·H·W + h·W + w`. Its
 *     weight's columns are permuted on the way out and back, so the two networks compute the same function.
 *
 * LIGHT: no TensorFlow.js (bytes and arrays only), so an element can export without the tensor side.
 */
import { walkModel, type ModelSpec } from '../conv-math.js';
import type { NamedWeights } from '../training/protocol.js';
import { MessageError, messagesOf, type Message } from '../messages.js';
import { FILES_MESSAGES } from './files.messages.js';

/** One tensor as stored: a name, a shape and float32 values. */
export interface StoredTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** One parameter of a network in both worlds. */
export interface WeightMapping {
  /** Engine name, `conv1/kernel`. */
  engineName: string;
  /** PyTorch state-dict name, `conv1.weight`. */
  torchName: string;
  engineShape: number[];
  torchShape: number[];
  kind: 'conv-kernel' | 'dense-kernel' | 'bias';
  /** For the first dense kernel after a Flatten of an image: that image's `[C, H, W]`. */
  flattenedFrom?: [number, number, number];
}

/** A safetensors file that is damaged, or does not fit the network: the message says which and how. */
export class SafetensorsError extends Error {
  override name = 'SafetensorsError';
  /** The message as data (key and values), for the reader's language (see ../messages.ts). */
  readonly detail: Message;
  constructor(detail: Message) {
    super(detail.text);
    this.detail = detail;
  }
}

const say = messagesOf(FILES_MESSAGES);

/**
 * Every parameter of `spec` (at `inputShape`), in order, with its engine and PyTorch names and shapes. Throws
 * an Error for a spec whose walk fails.
 */
export function weightMappings(spec: ModelSpec, inputShape: number[] = spec.inputShape): WeightMapping[] {
  const walk = walkModel(spec, inputShape);
  if (!walk.ok) throw new Error(walk.error);
  const out: WeightMapping[] = [];
  let flattened: [number, number, number] | null = null;
  spec.layers.forEach((l, i) => {
    const row = walk.layers[i]!;
    const name = row.name;
    if (l.type === 'flatten' && row.inputShape.length === 3) {
      flattened = row.inputShape as [number, number, number];
    }
    const bias = (n: number) =>
      out.push({
        engineName: `${name}/bias`,
        torchName: `${name}.bias`,
        engineShape: [n],
        torchShape: [n],
        kind: 'bias',
      });
    if (l.type === 'conv2d') {
      const [cout, cin] = [row.outputShape[0]!, row.inputShape[0]!];
      const [kh, kw] = Array.isArray(l.kernelSize) ? l.kernelSize : [l.kernelSize, l.kernelSize];
      out.push({
        engineName: `${name}/kernel`,
        torchName: `${name}.weight`,
        engineShape: [kh, kw, cin, cout],
        torchShape: [cout, cin, kh, kw],
        kind: 'conv-kernel',
      });
      if (l.bias ?? true) bias(cout);
    } else if (l.type === 'dense') {
      const [n, units] = [row.inputShape[0]!, l.units];
      out.push({
        engineName: `${name}/kernel`,
        torchName: `${name}.weight`,
        engineShape: [n, units],
        torchShape: [units, n],
        kind: 'dense-kernel',
        ...(flattened ? { flattenedFrom: flattened } : {}),
      });
      flattened = null; // only the first Linear after the Flatten sees the image's order
      if (l.bias ?? true) bias(units);
    }
  });
  return out;
}

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Moves one parameter between the engine's layout and PyTorch's (`toTorch`; else back): one index pair per value,
 * written once, so the two directions cannot drift apart. Conv kernels are HWIO ↔ OIHW; dense weights are
 * `[in, out]` ↔ `[out, in]`, with the inputs of a Linear after Flatten permuted from TF's h,w,c to PyTorch's c,h,w.
 */
function relayout(m: WeightMapping, d: Float32Array, toTorch: boolean): Float32Array {
  const out = new Float32Array(d.length);
  if (m.kind === 'bias') {
    out.set(d);
    return out;
  }
  const move = toTorch
    ? (engine: number, torch: number) => (out[torch] = d[engine]!)
    : (engine: number, torch: number) => (out[engine] = d[torch]!);
  if (m.kind === 'conv-kernel') {
    const [kh, kw, cin, cout] = m.engineShape as [number, number, number, number];
    for (let y = 0; y < kh; y++)
      for (let x = 0; x < kw; x++)
        for (let i = 0; i < cin; i++)
          for (let o = 0; o < cout; o++)
            move(((y * kw + x) * cin + i) * cout + o, ((o * cin + i) * kh + y) * kw + x);
  } else {
    const [n, units] = m.engineShape as [number, number];
    const perm = flattenPermutation(m.flattenedFrom, n);
    for (let e = 0; e < n; e++) for (let o = 0; o < units; o++) move(e * units + o, o * n + perm[e]!);
  }
  return out;
}

/** Engine layout → PyTorch layout of one parameter. */
const toTorchLayout = (m: WeightMapping, d: Float32Array) => relayout(m, d, true);
/** PyTorch layout → engine layout (the inverse of {@link toTorchLayout}). */
const toEngineLayout = (m: WeightMapping, d: Float32Array) => relayout(m, d, false);

/** For each engine (h, w, c) feature index, its PyTorch (c, h, w) index; identity when not after a Flatten. */
function flattenPermutation(from: [number, number, number] | undefined, n: number): Uint32Array {
  const perm = new Uint32Array(n);
  if (!from) {
    for (let i = 0; i < n; i++) perm[i] = i;
    return perm;
  }
  const [c, h, w] = from;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) perm[(y * w + x) * c + k] = k * h * w + y * w + x;
  return perm;
}

// ---------------------------------------------------------------------------------------------------------
// The file format
// ---------------------------------------------------------------------------------------------------------

/** Writes tensors as a safetensors file (float32, little-endian), in the given order. */
export function encodeSafetensors(
  tensors: StoredTensor[],
  metadata: Record<string, string> = {},
): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: { format: 'pt', ...metadata } };
  let offset = 0;
  for (const t of tensors) {
    const bytes = t.data.length * 4;
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const p = new Uint8Array(padded).fill(0x20); // spaces, as the reference writer pads
    p.set(json);
    json = p;
  }
  const out = new Uint8Array(8 + json.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const t of tensors) {
    for (let i = 0; i < t.data.length; i++, at += 4) view.setFloat32(at, t.data[i]!, true);
  }
  return out;
}

/** The largest header we read (the reference implementation refuses over 100 MB). */
const MAX_HEADER = 100_000_000;

/** Reads a safetensors file: its float32 tensors and metadata. Throws a SafetensorsError saying what is wrong. */
export function decodeSafetensors(input: ArrayBuffer | Uint8Array): {
  tensors: StoredTensor[];
  metadata: Record<string, string>;
} {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (why: Message) => new SafetensorsError(say('st.notFile', { why }));
  if (bytes.length < 8) throw bad(say('st.whyShort', { bytes: bytes.length }));
  const n = Number(view.getBigUint64(0, true));
  if (n < 2 || n > MAX_HEADER || 8 + n > bytes.length)
    throw bad(say('st.whyHeaderLength', { n, bytes: bytes.length }));
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch {
    throw bad(say('st.whyHeaderJson'));
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw bad(say('st.whyHeaderObject'));
  const base = 8 + n;
  const dataLength = bytes.length - base;
  const tensors: StoredTensor[] = [];
  let metadata: Record<string, string> = {};
  for (const [name, info] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      metadata = (info ?? {}) as Record<string, string>;
      continue;
    }
    const i = info as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (typeof i !== 'object' || i === null) throw bad(say('st.whyEntry', { name }));
    if (i.dtype !== 'F32') {
      throw new SafetensorsError(say('st.dtype', { name, dtype: String(i.dtype) }));
    }
    const shape = i.shape;
    const off = i.data_offsets;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
      throw bad(say('st.whyShape', { name }));
    if (!Array.isArray(off) || off.length !== 2 || !off.every((d) => Number.isInteger(d) && d >= 0)) {
      throw bad(say('st.whyOffsets', { name }));
    }
    const [begin, end] = off as [number, number];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (end < begin || end > dataLength || end - begin !== count * 4) {
      throw bad(
        say('st.whyFit', { name, shape: (shape as number[]).join('×'), begin, end, length: dataLength }),
      );
    }
    const data = new Float32Array(count);
    for (let k = 0; k < count; k++) data[k] = view.getFloat32(base + begin + 4 * k, true);
    tensors.push({ name, shape: shape as number[], data });
  }
  return { tensors, metadata };
}

// ---------------------------------------------------------------------------------------------------------
// The network's weights
// ---------------------------------------------------------------------------------------------------------

/**
 * The engine's weights (`TrainingSession.weights()`, `{ name: 'conv1/kernel', shape, data }[]`) as a
 * safetensors file with PyTorch's names and layouts, loadable by `safetensors.torch.load_file` and by the
 * script from `toPyTorch`. Throws an Error if the weights do not belong to `spec` (a missing or misshapen one).
 */
export function exportSafetensors(
  weights: NamedWeights,
  spec: ModelSpec,
  options: { inputShape?: number[]; metadata?: Record<string, string> } = {},
): Uint8Array {
  const byName = new Map(weights.map((w) => [w.name, w]));
  const tensors = weightMappings(spec, options.inputShape).map((m) => {
    const w = byName.get(m.engineName);
    if (!w) throw new MessageError(say('st.exportMissing', { name: m.engineName, network: spec.name }));
    if (!sameShape(w.shape, m.engineShape) || w.data.length !== m.engineShape.reduce((a, b) => a * b, 1)) {
      throw new MessageError(
        say('st.exportShape', { name: m.engineName, got: w.shape.join('×'), want: m.engineShape.join('×') }),
      );
    }
    return { name: m.torchName, shape: m.torchShape, data: toTorchLayout(m, w.data) };
  });
  return encodeSafetensors(tensors, { network: spec.name, ...options.metadata });
}

/**
 * A safetensors file (PyTorch names and layouts, e.g. from the exported script's `--save`, or
 * `safetensors.torch.save_file(model.state_dict(), …)`) as the engine's named weights for `spec`, checked
 * against the network: every parameter present, no stranger, every shape right, float32. Throws a
 * SafetensorsError that names what does not fit.
 */
export function importSafetensors(
  bytes: ArrayBuffer | Uint8Array,
  spec: ModelSpec,
  options: { inputShape?: number[] } = {},
): NamedWeights {
  const { tensors } = decodeSafetensors(bytes);
  const mappings = weightMappings(spec, options.inputShape);
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const expected = new Set(mappings.map((m) => m.torchName));
  const strangers = tensors.map((t) => t.name).filter((n) => !expected.has(n));
  const missing = mappings.map((m) => m.torchName).filter((n) => !byName.has(n));
  if (missing.length || strangers.length) {
    const lacks = missing.join(', ');
    const has = strangers.join(', ');
    throw new SafetensorsError(
      missing.length && strangers.length
        ? say('st.lacksAndStrangers', { missing: lacks, strangers: has })
        : missing.length
          ? say('st.lacks', { missing: lacks })
          : say('st.strangers', { strangers: has }),
    );
  }
  return mappings.map((m) => {
    const t = byName.get(m.torchName)!;
    if (!sameShape(t.shape, m.torchShape)) {
      throw new SafetensorsError(
        say('st.fileShape', { name: m.torchName, got: t.shape.join('×'), want: m.torchShape.join('×') }),
      );
    }
    return { name: m.engineName, shape: m.engineShape.slice(), data: toEngineLayout(m, t.data) };
  });
}
