import { expect } from '@esm-bundle/chai';
import { greyImageData, paintGrey, paintInput, paintRgb } from '../../src/components/shared/paint.js';
import { drawHeatmap } from '../../src/components/shared/colour-scale.js';
import { paintThumb } from '../../src/components/confusion-matrix/dataset-view.js';

const rgba = (img: ImageData, i: number) => [...img.data.subarray(i * 4, i * 4 + 4)];

describe('paintGrey (shared/paint.ts)', () => {
  it('reads bytes as 0..255 and fractions as 0..1', () => {
    const bytes = greyImageData(new Uint8Array([0, 128, 255]), 3, 1);
    expect([rgba(bytes, 0), rgba(bytes, 1), rgba(bytes, 2)]).to.deep.equal([
      [0, 0, 0, 255],
      [128, 128, 128, 255],
      [255, 255, 255, 255],
    ]);
    const fractions = greyImageData(new Float32Array([0, 0.5, 1]), 3, 1);
    expect(rgba(fractions, 1)).to.deep.equal([128, 128, 128, 255]);
    expect(rgba(greyImageData([0, 51, 255], 3, 1, { max: 255 }), 1)).to.deep.equal([51, 51, 51, 255]);
  });

  it('inverts (dark ink on light paper) and paints a colour with the value as alpha', () => {
    expect(rgba(greyImageData(new Uint8Array([200]), 1, 1, { invert: true }), 0)).to.deep.equal([
      55, 55, 55, 255,
    ]);
    expect(rgba(greyImageData(new Float32Array([0.5]), 1, 1, { ink: [10, 20, 30] }), 0)).to.deep.equal([
      10, 20, 30, 128,
    ]);
  });

  it('clamps values out of range and paints NaN/Infinity as 0', () => {
    const img = greyImageData(new Float32Array([-1, 2, NaN, Infinity]), 4, 1);
    expect([0, 1, 2, 3].map((i) => img.data[i * 4])).to.deep.equal([0, 255, 0, 0]);
  });

  it('paints into a canvas, sizing it, row-major', () => {
    const canvas = document.createElement('canvas');
    const px = new Uint8Array(28 * 28);
    px[28 * 3 + 5] = 255; // row 3, column 5
    paintGrey(canvas, px, 28, 28);
    expect([canvas.width, canvas.height]).to.deep.equal([28, 28]);
    const ctx = canvas.getContext('2d')!;
    expect(ctx.getImageData(5, 3, 1, 1).data[0]).to.equal(255);
    expect(ctx.getImageData(3, 5, 1, 1).data[0]).to.equal(0);
  });

  // A GPU-backed canvas gives each small picture a GPU surface that the page's main thread creates and flushes
  // (34 ms for one feature map's canvases under a software GPU): every painter of pixels asks for a canvas
  // kept in memory. The first call's options are the canvas's for good, so each painter must be the one asking.
  it('every painter of pixels asks for a canvas in main memory (willReadFrequently)', function () {
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (
      typeof probe?.getContextAttributes !== 'function' ||
      !('willReadFrequently' in probe.getContextAttributes())
    )
      this.skip(); // an engine that does not report the attribute
    const px = new Float32Array(4 * 4 * 3).fill(0.5);
    const painters: [string, (c: HTMLCanvasElement) => void][] = [
      ['paintGrey', (c) => paintGrey(c, px, 4, 4)],
      ['paintInput (grey)', (c) => paintInput(c, px, [4, 4, 1], [0, 0, 0])],
      ['paintInput (RGB)', (c) => paintInput(c, px, [4, 4, 3], [0, 0, 0])],
      ['paintRgb', (c) => paintRgb(c, { pixels: px, width: 4, height: 4 })],
      ['drawHeatmap', (c) => drawHeatmap(c, px, 4, 4)],
      ['paintThumb', (c) => paintThumb(c, { index: 0, pixels: new Uint8Array(16), shape: [4, 4, 1] })],
    ];
    for (const [name, paint] of painters) {
      const canvas = document.createElement('canvas');
      paint(canvas);
      const attrs = canvas.getContext('2d')!.getContextAttributes();
      expect(attrs.willReadFrequently, name).to.equal(true);
    }
  });
});
