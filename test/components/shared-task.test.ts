import { expect } from '@esm-bundle/chai';
import { LitElement, html } from 'lit';
import { Task, initialState } from '../../src/components/shared/task.js';
import { cleanup } from '../helpers.js';

/** A promise with its resolve/reject handles, so a test decides when a run ends. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

type Run = {
  key: string;
  signal: AbortSignal;
  done: ReturnType<typeof deferred<string | typeof initialState>>;
};

class TaskHost extends LitElement {
  static override properties = { key: {}, other: {} };
  key = 'a';
  other = 0;
  runs: Run[] = [];
  task = new Task(this, {
    args: () => [this.key] as const,
    task: ([key], { signal }) => {
      const done = deferred<string | typeof initialState>();
      this.runs.push({ key, signal, done });
      return done.promise;
    },
  });
  override render() {
    return html`${this.task.render({
      initial: () => 'initial',
      pending: () => 'pending',
      complete: (v) => `complete:${v}`,
      error: (e) => `error:${(e as Error).message}`,
    })}`;
  }
}
customElements.define('task-test-host', TaskHost);

const mount = async () => {
  const host = document.createElement('div');
  host.className = 'fixture';
  document.body.append(host);
  const el = document.createElement('task-test-host') as TaskHost;
  host.append(el);
  await el.updateComplete;
  return el;
};
/** Lets the run's microtasks and the update they request finish. */
const flush = async (el: TaskHost) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
  }
};
const shown = (el: TaskHost) => el.shadowRoot!.textContent!.trim();

describe('Task (shared/task.ts)', () => {
  afterEach(cleanup);

  it('runs after the first update, is pending, then complete with the value, and renders each status', async () => {
    const el = await mount();
    expect(el.runs.map((r) => r.key)).to.deep.equal(['a']);
    expect(el.task.status).to.equal('pending');
    await flush(el);
    expect(shown(el)).to.equal('pending');
    el.runs[0]!.done.resolve('A');
    await flush(el);
    expect([el.task.status, el.task.value, shown(el)]).to.deep.equal(['complete', 'A', 'complete:A']);
  });

  it('runs again only when the arguments change (shallow compare)', async () => {
    const el = await mount();
    el.runs[0]!.done.resolve('A');
    await flush(el);
    el.other = 1; // an update that leaves the arguments as they were
    await flush(el);
    expect(el.runs).to.have.length(1);
    el.key = 'b';
    await flush(el);
    expect(el.runs.map((r) => r.key)).to.deep.equal(['a', 'b']);
  });

  it('a newer run aborts the older one’s signal and the older result is ignored', async () => {
    const el = await mount();
    el.key = 'b';
    await flush(el);
    const [a, b] = el.runs as [Run, Run];
    expect(a.signal.aborted).to.equal(true);
    expect(b.signal.aborted).to.equal(false);
    b.done.resolve('B');
    await flush(el);
    a.done.resolve('A (stale)');
    await flush(el);
    expect([el.task.status, el.task.value, shown(el)]).to.deep.equal(['complete', 'B', 'complete:B']);
  });

  it('keeps the last value while a new run is pending; an error clears it and is rendered', async () => {
    const el = await mount();
    el.runs[0]!.done.resolve('A');
    await flush(el);
    el.key = 'b';
    await flush(el);
    expect([el.task.status, el.task.value]).to.deep.equal(['pending', 'A']);
    el.runs[1]!.done.reject(new Error('boom'));
    await flush(el);
    expect([el.task.status, el.task.value, shown(el)]).to.deep.equal(['error', undefined, 'error:boom']);
    expect((el.task.error as Error).message).to.equal('boom');
  });

  it('initialState sends the task back to initial', async () => {
    const el = await mount();
    el.runs[0]!.done.resolve(initialState);
    await flush(el);
    expect([el.task.status, el.task.value, shown(el)]).to.deep.equal(['initial', undefined, 'initial']);
  });

  it('run() forces a run with unchanged arguments; taskComplete resolves with its value', async () => {
    const el = await mount();
    el.runs[0]!.done.resolve('A');
    await flush(el);
    void el.task.run();
    expect(el.runs).to.have.length(2);
    const done = el.task.taskComplete;
    el.runs[1]!.done.resolve('A2');
    expect(await done).to.equal('A2');
  });

  it('leaving the page aborts a pending run and drops its result; coming back runs it again', async () => {
    const el = await mount();
    const parent = el.parentElement!;
    el.remove();
    expect(el.runs[0]!.signal.aborted).to.equal(true);
    el.runs[0]!.done.resolve('late');
    await flush(el);
    expect(el.task.value).to.equal(undefined);
    parent.append(el);
    await flush(el);
    expect(el.runs.map((r) => r.key)).to.deep.equal(['a', 'a']);
    el.runs[1]!.done.resolve('A');
    await flush(el);
    expect(el.task.value).to.equal('A');
  });
});

/** The same host with `serial: true`: runs never overlap (digit-pad's predictions on one network). */
class SerialTaskHost extends LitElement {
  runs: Run[] = [];
  task = new Task<readonly [string], string>(this, {
    autoRun: false,
    serial: true,
    task: ([key], { signal }) => {
      const done = deferred<string | typeof initialState>();
      this.runs.push({ key, signal, done });
      return done.promise;
    },
  });
}
customElements.define('task-serial-test-host', SerialTaskHost);

describe('Task with `serial: true`', () => {
  afterEach(cleanup);

  const mountSerial = async () => {
    const host = document.createElement('div');
    host.className = 'fixture';
    document.body.append(host);
    const el = document.createElement('task-serial-test-host') as SerialTaskHost;
    host.append(el);
    await el.updateComplete;
    return el;
  };
  const tick = () => new Promise((r) => setTimeout(r));

  it('starts a run only when the one before has settled; runs overtaken while waiting never start', async () => {
    const el = await mountSerial();
    void el.task.run(['a']);
    await tick();
    void el.task.run(['b']);
    const c = el.task.run(['c']);
    await tick();
    // `a` is still running: neither `b` nor `c` has started, and `a` is aborted (its result will be ignored).
    expect(el.runs.map((r) => r.key)).to.deep.equal(['a']);
    expect(el.runs[0]!.signal.aborted).to.equal(true);
    expect(el.task.status).to.equal('pending');
    el.runs[0]!.done.resolve('A (stale)');
    await tick();
    // `b` was overtaken by `c` while it waited: only `c` runs.
    expect(el.runs.map((r) => r.key)).to.deep.equal(['a', 'c']);
    expect(el.runs[1]!.signal.aborted).to.equal(false);
    expect(el.task.value).to.equal(undefined);
    el.runs[1]!.done.resolve('C');
    await c;
    expect([el.task.status, el.task.value]).to.deep.equal(['complete', 'C']);
  });

  it('a run that failed still lets the next one start; leaving the page drops a waiting run', async () => {
    const el = await mountSerial();
    void el.task.run(['a']);
    await tick();
    void el.task.run(['b']);
    await tick();
    el.runs[0]!.done.reject(new Error('boom'));
    await tick();
    expect(el.runs.map((r) => r.key)).to.deep.equal(['a', 'b']);
    void el.task.run(['c']); // waits for `b`
    const parent = el.parentElement!;
    el.remove();
    el.runs[1]!.done.resolve('B');
    await tick();
    expect(el.runs.map((r) => r.key)).to.deep.equal(['a', 'b']);
    parent.append(el);
    void el.task.run(['d']);
    await tick();
    expect(el.runs.map((r) => r.key)).to.deep.equal(['a', 'b', 'd']);
  });
});
