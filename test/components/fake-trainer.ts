/**
 * A `<cnn-trainer>` without TensorFlow.js, for the tests that look at the element rather than the training: its
 * runs are stand-in sessions the test drives by hand (cnn-trainer.test.ts, cnn-trainer-charts.test.ts,
 * motion.test.ts).
 */
import {
  CnnTrainer,
  type TrainerSession,
  type TrainerState,
} from '../../src/components/cnn-trainer/cnn-trainer.js';
import type { TrainerBatch, TrainerEpoch } from '../../src/engine/training/types.js';
import type { TrainConfig } from '../../src/engine/training/config.js';
import { fixture, settle } from '../helpers.js';

/**
 * A stand-in for the engine's `TrainingSession`: it records what the trainer calls (`calls`), answers Pause,
 * Resume and Stop as the real one does (a state event; Stop ends the run with `train-end`), and fires what the
 * test tells it to (`fire`, `set`).
 */
export class FakeSession extends EventTarget implements TrainerSession {
  state: TrainerState = 'idle';
  backend: TrainerSession['backend'] = null;
  history = { batches: [] as TrainerBatch[], epochs: [] as TrainerEpoch[] };
  testAccuracy: number | null = null;
  confusion: number[][] | null = null;
  /** What the trainer called, in order. */
  calls: string[] = [];
  constructor(readonly config: TrainConfig) {
    super();
  }
  async start() {
    this.calls.push('start');
    this.set('loading');
  }
  pause() {
    this.calls.push('pause');
    this.set('paused');
  }
  resume() {
    this.calls.push('resume');
    this.set('training');
  }
  stop() {
    this.calls.push('stop');
    this.set('done');
    this.fire('train-end', {});
  }
  dispose() {
    this.calls.push('dispose');
  }
  fire(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
  set(s: TrainerState) {
    this.state = s;
    this.fire('state', s);
  }
}

/**
 * Defines `tag` as a trainer whose sessions are `make(config)`'s, and returns what its tests use: every session
 * it made, newest last (empty it between tests: `sessions.length = 0`), `mount(attributes)`, and `started(el)`,
 * which starts a run and returns its session once the trainer has rendered.
 */
export function fakeTrainer<S extends TrainerSession>(
  tag: string,
  make: (config: TrainConfig) => S | Promise<S>,
) {
  const sessions: S[] = [];
  class FakeTrainer extends CnnTrainer {
    protected override async createSession(config: TrainConfig): Promise<TrainerSession> {
      const session = await make(config);
      sessions.push(session);
      return session;
    }
  }
  customElements.define(tag, FakeTrainer);
  const mount = (attrs = '') => fixture<CnnTrainer>(`<${tag} ${attrs}></${tag}>`);
  const started = async (el: CnnTrainer): Promise<S> => {
    await el.start();
    await settle(el);
    return sessions.at(-1)!;
  };
  return { sessions, mount, started };
}

/** The next animation frame (the trainer's progress text follows the batches once a frame). */
export const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
