/**
 * The one result shape of `<feature-map>`'s two modes. Photo mode (src → filters → maps) and trainer mode
 * (`for` + `layer`: a trained network's activations) are two controllers; the element reads either through
 * `MapsSource` and renders, draws and announces a `MapsResult` the same way whichever produced it.
 */
import type { ChannelKernels, FeatureMaps, Range } from '../../engine/feature-maps.js';
import type { ResolvedLayer } from '../../engine/filters.js';
import { valueRange } from '../shared/colour-scale.js';
import { isMessage, type Message } from '../../engine/messages.js';

/**
 * Where the element is: `idle`, `loading` (image, test digits or TensorFlow.js), `computing`, `ready`, `waiting`
 * (for a trainer to appear or start) or `error`.
 */
export type FeatureMapState = 'idle' | 'loading' | 'computing' | 'ready' | 'waiting' | 'error';

/** The picture the maps were computed from: the photo (3 channels) or the test digit (1 channel), 0–1. */
export interface MapsInput {
  pixels: Float32Array;
  width: number;
  height: number;
  channels: 1 | 3;
}

/** What either mode computes: the maps shown and everything the view needs to draw and label them. */
export interface MapsResult {
  /** Where the maps came from: a photo through the element's own filters, or a trainer's layer. */
  source: 'image' | 'trainer';
  /** The maps shown (after activation and pooling). */
  maps: FeatureMaps;
  /** The last layer's maps before activation and pooling (photo mode with `compare`), else `null`. */
  before: FeatureMaps | null;
  /** One name per map: the filter's (photo mode); none in trainer mode, whose maps the view calls `channel n`. */
  names: string[];
  /** Each map's value range, and each before-map's. */
  ranges: Range[];
  beforeRanges: Range[];
  /** Photo mode: the resolved chain (shapes and weights); trainer mode: `null`. */
  layers: ResolvedLayer[] | null;
  input: MapsInput;
  /**
   * Trainer mode on colour data, showing the first conv layer: that layer's kernels per input channel (R, G, B),
   * from the trainer's weights; else absent.
   */
  kernels?: ChannelKernels | null;
  /** Each filter's value range over all its channels (one scale for its R, G and B slices). */
  kernelRanges?: Range[];
}

/** Builds a result, measuring every map's value range once (the view shows and scales by them). */
export function mapsResult(parts: Omit<MapsResult, 'ranges' | 'beforeRanges' | 'kernelRanges'>): MapsResult {
  return {
    ...parts,
    ...(parts.kernels
      ? {
          kernelRanges: parts.kernels.data.map((slices) =>
            slices.reduce((r, d) => {
              const v = valueRange(d);
              return { min: Math.min(r.min, v.min), max: Math.max(r.max, v.max) };
            }, valueRange(slices[0]!)),
          ),
        }
      : {}),
    ranges: parts.maps.data.map((d) => valueRange(d)),
    beforeRanges: parts.before ? parts.before.data.map((d) => valueRange(d)) : [],
  };
}

/** A failure shown to the reader: the message, and whether pressing Retry may help (a download failed). */
export class MapsFailure extends Error {
  /** The message, to say in the reader's language (a text is shown as it is). */
  readonly detail: Message | string;
  constructor(
    message: Message | string,
    readonly retryable = false,
  ) {
    super(typeof message === 'string' ? message : message.text);
    this.detail = message;
  }
}

/**
 * The reader's message for a caught exception (`detail`: its message to translate, when it carries one: a
 * `MapsFailure`, an `AssetLoadError`, a `MessageError`), and whether it says that a second try may work.
 */
export function failureOf(e: unknown): { message: string; detail: Message | string; retryable: boolean } {
  const message = e instanceof Error ? e.message : String(e);
  const d = (e as { detail?: unknown } | null)?.detail;
  const detail = typeof d === 'string' || isMessage(d) ? d : message;
  return { message, detail, retryable: (e as { retryable?: unknown } | null)?.retryable === true };
}

/** What the element reads of either mode's controller. */
export interface MapsSource {
  readonly state: FeatureMapState;
  /** The maps last computed; kept while a newer run is pending, `null` on error or when there is nothing. */
  readonly result: MapsResult | null;
  /** The failure's message while `state` is `error`, else `null`. */
  readonly error: Message | string | null;
  /** The failure was a download that may work on a second try: show Retry. */
  readonly retryable: boolean;
  /** A remark shown beside the shapes (a downscaled photo, what is being waited for), or `''`. */
  readonly note: Message | string;
  /** Forgets what failed to download and computes again. */
  retry(): void;
}
