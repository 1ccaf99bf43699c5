import { initialState } from '../shared/task.js';
import { assetUrl } from '../../engine/assets.js';
import { computeMaps, type TensorSide } from '../../engine/feature-maps.js';
import type { ImagePixels } from './image-pixels.js';
import { lazy } from '../shared/lazy.js';
import { MapsController, type MapsHost } from './maps-controller.js';
import { message, type Message } from '../../engine/messages.js';
import { FM_EN } from './feature-map.strings.js';
import { MapsFailure, failureOf, mapsResult, type FeatureMapState, type MapsResult } from './maps-result.js';

/** The longest side a photo is computed at; bigger images are downscaled (with a note) so the tab never freezes. */
export const MAX_IMAGE_SIDE = 512;

/**
 * Photo mode's checks and downloads (photo-pipeline.ts: the filter chain, the photo's checked download and
 * decoding), loaded when photo mode first runs: a page whose maps come from a trainer never downloads them.
 */
export const photoPipeline = lazy('the photo pipeline', () => import('./photo-pipeline.js'));
type PhotoPipeline = NonNullable<typeof photoPipeline.module>;

/** The element's attributes that photo mode reads. */
export interface PhotoSettings {
  src: string;
  filters: string;
  kernel: string | unknown[] | null;
  kernelSize: number;
  padding: number;
  stride: number;
  activation: string;
  pool: number;
  seed: number;
  compare: boolean;
  layers: string | unknown[] | null;
}
const SETTINGS = [
  'src',
  'filters',
  'kernel',
  'kernelSize',
  'padding',
  'stride',
  'activation',
  'pool',
  'seed',
  'compare',
  'layers',
] as const satisfies readonly (keyof PhotoSettings)[];

type PhotoHost = MapsHost & PhotoSettings;

export interface PhotoMapsOptions {
  /** Photo mode is on (no `for`). */
  active: () => boolean;
  /** A property set to a value of the wrong type, as a message (it is shown instead of maps), or `null`. */
  problem: () => string | null;
}

/**
 * Photo mode: loads the image (`src`, or the bundled cat), resolves the filter chain the attributes describe,
 * and computes the maps on the shared TensorFlow.js engine. It owns the run (a `Task`: any setting changed
 * aborts the run in flight, whose late answer is ignored) and the decoded photo, kept while `src` stays the
 * same so that toggling ReLU does not download it again.
 */
export class PhotoMapsController extends MapsController<PhotoHost> {
  /** The photo as computed, and the `src` it came from. */
  image: (ImagePixels & { src: string }) | null = null;
  note: Message | '' = '';
  /** What a pending run is doing: downloading and decoding the photo, or computing. */
  private phase: 'loading' | 'computing' = 'computing';

  constructor(
    host: PhotoHost,
    private readonly options: PhotoMapsOptions,
  ) {
    super(host);
  }

  protected get pendingState(): FeatureMapState {
    return this.phase;
  }

  retry(): void {
    this.image = null;
    this.rerun();
  }

  protected args(): readonly unknown[] {
    return [this.options.active(), this.options.problem(), ...SETTINGS.map((k) => this.host[k])];
  }

  /** The settings now, read once at the start of a run (a run never sees a half-changed set). */
  private settings(): PhotoSettings {
    return Object.fromEntries(SETTINGS.map((k) => [k, this.host[k]])) as unknown as PhotoSettings;
  }

  protected async compute(signal: AbortSignal): Promise<MapsResult | typeof initialState> {
    if (!this.options.active() || !this.host.isConnected) return initialState;
    const s = this.settings();
    const problem = this.options.problem();
    if (problem) throw new MapsFailure(problem);
    this.phase = 'computing';
    const pipeline = await photoPipeline.load().catch((e: unknown) => {
      throw new MapsFailure(message(FM_EN, 'fm.pipelineFailed', { error: failureOf(e).detail }), true);
    });
    if (signal.aborted) return initialState;
    const defs = pipeline.checkSettings(s, await pipeline.layerDefs(s));
    if (signal.aborted) return initialState;
    const img = await this.loadImage(pipeline, s.src.trim() || assetUrl('images/chelsea-320.png'));
    if (signal.aborted) return initialState; // superseded: the newer run computes
    this.note =
      img.naturalWidth !== img.width || img.naturalHeight !== img.height
        ? message(FM_EN, 'fm.downscaled', {
            nw: img.naturalWidth,
            nh: img.naturalHeight,
            w: img.width,
            h: img.height,
            max: MAX_IMAGE_SIDE,
          })
        : '';
    const chain = pipeline.resolveChain(defs, [3, img.height, img.width], s.seed);
    if (!chain.ok) throw new MapsFailure(chain.message);
    const layers = chain.layers;
    const last = layers[layers.length - 1]!;
    const wantBefore = s.compare && (last.activation === 'relu' || last.pool === 2);
    this.setPhase('computing');
    const side = await tensorSide();
    if (signal.aborted) return initialState;
    let result: Awaited<ReturnType<typeof computeMaps>>;
    try {
      result = await computeMaps(side, img, layers, wantBefore);
    } catch (e) {
      throw new MapsFailure(message(FM_EN, 'fm.computeFailed', { error: failureOf(e).detail }));
    }
    return mapsResult({
      source: 'image',
      maps: result.maps,
      before: result.before,
      names: last.names,
      layers,
      input: { pixels: img.pixels, width: img.width, height: img.height, channels: 3 },
    });
  }

  /** The photo at `src`: the one already decoded, or a fresh download (loading). Failures keep nothing. */
  private async loadImage(pipeline: PhotoPipeline, src: string): Promise<ImagePixels> {
    if (this.image?.src === src) return this.image;
    this.setPhase('loading');
    this.image = null;
    const img = await pipeline.loadImagePixels(src, MAX_IMAGE_SIDE);
    this.image = { ...img, src };
    return img;
  }

  private setPhase(phase: 'loading' | 'computing'): void {
    if (phase === this.phase) return;
    this.phase = phase;
    // Also called before the run's first await, inside the host's `updated`: a request there would be an
    // update scheduled during an update (lit warns), so it waits for the microtask after it.
    queueMicrotask(() => this.host.requestUpdate());
  }
}

/** TensorFlow.js and its guarded read-back, loaded on first need (a page without maps never downloads it). */
async function tensorSide(): Promise<TensorSide> {
  try {
    const engine = await import('../../engine/tensor.js');
    return { ...(await engine.getTf()), readBack: engine.readBack };
  } catch (e) {
    throw new MapsFailure(message(FM_EN, 'fm.tfFailed', { error: failureOf(e).detail }));
  }
}
