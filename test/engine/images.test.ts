import { expect } from '@esm-bundle/chai';
import {
  boundingBox,
  centerOfMass,
  checkPixels,
  greyFromRgba,
  isBlank,
  mnistImage,
  preprocessDigit,
  resizeArea,
  type GreyImage,
} from '../../src/engine/images.js';

/** A blank image with filled rectangles (x, y, w, h) of value v. */
function image(width: number, height: number, rects: [number, number, number, number, number?][]): GreyImage {
  const data = new Float32Array(width * height);
  for (const [x, y, w, h, v = 1] of rects) {
    for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) data[j * width + i] = v;
  }
  return { data, width, height };
}
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
const box28 = (px: Float32Array) => boundingBox({ data: px, width: 28, height: 28 });
const com28 = (px: Float32Array) => centerOfMass({ data: px, width: 28, height: 28 })!;

describe('images: MNIST-style preprocessing', () => {
  it('finds the bounding box of the ink, or null when blank', () => {
    expect(boundingBox(image(10, 8, [[2, 3, 4, 2]]))).to.deep.equal({ x0: 2, y0: 3, x1: 6, y1: 5 });
    expect(boundingBox(image(10, 8, []))).to.equal(null);
    // Anti-aliasing fringe under the threshold is ignored.
    expect(
      boundingBox(
        image(10, 8, [
          [2, 3, 4, 2],
          [0, 0, 1, 1, 0.01],
        ]),
      ),
    ).to.deep.equal({ x0: 2, y0: 3, x1: 6, y1: 5 });
  });

  it('resizes by area averaging: total ink scales with the area, edges turn grey', () => {
    const src = image(10, 10, [[0, 0, 5, 10]]); // left half inked
    const r = resizeArea(src, 4, 4);
    expect(sum(r.data) / 16).to.be.closeTo(sum(src.data) / 100, 1e-6);
    // Column 1 covers input columns 2.5..5: all ink; column 2 covers 5..7.5: none; a 3-wide resize greys the middle.
    expect(Array.from(r.data.slice(0, 4))).to.deep.equal([1, 1, 0, 0]);
    const r3 = resizeArea(src, 3, 1);
    expect(r3.data[0]).to.be.closeTo(1, 1e-6);
    expect(r3.data[1]).to.be.closeTo(0.5, 1e-6);
    expect(r3.data[2]).to.be.closeTo(0, 1e-6);
  });

  it('scales the longer side to 20, keeping the aspect ratio', () => {
    const wide = preprocessDigit(image(280, 280, [[40, 100, 200, 100]])); // 200×100 → 20×10
    expect(box28(wide)).to.satisfy(
      (b: { x1: number; x0: number; y1: number; y0: number }) => b.x1 - b.x0 === 20 && b.y1 - b.y0 === 10,
    );
    const tall = preprocessDigit(image(280, 280, [[120, 20, 40, 200]])); // 40×200 → 4×20
    const b = box28(tall)!;
    expect([b.x1 - b.x0, b.y1 - b.y0]).to.deep.equal([4, 20]);
    expect(wide.length).to.equal(784);
    expect(Math.max(...wide)).to.be.at.most(1);
    expect(Math.min(...wide)).to.be.at.least(0);
  });

  it('centres by centre of mass, not by the box', () => {
    // A "T": the heavy top bar pulls the centre of mass up, so the box is pasted lower than centred.
    const px = preprocessDigit(
      image(200, 200, [
        [20, 20, 160, 20],
        [90, 40, 20, 140],
      ]),
    );
    const c = com28(px);
    expect(c.x).to.be.closeTo(14, 0.51);
    expect(c.y).to.be.closeTo(14, 0.51);
    const b = box28(px)!;
    expect((b.y0 + b.y1) / 2).to.be.greaterThan(16); // box centre well below the field's centre
    expect((b.x0 + b.x1) / 2).to.equal(14);
  });

  it('is invariant to where and how big the digit was drawn', () => {
    const shape = (x: number, y: number, s: number): GreyImage =>
      image(400, 400, [
        [x, y, 10 * s, 60 * s],
        [x, y + 50 * s, 40 * s, 10 * s],
      ]);
    const a = preprocessDigit(shape(10, 10, 2));
    const b = preprocessDigit(shape(200, 150, 2));
    expect(Array.from(b)).to.deep.equal(Array.from(a));
    const c = preprocessDigit(shape(30, 40, 4));
    const diff = Array.from(a).reduce((s, v, i) => s + Math.abs(v - c[i]!), 0);
    expect(diff).to.be.lessThan(1e-3);
  });

  it('gives all zeros for a blank pad, and isBlank says so', () => {
    const px = preprocessDigit(image(50, 50, []));
    expect(sum(px)).to.equal(0);
    expect(isBlank(px)).to.equal(true);
    expect(isBlank(preprocessDigit(image(50, 50, [[5, 5, 3, 3]])))).to.equal(false);
  });

  it('reads grey levels from canvas RGBA by alpha or luminance', () => {
    const rgba = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 0, 255, 255, 255, 255]);
    expect(Array.from(greyFromRgba(rgba, 3, 1).data)).to.deep.equal([1, 0, 1]);
    expect(
      Array.from(greyFromRgba(rgba, 3, 1, 'luminance').data).map((v) => Math.round(v * 100) / 100),
    ).to.deep.equal([0, 1, 1]);
  });

  it('decodes an MNIST image and checks writer-given pixels', () => {
    const bytes = new Uint8Array(784 * 2);
    bytes[784 + 5] = 255;
    bytes[784 + 6] = 51;
    const px = mnistImage(bytes, 1);
    expect([px[5], px[6], px[7]]).to.deep.equal([1, 0.20000000298023224, 0]);
    expect(checkPixels(Array(784).fill(0.5))).to.be.instanceOf(Float32Array);
    expect((checkPixels(Array(784).fill(2)) as Float32Array)[0]).to.equal(1);
    const short = checkPixels([1, 2, 3]) as { error: string; message: { key: string; params: object } };
    expect(short.error).to.equal('Pixels must be 784 numbers (28×28), got 3.');
    expect([short.message.key, short.message.params]).to.deep.equal([
      'pixels.count',
      { count: 784, shape: '28×28', got: 3 },
    ]);
    expect(checkPixels(null)).to.have.property('error');
    const withNaN = Array(784).fill(0);
    withNaN[10] = NaN;
    expect((checkPixels(withNaN) as { error: string }).error).to.match(/Pixel 10/);
  });
});
