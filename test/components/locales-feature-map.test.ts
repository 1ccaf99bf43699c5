/**
 * `<feature-map>` in every shipped language, in each state a reader meets: photo mode with maps (filters, ReLU,
 * pooling, before/after, a chain of layers), trainer mode (maps, waiting, bad layer, bad digit), loading, and
 * every kind of bad input (src, kernel, layers, filters, seed): no English left, no key missing, axe clean in
 * light and dark, and it follows a change of `lang`. (Its own file: locales.test.ts is shared by the other
 * elements' work.)
 */
import { expect } from '@esm-bundle/chai';
import '../../src/define/feature-map.js';
import type { FeatureMap } from '../../src/components/feature-map/feature-map.js';
import { loadTranslation } from '../../src/components/shared/localize.js';
import { cleanup, expectAccessible, fixture, settle } from '../helpers.js';
import { photo } from './photo.js';
import { englishLeft } from './english-left.js';

const LANGS = ['es', 'fr', 'de', 'zh-CN', 'ja'] as const;
const tables: Record<string, Record<string, unknown>> = {};

/** A stand-in trainer: `session.activations` answers conv1 (26×26×4) and nothing else. */
function fakeTrainer(id: string) {
  const t = document.createElement('div') as HTMLDivElement & { session: unknown };
  t.id = id;
  t.session = {
    state: 'training',
    activations: async (_pixels: Float32Array, layers: string[]) =>
      Object.fromEntries(
        layers
          .filter((l) => l === 'conv1')
          .map((l) => [
            l,
            { shape: [1, 26, 26, 4], data: Float32Array.from({ length: 2704 }, (_, i) => i % 7) },
          ]),
      ),
  };
  return t;
}

type State = {
  markup: string;
  /** A stand-in trainer with this id is put on the page first. */
  trainer?: string;
  /** The photo's download never answers (the element stays loading). */
  hold?: boolean;
  /** What the writer wrote that the element shows as written (an address). */
  own?: string[];
  expect: (el: FeatureMap) => void;
};

const until = async (el: FeatureMap, done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 25));
  await settle(el);
};

const PHOTO = photo();
const STATES: Record<string, State> = {
  'photo: preset filters': {
    markup: `<feature-map src="${PHOTO}"></feature-map>`,
    expect: (el) => expect(el.maps?.shape).to.deep.equal([4, 18, 22]),
  },
  'photo: random filters, ReLU, pooling, before/after': {
    markup: `<feature-map src="${PHOTO}" filters="3" activation="relu" pool="2" compare></feature-map>`,
    expect: (el) => expect(el.mapsBefore?.shape).to.deep.equal([3, 18, 22]),
  },
  'photo: a custom kernel': {
    markup: `<feature-map src="${PHOTO}" kernel="[[1,0],[0,-1]]"></feature-map>`,
    expect: (el) => expect(el.maps?.shape).to.deep.equal([1, 19, 23]),
  },
  'photo: a chain of layers': {
    markup: `<feature-map src="${PHOTO}" layers='[{"filters":"3","kernelSize":3},{"filters":"2","kernelSize":3,"stride":2,"activation":"relu","pool":2}]'></feature-map>`,
    expect: (el) => expect(el.maps?.shape).to.deep.equal([2, 4, 5]),
  },
  'photo: loading': {
    markup: `<feature-map src="/src/assets/images/chelsea-320.png?loading-LANG"></feature-map>`,
    hold: true,
    expect: (el) => expect(el.state).to.equal('loading'),
  },
  'bad src (404)': {
    markup: '<feature-map src="/nope/LANG.png"></feature-map>',
    expect: (el) => expect(el.error).to.contain('404'),
  },
  'bad src (not an image)': {
    markup: '<feature-map src="data:image/png;base64,AAAA"></feature-map>',
    own: ['data:image/png;base64,AAAA'],
    expect: (el) => expect(el.error).to.contain('data:image/png'),
  },
  'bad kernel (ragged)': {
    markup: '<feature-map kernel="[[1,2],[3]]"></feature-map>',
    expect: (el) => expect(el.error).to.contain('2'),
  },
  'bad kernel (not square)': {
    markup: '<feature-map kernel="[[1,2,3],[4,5,6]]"></feature-map>',
    expect: (el) => expect(el.error).to.contain('2×3'),
  },
  'bad layers (not JSON)': {
    markup: `<feature-map layers="[nope"></feature-map>`,
    expect: (el) => expect(el.error).to.contain('kernelSize'),
  },
  'bad layers (unknown key)': {
    markup: `<feature-map layers='[{"filters":"2"},{"filters":"2","kolor":1}]'></feature-map>`,
    expect: (el) => expect(el.error).to.contain('kolor'),
  },
  'bad layers (stride in a later layer)': {
    markup: `<feature-map layers='[{"filters":"2"},{"filters":"2","stride":0}]'></feature-map>`,
    expect: (el) => expect(el.error).to.match(/2/),
  },
  'bad layers (PyTorch: a Linear on a photo)': {
    markup: `<feature-map layers="Conv2d(3, 2, 3), ReLU(), Linear(10, 2)"></feature-map>`,
    expect: (el) => expect(el.error).to.contain('Linear'),
  },
  'bad layers (PyTorch: ReLU twice)': {
    markup: `<feature-map layers="Conv2d(3, 2, 3), ReLU(), ReLU()"></feature-map>`,
    expect: (el) => expect(el.error).to.contain('ReLU'),
  },
  'bad layers (PyTorch: a misspelt argument)': {
    markup: `<feature-map layers="Conv2d(3, 4, 3, strid=2)"></feature-map>`,
    expect: (el) => {
      expect(el.error).to.contain('strid');
      expect(el.error).not.to.match(/^Layers: Line/);
    },
  },
  'bad filters': {
    markup: '<feature-map filters="sobel-x,nope"></feature-map>',
    expect: (el) => expect(el.error).to.contain('nope'),
  },
  'bad kernel size': {
    markup: '<feature-map filters="2" kernel-size="2.5"></feature-map>',
    expect: (el) => expect(el.error).to.match(/2[.,]5/),
  },
  'bad seed': {
    markup: '<feature-map filters="2" seed="1.5"></feature-map>',
    expect: (el) => expect(el.error).to.match(/1[.,]5/),
  },
  'trainer: maps of conv1': {
    markup: '<feature-map for="fm-tr-LANG" layer="conv1" digit="3"></feature-map>',
    trainer: 'fm-tr-LANG',
    expect: (el) => expect(el.maps?.shape).to.deep.equal([4, 26, 26]),
  },
  'trainer: waiting for it to appear': {
    markup: '<feature-map for="nowhere"></feature-map>',
    expect: (el) => expect(el.state).to.equal('waiting'),
  },
  'trainer: a layer it does not have': {
    markup: '<feature-map for="fm-tr-LANG" layer="conv9"></feature-map>',
    trainer: 'fm-tr-LANG',
    expect: (el) => expect(el.error).to.contain('conv9'),
  },
  'trainer: a digit that is not one': {
    markup: '<feature-map for="fm-tr-LANG" digit="12"></feature-map>',
    trainer: 'fm-tr-LANG',
    expect: (el) => expect(el.error).to.contain('12'),
  },
};

describe('<feature-map> in every language', function () {
  this.timeout(60000);
  before(async () => {
    for (const lang of LANGS) {
      await loadTranslation(lang);
      const mod = (await import(`../../src/translations/${lang}.js`)) as { default: Record<string, unknown> };
      tables[lang] = mod.default;
    }
  });
  let after = () => {};
  afterEach(() => {
    after();
    after = () => {};
    cleanup();
  });

  async function mount(state: State, lang: string): Promise<FeatureMap> {
    const realFetch = window.fetch;
    if (state.hold) {
      window.fetch = (input, init) =>
        String(input instanceof Request ? input.url : input).includes('?loading')
          ? new Promise<Response>(() => undefined)
          : realFetch(input, init);
      after = () => (window.fetch = realFetch);
    }
    const host = document.createElement('div');
    host.className = 'fixture';
    if (state.trainer) host.appendChild(fakeTrainer(state.trainer.replace('LANG', lang)));
    host.insertAdjacentHTML(
      'beforeend',
      state.markup.replace('>', ` lang="${lang}">`).replaceAll('LANG', lang),
    );
    document.body.appendChild(host);
    const el = host.querySelector('feature-map') as FeatureMap;
    await settle(el);
    await until(el, () =>
      state.hold
        ? el.state === 'loading'
        : el.state === 'ready' || el.state === 'error' || el.state === 'waiting',
    );
    return el;
  }

  for (const lang of LANGS) {
    describe(lang, () => {
      for (const [name, state] of Object.entries(STATES)) {
        it(`${name}: no English left, accessible in light and dark`, async () => {
          const el = await mount(state, lang);
          state.expect(el);
          expect(englishLeft(el, tables[lang]!, state.own)).to.deep.equal([]);
          await expectAccessible(el);
          el.theme = 'dark';
          await settle(el);
          await expectAccessible(el);
        });
      }

      it('follows a change of lang (English, then this language)', async () => {
        const el = await fixture<FeatureMap>(
          `<feature-map lang="en" src="${PHOTO}" filters="2" activation="relu" compare></feature-map>`,
        );
        await until(el, () => el.state === 'ready');
        expect(englishLeft(el, tables[lang]!).length, 'English first').to.be.greaterThan(3);
        el.setAttribute('lang', lang);
        await settle(el);
        expect(englishLeft(el, tables[lang]!)).to.deep.equal([]);
        // An error already shown is said again in the new language.
        el.setAttribute('lang', 'en');
        el.filters = 'nope';
        await until(el, () => el.state === 'error');
        expect(el.error).to.match(/^Unknown filter "nope"/);
        el.setAttribute('lang', lang);
        await settle(el);
        expect(el.error).not.to.match(/Unknown filter/);
        expect(el.error).to.contain('nope');
        expect(englishLeft(el, tables[lang]!)).to.deep.equal([]);
      });
    });
  }

  it('would see English left (the check can fail)', async () => {
    const el = await fixture<FeatureMap>(`<feature-map lang="en" kernel="[[1,2,3],[4,5,6]]"></feature-map>`);
    await until(el, () => el.state === 'error');
    expect(englishLeft(el, tables['de']!).length).to.be.greaterThan(2);
  });
});
