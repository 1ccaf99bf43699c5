// The page's copy of the training images before they are transferred to the Worker (worker/proxy.ts): in
// slices of a few MB with the event loop let in between, so that 60,000 MNIST images (47 MB) are not one
// main-thread task (issue #19). Same bytes as a plain slice, and other tasks run before it is done.
import { expect } from '@esm-bundle/chai';
import { copyInSlices } from '../../src/engine/worker/proxy.js';

describe('copyInSlices', () => {
  it('copies the first n bytes into an array of its own, exactly', async () => {
    const src = Uint8Array.from({ length: 10_500_001 }, (_, i) => (i * 7 + (i >> 12)) & 255);
    const n = 10_000_003;
    const out = await copyInSlices(src, n);
    expect(out.length).to.equal(n);
    expect(out.buffer).to.not.equal(src.buffer);
    expect(out.buffer.byteLength).to.equal(n);
    let same = true;
    for (let i = 0; i < n; i++) if (out[i] !== src[i]) same = false;
    expect(same).to.equal(true);
    src[5] = src[5]! ^ 1; // the copy does not follow its source
    expect(out[5]).to.not.equal(src[5]);
    // Small ones and n past the end are a plain slice.
    expect([...(await copyInSlices(src, 4))]).to.deep.equal([...src.subarray(0, 4)]);
    expect((await copyInSlices(src.subarray(0, 100), 1000)).length).to.equal(100);
  });

  it('lets other tasks run between its slices', async () => {
    const src = new Uint8Array(20_000_000).fill(3);
    let ran = 0;
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ran++;
      if (ran < 100) ch.port2.postMessage(0);
    };
    ch.port2.postMessage(0);
    const out = await copyInSlices(src, src.length);
    ch.port1.close();
    expect(out[src.length - 1]).to.equal(3);
    // 20 MB in slices of 4 MB: four yields, each letting the ping through (WebKit lets one fewer through in
    // time); a copy in one piece lets none through.
    expect(ran).to.be.at.least(2);
  });
});
