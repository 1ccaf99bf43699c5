/**
 * A tiny line chart drawn by hand on a canvas: no charting library (they weigh 50–200 kB, more than the
 * widgets themselves), no DOM per point, and nothing allocated per frame beyond the path. Used by
 * `<cnn-trainer>` for loss and accuracy curves while a network trains.
 *
 * Why a plain function and not an element: the caller owns the canvas, its size and WHEN to draw. The trainer
 * coalesces many batch updates into one draw per animation frame; a chart element with its own reactive
 * update cycle would fight that.
 */

/** One line of the chart. `xs`/`ys` are parallel arrays (x in the caller's unit, e.g. epochs). */
export interface ChartSeries {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  colour: string;
  /** Line dash pattern in CSS pixels (distinguishes series without relying on colour). */
  dash?: number[];
  /** Draw a marker at each point (for sparse series such as one value per epoch). */
  markers?: boolean;
  width?: number;
}

export interface ChartOptions {
  /** The x range to show; the data may fill only part of it (training in progress). */
  xMin: number;
  xMax: number;
  /** The y range; `yMax` undefined → fitted to the data (at least `yMinSpan` tall). */
  yMin: number;
  yMax?: number;
  /** Colours of the frame and labels. */
  axisColour: string;
  gridColour: string;
  textColour: string;
  font?: string;
  /** Formats a y tick label. */
  yFormat?: (v: number) => string;
  /** Title of the x axis (e.g. "epoch"). */
  xLabel?: string;
  /** Number of y grid lines (default 4). */
  yTicks?: number;
}

/** A canvas's CSS box in CSS pixels (what a `ResizeObserver` entry's `contentRect` gives). */
export interface BoxSize {
  width: number;
  height: number;
}

/**
 * Sizes a canvas's backing store to its CSS box times the device pixel ratio (sharp lines on HiDPI screens)
 * and returns the CSS size. Only reallocates when the size really changed. `box` is the CSS box when the
 * caller knows it (from a `ResizeObserver`): reading `clientWidth` instead forces the browser to lay out the
 * page there and then, in the middle of whatever frame is being drawn.
 */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  box?: BoxSize,
): { width: number; height: number; dpr: number } {
  const dpr = Math.min(3, globalThis.devicePixelRatio || 1);
  const width = Math.max(1, Math.round(box ? box.width : canvas.clientWidth));
  const height = Math.max(1, Math.round(box ? box.height : canvas.clientHeight));
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return { width, height, dpr };
}

/**
 * Draws the series on the canvas (cleared first). Non-finite points are skipped, never drawn as NaN. `box`: the
 * canvas's CSS box where the caller knows it (see `fitCanvas`).
 */
export function drawChart(
  canvas: HTMLCanvasElement,
  series: ChartSeries[],
  o: ChartOptions,
  box?: BoxSize,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height, dpr } = fitCanvas(canvas, box);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const font = o.font ?? '11px system-ui, sans-serif';
  ctx.font = font;

  let yMax = o.yMax;
  if (yMax === undefined) {
    yMax = o.yMin;
    let any = false;
    for (const s of series) {
      for (let i = 0; i < s.ys.length; i++) {
        if (Number.isFinite(s.ys[i]!)) {
          yMax = Math.max(yMax, s.ys[i]!);
          any = true;
        }
      }
    }
    // Round the top up to a "nice" value so the axis labels stay readable as the data grows. With no data
    // yet, a unit span: an empty chart reads 0 … 1, not five identical "0.00" labels.
    const span = any ? Math.max(yMax - o.yMin, 1e-6) : 1;
    const step = 10 ** Math.floor(Math.log10(span));
    yMax = o.yMin + Math.ceil(span / step) * step;
  }
  const yFormat = o.yFormat ?? ((v: number) => v.toFixed(2));
  const ticks = o.yTicks ?? 4;
  const labelW = Math.max(
    ...Array.from(
      { length: ticks + 1 },
      (_, i) => ctx.measureText(yFormat(o.yMin + ((yMax! - o.yMin) * i) / ticks)).width,
    ),
  );
  const left = Math.ceil(labelW) + 8;
  const right = 8;
  const top = 8;
  const bottom = o.xLabel ? 30 : 18;
  const pw = Math.max(1, width - left - right);
  const ph = Math.max(1, height - top - bottom);
  const xSpan = o.xMax - o.xMin || 1;
  const X = (x: number) => left + ((x - o.xMin) / xSpan) * pw;
  const Y = (y: number) => top + ph - ((y - o.yMin) / (yMax! - o.yMin || 1)) * ph;

  // Grid and y labels.
  ctx.strokeStyle = o.gridColour;
  ctx.fillStyle = o.textColour;
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let i = 0; i <= ticks; i++) {
    const v = o.yMin + ((yMax - o.yMin) * i) / ticks;
    const y = Math.round(Y(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + pw, y);
    ctx.stroke();
    ctx.fillText(yFormat(v), left - 4, y);
  }
  // X ticks at whole numbers (epochs), thinned to fit.
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const every = Math.max(1, Math.ceil(xSpan / Math.max(1, Math.floor(pw / 40))));
  for (let x = Math.ceil(o.xMin); x <= o.xMax; x += every) ctx.fillText(String(x), X(x), top + ph + 3);
  if (o.xLabel) ctx.fillText(o.xLabel, left + pw / 2, top + ph + 16);
  ctx.strokeStyle = o.axisColour;
  ctx.strokeRect(left + 0.5, top + 0.5, pw - 1, ph - 1);

  // Lines: at most ~2 points per CSS pixel; more would only cost time, not show anything.
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, pw, ph);
  ctx.clip();
  for (const s of series) {
    const n = Math.min(s.xs.length, s.ys.length);
    if (!n) continue;
    const stride = Math.max(1, Math.floor(n / (pw * 2)));
    ctx.strokeStyle = s.colour;
    ctx.fillStyle = s.colour;
    ctx.lineWidth = s.width ?? 1.75;
    ctx.setLineDash(s.dash ?? []);
    ctx.beginPath();
    let pen = false;
    const point = (i: number) => {
      const x = s.xs[i]!;
      const y = s.ys[i]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) pen = false;
      else if (pen) ctx.lineTo(X(x), Y(y));
      else {
        ctx.moveTo(X(x), Y(y));
        pen = true;
      }
    };
    for (let i = 0; i < n; i += stride) point(i);
    if ((n - 1) % stride !== 0) point(n - 1); // always end at the newest point
    ctx.stroke();
    ctx.setLineDash([]);
    if (s.markers) {
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(s.xs[i]!) || !Number.isFinite(s.ys[i]!)) continue;
        ctx.beginPath();
        ctx.arc(X(s.xs[i]!), Y(s.ys[i]!), 3, 0, Math.PI * 2);
        ctx.fill();
      }
    }
  }
  ctx.restore();
}
