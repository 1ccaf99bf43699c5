import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { padToInput, shapeSize, type ImageShape } from '../../engine/pad-input.js';
import { paintInput, pixelContext } from '../shared/paint.js';

/** Side of the drawing surface in canvas pixels (CSS scales it to the space available). */
export const PAD = 280;
/** Pen width in canvas pixels: about a tenth of a digit's height, which becomes MNIST's 2–3 px stroke. */
const PEN = 22;

/** Reads a CSS colour (any syntax) as RGB by painting one pixel. */
function rgbOf(color: string): [number, number, number] {
  const c = document.createElement('canvas');
  c.width = c.height = 1;
  const ctx = pixelContext(c);
  if (!ctx) return [0, 0, 0];
  ctx.fillStyle = color || '#000';
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0]!, d[1]!, d[2]!];
}

/** A canvas's CSS `color` as RGB: the ink every digit-pad canvas paints with (themes set it). */
export const inkOf = (canvas: Element): [number, number, number] => rgbOf(getComputedStyle(canvas).color);

export interface InkOptions {
  /** The drawing canvas (`null` before the first render). */
  canvas: () => HTMLCanvasElement | null;
  /** The input's `[height, width, channels]` (the followed trainer's dataset; MNIST's 28×28×1 by default). */
  shape: () => ImageShape;
  /** The pen's colour on a colour (RGB) pad; a grey pad draws in its CSS `color`. */
  penColor?: () => string;
  /** A stroke began (the pad is the input again, not a `setPixels` image). */
  onStart?: () => void;
  /** Ink was added: the input changed. Comes with every pointer event of a stroke; throttle it. */
  onInk?: () => void;
  /** The stroke ended (pointer up, cancelled, or capture lost). */
  onEnd?: () => void;
}

/**
 * Inking with pointer events, and the input it makes: a mouse, a finger or a pen draws round-capped strokes on
 * the pad (coalesced moves keep fast strokes smooth; the pointer is captured so a stroke that leaves the pad
 * still ends), and `capture()` turns the pad into the network's input at the dataset's shape (engine/pad-input.ts:
 * for MNIST, the ink prepared as MNIST digits were — bounding box scaled to 20×20, centred by centre of mass in
 * 28×28, grey levels 0..1; for a colour dataset, the pad, painted white and drawn on in colour, scaled down).
 * `show()` goes the other way: it paints a ready-made input onto the pad, and the pad is not read again until
 * the next stroke.
 *
 * Why a controller: the pointer being drawn with is state with a lifetime (it ends when the host leaves the
 * page), and the element should only render.
 */
export class InkController implements ReactiveController {
  /** The network's input (h×w×c values in 0..1, row-major, channels last): the last `capture()` or `show()`. */
  pixels: Float32Array;
  /** The shape `pixels` has; another one (the dataset changed) clears the pad. */
  private shape: ImageShape;
  /** Ink was drawn since the last clear (a colour pad is white, never "blank": this tells a drawing from none). */
  private drawn = false;
  /** The pointer drawing now, and where it last was (canvas pixels). */
  private stroke: { id: number; x: number; y: number } | null = null;
  /** True when the pad's ink, not a `show()`n image, is the input (so `capture()` reads the canvas). */
  private fromCanvas = true;
  /** `show()` set an input that the pad does not show yet. */
  private padStale = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: InkOptions,
  ) {
    // MNIST's until the first update asks the host (its trainer may not be known yet).
    this.shape = [28, 28, 1];
    this.pixels = new Float32Array(shapeSize(this.shape));
    host.addController(this);
  }

  /** A colour pad: the dataset is RGB. */
  get colour(): boolean {
    return this.shape[2] === 3;
  }

  /** Follows the dataset's shape: another one wipes the pad (a drawing at the old size means nothing now). */
  hostUpdate(): void {
    const next = this.options.shape();
    if (next.join() !== this.shape.join()) {
      this.shape = next;
      this.clear();
    }
  }

  hostDisconnected(): void {
    this.stroke = null;
  }

  /** The current input: the pad's ink read now (when the pad is the input), else the image last shown. */
  capture(): Float32Array {
    const c = this.options.canvas();
    const ctx = this.fromCanvas && c ? pixelContext(c) : null;
    if (c && ctx) {
      const img = ctx.getImageData(0, 0, c.width, c.height);
      this.pixels = this.drawn
        ? padToInput(img.data, c.width, c.height, this.shape)
        : new Float32Array(shapeSize(this.shape));
      this.host.requestUpdate();
    }
    return this.pixels;
  }

  /** Makes a ready-made input (of the current shape) the current one; the next update paints it onto the pad. */
  show(pixels: Float32Array): void {
    this.pixels = pixels;
    this.fromCanvas = false;
    this.drawn = true;
    this.padStale = true;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (this.padStale) this.paintPad();
  }

  /** Paints the shown input onto the pad, scaled up, so the reader sees what was set. */
  private paintPad(): void {
    const c = this.options.canvas();
    const ctx = c && pixelContext(c);
    const small = document.createElement('canvas');
    if (!c || !ctx || !pixelContext(small)) return;
    this.padStale = false;
    paintInput(small, this.pixels, this.shape, inkOf(c));
    this.wipe(c, ctx);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(small, 0, 0, c.width, c.height);
  }

  /** Empties the canvas: transparent for grey ink, white paper for a colour pad. */
  private wipe(c: HTMLCanvasElement, ctx: CanvasRenderingContext2D): void {
    ctx.clearRect(0, 0, c.width, c.height);
    if (!this.colour) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
  }

  /** Wipes the pad and the input. */
  clear(): void {
    const c = this.options.canvas();
    const ctx = c && pixelContext(c);
    if (c && ctx) this.wipe(c, ctx);
    this.pixels = new Float32Array(shapeSize(this.shape));
    this.fromCanvas = true;
    this.drawn = false;
    this.padStale = false;
    this.host.requestUpdate();
  }

  readonly onPointerDown = (e: PointerEvent): void => {
    const c = this.options.canvas();
    if ((e.pointerType === 'mouse' && e.button !== 0) || this.stroke || !c) return;
    e.preventDefault();
    try {
      c.setPointerCapture(e.pointerId);
    } catch {
      /* synthetic pointers cannot always be captured; drawing still works while over the pad */
    }
    const p = this.point(c, e);
    this.stroke = { id: e.pointerId, ...p };
    this.fromCanvas = true;
    if (!this.drawn && this.colour) this.wipe(c, pixelContext(c)!);
    this.drawn = true;
    if (this.padStale) this.paintPad(); // (a stroke must not be painted over at the next update)
    this.options.onStart?.();
    const ctx = this.pen(c);
    if (ctx) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, PEN / 2, 0, Math.PI * 2);
      ctx.fill();
    }
    this.options.onInk?.();
  };

  readonly onPointerMove = (e: PointerEvent): void => {
    const s = this.stroke;
    const c = this.options.canvas();
    if (!s || e.pointerId !== s.id || !c) return;
    const ctx = this.pen(c);
    if (!ctx) return;
    // Coalesced events keep fast strokes smooth (the browser batches moves between frames).
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    ctx.beginPath();
    ctx.moveTo(s.x, s.y);
    for (const ev of events.length ? events : [e]) {
      const p = this.point(c, ev);
      ctx.lineTo(p.x, p.y);
      s.x = p.x;
      s.y = p.y;
    }
    ctx.stroke();
    this.options.onInk?.();
  };

  /** Pointer up, cancel and lost capture all end the stroke of that pointer. */
  readonly onPointerUp = (e: PointerEvent): void => {
    if (!this.stroke || e.pointerId !== this.stroke.id) return;
    this.stroke = null;
    this.options.onEnd?.();
  };

  /** The pointer's position in canvas pixels (the canvas is scaled by CSS). */
  private point(c: HTMLCanvasElement, e: PointerEvent): { x: number; y: number } {
    const r = c.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) * PAD) / (r.width || PAD),
      y: ((e.clientY - r.top) * PAD) / (r.height || PAD),
    };
  }

  /** The pad's context set up as a round pen in the canvas's CSS colour (a colour pad: the chosen colour). */
  private pen(c: HTMLCanvasElement): CanvasRenderingContext2D | null {
    const ctx = pixelContext(c);
    if (!ctx) return null;
    const colour = this.colour ? this.options.penColor?.() : null;
    ctx.strokeStyle = ctx.fillStyle = colour || getComputedStyle(c).color || '#000';
    ctx.lineWidth = PEN;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    return ctx;
  }
}
