import { expect } from '@esm-bundle/chai';
import { CNN } from '../../src/engine/models/specs.js';
import type { NetworkResult } from '../../src/engine/models/pytorch-layers.js';
import { formatLayersError } from '../../src/engine/models/pytorch-network.js';
import { isEmptyNetwork, parseNetworkValue, specsOf } from '../../src/engine/models/network-value.js';
import { html, LitElement } from 'lit';
import { LocalizeController, loadTranslation } from '../../src/components/shared/localize.js';
import { SHIPPED_LANGUAGES } from '../../src/translations/index.js';
import { messagesOf } from '../../src/engine/messages.js';
import { INPUT_MESSAGES } from '../../src/engine/input.messages.js';

const MNIST = { inputShape: [1, 28, 28], classes: 10 };
const errorOf = (r: NetworkResult) => {
  if (r.ok) throw new Error('expected an error');
  return r.error;
};
/** A bare element that says an engine message in its `lang` (as an element says a layers error). */
class SayProbe extends LitElement {
  readonly localize = new LocalizeController(this, {});
  protected override render() {
    return html``;
  }
}
customElements.define('network-value-say-probe', SayProbe);

/** The lesson's CNN as plain specs, without names (the writer's data). */
const unnamed = () => CNN.layers.map(({ name: _name, ...l }) => l);

describe('models/network-value: the text, or the engine’s plain layer specs', () => {
  it('specs (an array, { layers }, or their JSON) give the network the text gives, named as the summary names it', () => {
    for (const value of [unnamed(), { layers: unnamed() }, JSON.stringify(unnamed()), JSON.stringify(CNN)]) {
      const r = parseNetworkValue(value, MNIST);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.spec.layers).to.deep.equal(CNN.layers);
      expect(r.walk.totalParams).to.equal(45424);
    }
    // Names the writer gave are replaced: the summary, the engine and the PyTorch export use one set.
    const named = parseNetworkValue(
      [
        { type: 'flatten', name: 'x' },
        { type: 'dense', units: 10, name: 'out' },
      ],
      MNIST,
    );
    expect(named.ok && named.spec.layers.map((l) => l.name)).to.deep.equal(['flatten', 'fc1']);
    // PyTorch text goes to the parser as before.
    const text = parseNetworkValue('Flatten(), Linear(784, 10)', MNIST);
    expect(text.ok && text.walk.totalParams).to.equal(7850);
  });

  it('an error about specs says which layer, never a line and column of text the writer never saw', () => {
    const pool = errorOf(
      parseNetworkValue(
        [
          { type: 'conv2d', filters: 4, kernelSize: 3 },
          { type: 'maxpool2d', poolSize: 40 },
        ],
        MNIST,
      ),
    );
    expect(pool.layerIndex).to.equal(1);
    expect(formatLayersError(pool)).to.match(/^Layer 2: pool1: /);
    const classes = errorOf(parseNetworkValue([{ type: 'flatten' }, { type: 'dense', units: 12 }], MNIST));
    expect(formatLayersError(classes)).to.match(
      /^Layer 2: The last layer gives 12 outputs, but the data has 10 classes/,
    );
    const big = errorOf(
      parseNetworkValue(
        [{ type: 'flatten' }, { type: 'dense', units: 8000 }, { type: 'dense', units: 10 }],
        MNIST,
      ),
    );
    expect(formatLayersError(big)).to.match(
      /^Layer 2: This network has 6,360,010 parameters, over the 5,000,000/,
    );
    expect(formatLayersError(errorOf(parseNetworkValue([{ type: 'lstm' }], MNIST)))).to.match(
      /^Layer 1 is not a layer spec: .*conv2d.* \(not "lstm"\)/,
    );
    expect(formatLayersError(errorOf(parseNetworkValue([42], MNIST)))).to.match(
      /^Layer 1 is not a layer spec/,
    );
    expect(formatLayersError(errorOf(parseNetworkValue('[{"type": "relu"', MNIST)))).to.match(
      /not valid JSON/,
    );
    expect(formatLayersError(errorOf(parseNetworkValue({ nope: 1 }, MNIST)))).to.match(/^network must be/);
    expect(formatLayersError(errorOf(parseNetworkValue(7, MNIST)))).to.match(/^network must be/);
    expect(formatLayersError(errorOf(parseNetworkValue([], MNIST)))).to.equal('The network has no layers.');
  });

  it('specs the walk takes but that cannot be written out give a real message key, said in every language', async () => {
    // A value no JSON can hold: the walk formats it as "—", writing it as text throws a plain TypeError.
    const odd = [
      { type: 'flatten' },
      { type: 'leakyrelu', negativeSlope: Symbol('slope') },
      { type: 'dense', units: 10 },
    ];
    const error = errorOf(parseNetworkValue(odd, MNIST));
    expect(error.layerIndex).to.equal(-1);
    expect(error.detail?.key).to.equal('net.cannotWrite');
    const why = error.detail?.params['error'];
    expect(why).to.be.a('string').and.not.equal('');
    expect(error.message).to.equal(`These layer specs cannot be written as PyTorch layers: ${String(why)}`);
    expect(formatLayersError(error)).to.equal(error.message);
    const probe = document.createElement('network-value-say-probe') as SayProbe;
    document.body.append(probe);
    try {
      const said: Record<string, string> = {};
      for (const lang of SHIPPED_LANGUAGES) {
        await loadTranslation(lang);
        probe.lang = lang;
        probe.requestUpdate();
        await probe.updateComplete;
        expect(probe.localize.lang).to.equal(lang);
        said[lang] = probe.localize.say(error.detail);
        expect(said[lang], lang).to.contain(String(why));
      }
      expect(said['en']).to.equal(error.message);
      expect(said['de']).to.equal(
        `Diese Schichtspezifikationen lassen sich nicht als PyTorch-Schichten schreiben: ${String(why)}`,
      );
      expect(new Set(Object.values(said)).size, 'each language its own sentence').to.equal(
        SHIPPED_LANGUAGES.length,
      );
    } finally {
      probe.remove();
    }
  });

  it('the input checks say their numbers (example, pixel, class range) through the reader’s Intl', async () => {
    const m = messagesOf(INPUT_MESSAGES)('examples.label', { n: 1234, label: '12', last: 9 });
    const pixel = messagesOf(INPUT_MESSAGES)('examples.pixel', { n: 3, index: 4567 });
    expect(m.text).to.equal('Example 1,234 has label 12: a label is a class number from 0 to 9.');
    const probe = document.createElement('network-value-say-probe') as SayProbe;
    document.body.append(probe);
    try {
      await loadTranslation('de');
      const sayIn = async (lang: string, msg: typeof m) => {
        probe.lang = lang;
        probe.requestUpdate();
        await probe.updateComplete;
        return probe.localize.say(msg);
      };
      expect(await sayIn('de', m)).to.equal(
        'Beispiel 1.234 hat die Klasse 12: Eine Klasse ist eine Nummer von 0 bis 9.',
      );
      expect(await sayIn('de', pixel)).to.contain('Pixel 4.567');
    } finally {
      probe.remove();
    }
  });

  it('tells empty values and JSON from PyTorch text', () => {
    for (const v of ['', '  \n', null, undefined, [], { layers: [] }])
      expect(isEmptyNetwork(v), String(v)).to.equal(true);
    for (const v of ['ReLU()', [{ type: 'relu' }]]) expect(isEmptyNetwork(v)).to.equal(false);
    expect(specsOf('Conv2d(1, 4, 3)')).to.equal(null);
    expect(specsOf(' [{"type":"relu"}]')).to.deep.equal([{ type: 'relu' }]);
  });
});
