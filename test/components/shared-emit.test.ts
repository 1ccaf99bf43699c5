import { expect } from '@esm-bundle/chai';
import { CnnElement } from '../../src/components/shared/cnn-element.js';
import { cleanup, nextEvent } from '../helpers.js';

interface PingEvents {
  ping: { n: number };
}
class EmitHost extends CnnElement<PingEvents> {
  ping(n: number) {
    return this.emit('ping', { n });
  }
  /** Compile-time checks: a wrong name or detail does not type-check. */
  typeChecks() {
    // @ts-expect-error: not one of the element's events
    this.emit('pong', { n: 1 });
    // @ts-expect-error: the wrong detail type
    this.emit('ping', { n: 'one' });
  }
}
customElements.define('emit-test-host', EmitHost);

describe('CnnElement.emit', () => {
  afterEach(cleanup);

  it('dispatches a CustomEvent that bubbles and crosses shadow roots, with the detail', async () => {
    const outer = document.createElement('div');
    outer.className = 'fixture';
    const shadow = outer.attachShadow({ mode: 'open' });
    const el = document.createElement('emit-test-host') as EmitHost;
    shadow.append(el);
    document.body.append(outer);
    const heard = nextEvent<{ n: number }>(document.body, 'ping');
    expect(el.ping(3)).to.equal(true);
    const e = await heard;
    expect([e.detail.n, e.bubbles, e.composed, e.cancelable]).to.deep.equal([3, true, true, false]);
  });
});
