import { expect } from '@esm-bundle/chai';
import { greyImageData, paintGrey } from '../../src/components/shared/paint.js';

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
});
