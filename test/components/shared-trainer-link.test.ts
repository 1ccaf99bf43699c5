import { expect } from '@esm-bundle/chai';
import { LitElement } from 'lit';
import { TrainerLink } from '../../src/components/shared/trainer-link.js';
import type { TrainerLike } from '../../src/engine/training/types.js';
import { cleanup } from '../helpers.js';

/** A stand-in trainer: counts its listeners and swaps sessions as a real run does. */
class StandInTrainer extends HTMLElement {
  session: object | null = null;
  model = 'cnn';
  listening = new Map<string, number>();
  override addEventListener(type: string, l: EventListenerOrEventListenerObject, o?: unknown) {
    this.listening.set(type, (this.listening.get(type) ?? 0) + 1);
    super.addEventListener(type, l, o as AddEventListenerOptions);
  }
  override removeEventListener(type: string, l: EventListenerOrEventListenerObject, o?: unknown) {
    this.listening.set(type, (this.listening.get(type) ?? 0) - 1);
    super.removeEventListener(type, l, o as EventListenerOptions);
  }
  fire(name: string, detail: unknown = {}) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
customElements.define('link-test-trainer', StandInTrainer);

class LinkHost extends LitElement {
  log: string[] = [];
  updates = 0;
  link = new TrainerLink<TrainerLike>(this, {
    on: {
      'train-epoch': (d) => this.log.push(`epoch ${d.epoch}`),
      'train-end': (d) => this.log.push(`end ${d.stopped}`),
    },
    attributes: ['model'],
    onTrainer: (t, prev) => this.log.push(`trainer ${t?.id ?? 'none'} (was ${prev?.id ?? 'none'})`),
    onSession: (s) => this.log.push(`session ${(s as { name?: string } | null)?.name ?? 'none'}`),
    onAttribute: (name, t) => this.log.push(`${name}=${t.getAttribute(name)}`),
  });
  htmlFor: string | null = null;
  protected override willUpdate(): void {
    this.updates++;
    this.link.setFor(this.htmlFor);
  }
}
customElements.define('link-test-host', LinkHost);

const setup = async (trainerIds: string[], forId: string) => {
  const root = document.createElement('div');
  root.className = 'fixture';
  document.body.append(root);
  const trainers = trainerIds.map((id) => {
    const t = document.createElement('link-test-trainer') as StandInTrainer;
    t.id = id;
    root.append(t);
    return t;
  });
  const host = document.createElement('link-test-host') as LinkHost;
  host.htmlFor = forId;
  root.append(host);
  await host.updateComplete;
  return { root, host, trainers };
};
const tick = async (host: LinkHost) => {
  await new Promise((r) => setTimeout(r));
  await host.updateComplete;
};

describe('TrainerLink (shared/trainer-link.ts)', () => {
  afterEach(cleanup);

  it('follows the for target, listens only to the events asked for, and requests updates', async () => {
    const { host, trainers } = await setup(['lt1'], 'lt1');
    const t = trainers[0]!;
    expect(host.link.trainer).to.equal(t);
    expect([...t.listening].filter(([, n]) => n > 0).map(([k]) => k)).to.deep.equal([
      'train-epoch',
      'train-end',
    ]);
    const before = host.updates;
    t.fire('train-epoch', { epoch: 2 });
    t.fire('train-batch', { epoch: 2 }); // not asked for: no handler, no update
    await tick(host);
    expect(host.log).to.deep.equal(['trainer lt1 (was none)', 'epoch 2']);
    expect(host.updates).to.equal(before + 1);
  });

  it('notices a new session at the next event, before that event’s handler', async () => {
    const { host, trainers } = await setup(['lt2'], 'lt2');
    const t = trainers[0]!;
    t.session = { name: 'run1' };
    t.fire('train-epoch', { epoch: 1 });
    expect(host.link.session).to.deep.equal({ name: 'run1' });
    t.session = null;
    t.fire('train-end', { stopped: true });
    expect(host.log.slice(1)).to.deep.equal(['session run1', 'epoch 1', 'session none', 'end true']);
  });

  it('observes the attributes asked for', async () => {
    const { host, trainers } = await setup(['lt3'], 'lt3');
    trainers[0]!.setAttribute('model', 'fnn');
    trainers[0]!.setAttribute('epochs', '3');
    await tick(host);
    expect(host.log.slice(1)).to.deep.equal(['model=fnn']);
  });

  it('moves its listeners when for changes, and removes them all when the host leaves', async () => {
    const { host, trainers } = await setup(['lt4', 'lt5'], 'lt4');
    const [a, b] = trainers as [StandInTrainer, StandInTrainer];
    host.htmlFor = 'lt5';
    host.requestUpdate();
    await host.updateComplete;
    expect(host.link.trainer).to.equal(b);
    expect(a.listening.get('train-epoch')).to.equal(0);
    expect(b.listening.get('train-epoch')).to.equal(1);
    a.fire('train-epoch', { epoch: 9 });
    expect(host.log.at(-1)).to.equal('trainer lt5 (was lt4)');
    host.remove();
    expect(b.listening.get('train-epoch')).to.equal(0);
    expect(b.listening.get('train-end')).to.equal(0);
    expect(host.link.trainer).to.equal(null);
  });
});
