import '../../src/define/confusion-matrix.js';
import { CnnTrainer } from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { TrainConfig } from '../../src/engine/training/config.js';

class Fake extends EventTarget {
  state = 'idle'; backend = 'webgl'; history = { batches: [], epochs: [] }; testAccuracy: number | null = null; confusion: number[][] | null = null;
  constructor(public c: TrainConfig) { super(); }
  async start() {
    this.state = 'training';
    this.dispatchEvent(new CustomEvent('train-start', { detail: {} }));
    let r = 1;
    const N = 938;
    for (let e = 1; e <= 2; e++) {
      for (let b = 1; b <= N; b++) {
        r = r * 0.997 + 0.0005;
        const loss = 2.3 * r + 0.05 + Math.random() * 0.1;
        this.dispatchEvent(new CustomEvent('train-batch', { detail: { epoch: e, batch: b, batches: N, loss, accuracy: Math.min(1, 1 - loss / 2.5 + Math.random() * 0.05), imagesPerSecond: 1850 } }));
        if (e === 2 && b === 412) return;
      }
      this.testAccuracy = 0.971;
      this.confusion = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 950 + i * 5 : (i * 7 + j * 3) % 11)));
      this.dispatchEvent(new CustomEvent('train-epoch', { detail: { epoch: e, loss: 0.1, accuracy: 0.96, testAccuracy: 0.971 } }));
    }
  }
  pause() {} resume() {} stop() {} dispose() {}
  async testExamples(_a: number, _p: number, limit: number) {
    return Array.from({ length: Math.min(limit, 7) }, (_, i) => ({ index: i, pixels: Uint8Array.from({ length: 784 }, (_, k) => (Math.abs((k % 28) - 14) < 3 && k > 120 && k < 680 ? 255 : 0)) }));
  }
}
class DevTrainer extends CnnTrainer {
  protected override async createSession(c: TrainConfig) { return new Fake(c) as never; }
}
customElements.define('cnn-trainer', DevTrainer);
