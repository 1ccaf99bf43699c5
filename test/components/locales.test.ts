/**
 * Every element in every shipped language: it renders with no English left (no word of its English table that
 * the language's own table does not use too) and no key missing, and axe stays clean, light and dark. The
 * lesson's numbers stay right: they are the same numbers, written the locale's way.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/define/conv-calculator.js';
import '../../src/define/kernel-viewer.js';
import '../../src/define/model-summary.js';
import '../../src/define/confusion-matrix.js';
import '../../src/define/digit-pad.js';
import '../../src/define/cnn-trainer.js';
import type { DigitPad } from '../../src/components/digit-pad/digit-pad.js';
import { CnnTrainer, type TrainerSession } from '../../src/components/cnn-trainer/cnn-trainer.js';
import { loadTranslation } from '../../src/components/shared/localize.js';
import { backendFallbackNote } from '../../src/engine/backend-detect.js';
import { threadFallbackNote } from '../../src/engine/worker/spawn.js';
import { cleanup, expectAccessible, fixture, settle } from '../helpers.js';
import { englishLeft as englishLeftIn } from './english-left.js';

const LANGS = ['es', 'fr', 'de', 'zh-CN', 'ja'] as const;

/** Tables by code, loaded once. */
const tables: Record<string, Record<string, unknown>> = {};
/** The English words `el` shows in `lang`, with a little context (english-left.ts). */
const englishLeft = (el: Element, lang: string) => englishLeftIn(el, tables[lang]!);

/** Each element in a state that shows most of its words. */
const ELEMENTS: Record<string, string> = {
  calculator: '<conv-calculator input-size="7" kernel-size="2" stride="2" padding="same"></conv-calculator>',
  'calculator (pool)': '<conv-calculator mode="pool" input-size="28x32"></conv-calculator>',
  'calculator (bad)': '<conv-calculator input-size="abc"></conv-calculator>',
  'kernel viewer': '<kernel-viewer channels="3" padding="1"></kernel-viewer>',
  'kernel viewer (bad)': '<kernel-viewer input="[[1,2],[3]]"></kernel-viewer>',
  'model summary': '<model-summary model="alexnet"></model-summary>',
  'model summary (cnn)': '<model-summary model="cnn" input-shape="1x28x28"></model-summary>',
  'model summary (bad)': '<model-summary model="cnn" input-shape="1x3x3"></model-summary>',
  'confusion matrix': `<confusion-matrix matrix="[[50,2,1],[3,40,7],[0,1,60]]"></confusion-matrix>`,
  'confusion matrix (normalized)': `<confusion-matrix normalize matrix="[[5,0],[0,4]]"></confusion-matrix>`,
  'confusion matrix (waiting)': '<confusion-matrix for="nowhere"></confusion-matrix>',
  trainer: '<cnn-trainer epochs="2" train-size="1000"></cnn-trainer>',
  'trainer (your own network)':
    '<cnn-trainer layers="Conv2d(1, 4, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(676, 10)"></cnn-trainer>',
  'trainer (bad epochs)': '<cnn-trainer epochs="0"></cnn-trainer>',
  'trainer (bad schedule)': '<cnn-trainer lr-schedule="zigzag"></cnn-trainer>',
  'trainer (batch larger than the data)': '<cnn-trainer batch-size="200" train-size="100"></cnn-trainer>',
  'trainer (too much work)': '<cnn-trainer epochs="500" train-size="60000"></cnn-trainer>',
  'trainer (unknown preset)': '<cnn-trainer preset="fast"></cnn-trainer>',
  'model summary (a wrong in_features)':
    '<model-summary input-shape="1x28x28" layers="Conv2d(1, 10, 5), MaxPool2d(2), Conv2d(10, 10, 5), MaxPool2d(2), Flatten(), Linear(200, 10)"></model-summary>',
  'model summary (a misspelt argument)':
    '<model-summary input-shape="1x28x28" layers="Conv2d(1, 16, 3, strid=2), Flatten()"></model-summary>',
  'trainer (a wrong in_features)':
    '<cnn-trainer layers="Conv2d(1, 10, 5), MaxPool2d(2), Conv2d(10, 10, 5), MaxPool2d(2), Flatten(), Linear(200, 10)"></cnn-trainer>',
  'trainer (a network too big to train)':
    '<cnn-trainer layers="Flatten(), Linear(784, 8000), Linear(8000, 10)"></cnn-trainer>',
  'trainer (a bad argument value)':
    '<cnn-trainer layers="Conv2d(1, 16, 2.5), Flatten(), Linear(10, 10)"></cnn-trainer>',
  'confusion matrix (bad)':
    '<confusion-matrix labels="a,,c" matrix="[[1,0,0],[0,1,0],[0,0,1]]"></confusion-matrix>',
};

/** A digit: a vertical bar in the middle of a 28×28 input (the pretrained CNN reads it as a 1). */
const BAR = Float32Array.from({ length: 784 }, (_, i) =>
  i % 28 >= 12 && i % 28 <= 15 && i > 140 && i < 640 ? 1 : 0,
);
const WEIGHTS = '/src/assets/weights/cnn-mnist.json';
type PadState = {
  markup: string;
  hold?: boolean;
  act?: (el: DigitPad) => Promise<unknown>;
  expect: (el: DigitPad) => void;
};

/** `<digit-pad>` in each state a reader meets: loading, waiting, drawn and predicted, teach mode, every error. */
const PAD_STATES: Record<string, PadState> = {
  'cleared (ready)': {
    markup: '<digit-pad></digit-pad>',
    act: async (el) => {
      await el.setPixels(BAR);
      el.clear();
    },
    expect: (el) => expect(el.state).to.equal('ready'),
  },
  'drawn and predicted (layers lit)': {
    markup: '<digit-pad></digit-pad>',
    act: (el) => el.setPixels(BAR),
    expect: (el) => expect(el.prediction, 'a prediction').not.to.equal(null),
  },
  loading: {
    // An address no other test uses: nothing cached, so the pad is still loading at the first render.
    markup: `<digit-pad weights-src="${WEIGHTS}?loading-LANG"></digit-pad>`,
    hold: true,
    expect: (el) => expect(el.state).to.equal('loading'),
  },
  'waiting for a trainer': {
    markup: '<digit-pad for="nowhere"></digit-pad>',
    expect: (el) => expect(el.state).to.equal('waiting'),
  },
  'teach mode, one example taught': {
    markup: '<digit-pad mode="teach"></digit-pad>',
    act: async (el) => {
      await el.setPixels(BAR);
      el.teach(1);
    },
    expect: (el) => expect(el.examples).to.have.length(1),
  },
  'teach mode, a label that is not one': {
    markup: '<digit-pad mode="teach"></digit-pad>',
    act: async (el) => {
      await el.setPixels(BAR);
      el.teach('Hat');
    },
    expect: (el) => expect(el.error).to.contain('"Hat"'),
  },
  'teach mode, blank pad': {
    markup: '<digit-pad mode="teach"></digit-pad>',
    act: async (el) => el.teach(3),
    expect: (el) => expect(el.error).to.be.a('string'),
  },
  'teach mode, bad examples': {
    markup: '<digit-pad mode="teach"></digit-pad>',
    act: async (el) => (el.examples = [{ pixels: new Float32Array(10), label: 1 }]),
    expect: (el) => expect(el.error).to.contain('10'),
  },
  'bad pixels': {
    markup: '<digit-pad></digit-pad>',
    act: (el) => el.setPixels([1, 2, 3]),
    expect: (el) => expect(el.error).to.contain('784'),
  },
  'the weights missing (404)': {
    markup: '<digit-pad weights-src="/nope/LANG.json"></digit-pad>',
    act: (el) => el.setPixels(BAR),
    expect: (el) => expect(el.error).to.contain('404'),
  },
  'the test digits missing (404)': {
    markup: '<digit-pad data-src="/nope/LANG/"></digit-pad>',
    act: async (el) => {
      await el.setPixels(BAR);
      el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=controls] button')[1]!.click();
      for (let i = 0; i < 100 && !el.error; i++) await new Promise((r) => setTimeout(r, 50));
    },
    expect: (el) => expect(el.error).to.contain('404'),
  },
  'bad mode': {
    markup: '<digit-pad mode="paint"></digit-pad>',
    expect: (el) => expect(el.error).to.contain('paint'),
  },
};

/** A trainer whose run is a stand-in the test plays: a download, batches, an epoch, the end. */
class PlayedSession extends EventTarget implements Partial<TrainerSession> {
  state: TrainerSession['state'] = 'idle';
  backend: TrainerSession['backend'] = null;
  history = { batches: [] as never[], epochs: [] as never[] };
  testAccuracy: number | null = null;
  confusion: number[][] | null = null;
  async start() {
    this.set('loading');
  }
  pause() {}
  resume() {}
  stop() {}
  dispose() {}
  fire(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
  set(s: TrainerSession['state']) {
    this.state = s;
    this.fire('state', s);
  }
}
let played: PlayedSession | null = null;
class PlayedTrainer extends CnnTrainer {
  protected override createSession(): Promise<TrainerSession> {
    return Promise.resolve((played = new PlayedSession()) as unknown as TrainerSession);
  }
}
customElements.define('played-cnn-trainer', PlayedTrainer);
const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

describe('every element in every language', () => {
  before(async () => {
    for (const lang of LANGS) {
      await loadTranslation(lang);
      const mod = (await import(`../../src/translations/${lang}.js`)) as { default: Record<string, unknown> };
      tables[lang] = mod.default;
    }
  });
  afterEach(cleanup);

  for (const lang of LANGS) {
    describe(lang, () => {
      for (const [name, markup] of Object.entries(ELEMENTS)) {
        it(`${name}: no English left, accessible in light and dark`, async () => {
          const el = await fixture<HTMLElement & { theme?: string }>(markup.replace('>', ` lang="${lang}">`));
          await settle(el);
          // Open every data table: its words count too.
          for (const b of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=data-toggle]'))
            b.click();
          await settle(el);
          expect(englishLeft(el, lang)).to.deep.equal([]);
          await expectAccessible(el);
          el.theme = 'dark';
          await settle(el);
          await expectAccessible(el);
        });
      }
    });
  }

  let after = () => {};
  afterEach(() => after());
  for (const lang of LANGS) {
    describe(`${lang}: <digit-pad>`, function () {
      this.timeout(60000);
      for (const [name, state] of Object.entries(PAD_STATES)) {
        it(`${name}: no English left, accessible in light and dark`, async () => {
          // `hold`: the weights' download never answers during the test (the pad stays loading).
          const realFetch = window.fetch;
          if (state.hold)
            window.fetch = (input, init) =>
              String(input instanceof Request ? input.url : input).includes('?loading')
                ? new Promise<Response>(() => undefined)
                : realFetch(input, init);
          after = () => (window.fetch = realFetch);
          const el = await fixture<DigitPad>(
            state.markup.replace('>', ` lang="${lang}">`).replace('LANG', lang),
          );
          await state.act?.(el);
          await settle(el);
          state.expect(el);
          expect(englishLeft(el, lang)).to.deep.equal([]);
          await expectAccessible(el);
          el.theme = 'dark';
          await settle(el);
          await expectAccessible(el);
        });
      }
      it('follows a change of lang (English, then this language)', async () => {
        const el = await fixture<DigitPad>('<digit-pad lang="en" mode="teach"></digit-pad>');
        await el.setPixels(BAR);
        await settle(el);
        expect(englishLeft(el, lang).length, 'English first').to.be.greaterThan(3);
        el.setAttribute('lang', lang);
        await settle(el);
        expect(englishLeft(el, lang)).to.deep.equal([]);
      });
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: a trainer downloading, training and done: no English left`, async () => {
      const el = await fixture<PlayedTrainer>(
        `<played-cnn-trainer lang="${lang}" epochs="2" train-size="640"></played-cnn-trainer>`,
      );
      await el.start();
      await settle(el);
      const s = played!;
      const seen: string[] = [];
      const look = async () => {
        await frame();
        await settle(el);
        seen.push(...englishLeft(el, lang));
      };
      s.fire('data-progress', { loaded: 2.5e6, total: 1e7, fraction: 0.25, split: 'train' });
      await look();
      s.backend = 'wasm';
      s.set('training');
      s.fire('train-start', {});
      for (let b = 1; b <= 3; b++)
        s.fire('train-batch', {
          epoch: 1,
          batch: b,
          batches: 10,
          loss: 2 / b,
          accuracy: 0.1 * b,
          imagesPerSecond: 1850,
        });
      await look();
      s.testAccuracy = 0.9;
      s.fire('train-epoch', { epoch: 1, loss: 0.5, accuracy: 0.8, testAccuracy: 0.9 });
      await look();
      expect(el.shadowRoot!.querySelector('[data-testid=live]')!.textContent!.trim()).not.to.equal('');
      s.set('done');
      s.fire('train-end', {});
      await look();
      expect(el.state).to.equal('done');
      expect(seen).to.deep.equal([]);
      await expectAccessible(el);
    });
  }

  describe('a PyTorch layers error, in German', () => {
    const layers =
      'Conv2d(1, 10, 5), MaxPool2d(2), Conv2d(10, 10, 5), MaxPool2d(2), Flatten(), Linear(200, 10)';
    const errorOf = (el: Element) => el.shadowRoot!.querySelector('[part=error]')?.textContent?.trim() ?? '';
    it('<model-summary layers>: the count that arrives, and why, in German', async () => {
      const el = await fixture(
        `<model-summary lang="de" input-shape="1x28x28" layers="${layers}"></model-summary>`,
      );
      await settle(el);
      expect(errorOf(el)).to.contain(
        'Zeile 1, Spalte 84: Linear(200, 10) erhält hier 160 Merkmale (10×4×4): Schreiben Sie Linear(160, 10).',
      );
      el.setAttribute('lang', 'en');
      await settle(el);
      expect(errorOf(el)).to.contain(
        'Linear(200, 10) receives 160 features here (10×4×4): write Linear(160, 10).',
      );
    });
    it('<cnn-trainer layers>: the same message, and a misspelt argument', async () => {
      const el = await fixture(`<cnn-trainer lang="de" layers="${layers}"></cnn-trainer>`);
      await settle(el);
      expect(errorOf(el)).to.contain(
        'Linear(200, 10) erhält hier 160 Merkmale (10×4×4): Schreiben Sie Linear(160, 10).',
      );
      el.setAttribute('layers', 'Conv2d(1, 16, 3, strid=2), Flatten(), Linear(10816, 10)');
      await settle(el);
      expect(errorOf(el)).to.contain(
        'Zeile 1, Spalte 18: unbekanntes Argument "strid" für Conv2d – meinten Sie "stride"?',
      );
    });
  });

  for (const lang of LANGS) {
    it(`${lang}: a trainer's slower-fallback notes (no WebAssembly, no Worker): no English left`, async () => {
      const el = await fixture<PlayedTrainer>(
        `<played-cnn-trainer lang="${lang}" epochs="1" train-size="640"></played-cnn-trainer>`,
      );
      await el.start();
      const s = played! as PlayedSession & Partial<TrainerSession>;
      const backend = backendFallbackNote('wasm', 'cpu', { wasm: { detail: 'refused', cause: 'csp' } })!;
      Object.assign(s, {
        backend: 'cpu',
        backendReport: {
          chosen: 'cpu',
          reason: '',
          candidates: [],
          lost: [],
          decisionMs: 1,
          fallback: backend,
        },
        threadFallback: threadFallbackNote([
          { how: 'blob', error: new Error('blocked'), violated: ['worker-src'] },
        ]),
      });
      s.set('training');
      s.fire('train-start', {});
      await frame();
      await settle(el);
      const note = el.shadowRoot!.querySelector('[part~=note]')!.textContent!.replace(/\s+/g, ' ');
      const live = el.shadowRoot!.querySelector('[data-testid=live]')!.textContent!;
      if (lang === 'de') {
        expect(note).to.contain('Training auf dem Prozessor ohne WebAssembly (8× langsamer)');
        expect(note).to.contain('Training im eigenen Thread der Seite');
        expect(live).to.contain('ohne WebAssembly');
      }
      expect(note).not.to.contain('Training on');
      expect(live).not.to.contain('Training on');
      expect(englishLeft(el, lang)).to.deep.equal([]);
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: a fine-tune refused (nothing trained yet, then a session that refuses): no English left`, async () => {
      const el = await fixture<PlayedTrainer>(`<played-cnn-trainer lang="${lang}"></played-cnn-trainer>`);
      expect(await el.fineTune([])).to.equal(null);
      await settle(el);
      const error = () => el.shadowRoot!.querySelector('[part=error]')?.textContent?.trim() ?? '';
      if (lang === 'de') expect(error()).to.contain('Feinabstimmung braucht ein trainiertes Netz');
      expect(error()).not.to.contain('Fine-tuning');
      expect(englishLeft(el, lang)).to.deep.equal([]);
      // The session's own refusal (a MessageError, as from the Worker) is said in the language too.
      await el.start();
      const s = played! as PlayedSession & Partial<TrainerSession>;
      const { MessageError } = await import('../../src/engine/messages.js');
      const { SESSION_MESSAGES } = await import('../../src/engine/training/session.messages.js');
      Object.assign(s, {
        fineTune: () =>
          Promise.reject(
            new MessageError({ key: 'session.tuning', params: {}, text: SESSION_MESSAGES['session.tuning'] }),
          ),
      });
      s.set('done');
      s.fire('train-end', {});
      await settle(el);
      expect(await el.fineTune([{ pixels: new Float32Array(784), label: 1 }])).to.equal(null);
      await settle(el);
      if (lang === 'de')
        expect(error()).to.equal('Feinabstimmung nicht möglich: Eine Feinabstimmung läuft bereits.');
      expect(englishLeft(el, lang)).to.deep.equal([]);
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: a network that does not fit the data, refused by the session (across the Worker), in the language`, async () => {
      const { TrainingSession } = await import('../../src/engine/training/session.js');
      const { toWire, fromWire } = await import('../../src/engine/training/protocol.js');
      const el = await fixture<PlayedTrainer>(`<played-cnn-trainer lang="${lang}"></played-cnn-trainer>`);
      await el.start();
      const s = played!;
      const error = () => el.shadowRoot!.querySelector('[part=error]')?.textContent?.trim() ?? '';
      const refuse = async (e: unknown) => {
        s.set('error');
        s.fire('train-error', { error: fromWire(toWire(e)) });
        await settle(el);
      };
      // A spec with 7 scores out, on MNIST's 10 classes: the session's own check.
      const spec = {
        name: 'seven',
        inputShape: [1, 28, 28],
        layers: [{ type: 'flatten' }, { type: 'dense', units: 7 }],
      };
      let thrown: unknown = null;
      try {
        new TrainingSession({ spec: spec as never });
      } catch (e) {
        thrown = e;
      }
      expect((thrown as Error).message).to.match(/^spec: /);
      await refuse(thrown);
      expect(error()).to.contain('spec');
      if (lang === 'de') expect(error()).not.to.contain('receives');
      expect(englishLeft(el, lang)).to.deep.equal([]);
      // A dataset (data-src) the network was not written for: said when the session fits the network to it.
      const session = new TrainingSession({
        spec: {
          name: 'mnist',
          inputShape: [1, 28, 28],
          layers: [{ type: 'flatten' }, { type: 'dense', units: 10 }],
        } as never,
      });
      const open = session as unknown as { setDataset(d: unknown): void; fitted(): unknown };
      open.setDataset({
        name: 'CIFAR-10',
        classes: ['a', 'b', 'c'],
        shape: [32, 32, 3],
        normalize: { mean: [0, 0, 0], std: [1, 1, 1] },
        counts: { train: 10, test: 10 },
      });
      thrown = null;
      try {
        open.fitted();
      } catch (e) {
        thrown = e;
      }
      expect((thrown as Error).message).to.match(
        /^Your network \(layers\) does not fit CIFAR-10 \(3×32×32 images, 3 classes\): /,
      );
      await refuse(thrown);
      if (lang === 'de')
        expect(error()).to.contain(
          'Ihr Netz (layers) passt nicht zu CIFAR-10 (Bilder von 3×32×32, 3 Klassen):',
        );
      expect(error()).to.contain('CIFAR-10');
      expect(englishLeft(el, lang)).to.deep.equal([]);
      session.dispose();
    });
  }

  let faultId = 0;
  /** A real network fault on one file of the served MNIST (scripts/lib/faults.mjs). */
  const fault = (kind: string, file: string) =>
    `/__fault/${kind},99,${file},l${Date.now()}x${faultId++}/dist/assets/mnist/`;
  for (const lang of LANGS) {
    it(`${lang}: a data-src whose dataset.json is a web page, then damaged: said in the language`, async () => {
      const errorOf = (el: Element) =>
        el.shadowRoot!.querySelector('[part=error]')?.textContent?.trim() ?? '';
      const shown = async (el: CnnTrainer) => {
        for (let t0 = performance.now(); !errorOf(el) && performance.now() - t0 < 20000;) await settle(el);
        return errorOf(el);
      };
      let el = await fixture<CnnTrainer>(
        `<cnn-trainer lang="${lang}" data-src="${fault('html', 'dataset.json')}"></cnn-trainer>`,
      );
      let error = await shown(el);
      expect(el.error).to.equal(error); // what the element says, in the language
      if (lang === 'de')
        expect(error).to.match(
          /^Der Datensatz unter \S+ liegt nicht in dem Format vor, das diese Bibliothek liest \(eine Webseite statt JSON: Prüfen Sie die Adresse \(data-src\)\)\.$/,
        );
      expect(error).to.contain('data-src');
      expect(englishLeft(el, lang)).to.deep.equal([]);
      cleanup();
      el = await fixture<CnnTrainer>(
        `<cnn-trainer lang="${lang}" data-src="${fault('flip', 'dataset.json')}"></cnn-trainer>`,
      );
      error = await shown(el);
      expect(error).to.contain('dataset.json');
      expect(error).not.to.contain('arrived damaged');
      if (lang === 'de') expect(error).to.match(/^Der Datensatz konnte nicht geladen werden: /);
      expect(englishLeft(el, lang)).to.deep.equal([]);
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: a data-src that is not an address: said in the language`, async () => {
      const el = await fixture<CnnTrainer>(
        `<cnn-trainer lang="${lang}" data-src="http://[nope]/mnist/"></cnn-trainer>`,
      );
      const errorOf = () => el.shadowRoot!.querySelector('[part=error]')?.textContent?.trim() ?? '';
      for (let t0 = performance.now(); !errorOf() && performance.now() - t0 < 10000;) await settle(el);
      const error = errorOf();
      expect(error).to.contain('data-src');
      expect(error).to.contain('http://[nope]/mnist/');
      expect(error).not.to.contain('not a valid address');
      if (lang === 'de')
        expect(error).to.equal(
          '"http://[nope]/mnist/" ist keine gültige Adresse für einen Datensatz (data-src).',
        );
      expect(englishLeft(el, lang)).to.deep.equal([]);
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: more data than a tab should hold, refused by the session (across the Worker), in the language`, async () => {
      const { TrainingSession } = await import('../../src/engine/training/session.js');
      const { toWire, fromWire } = await import('../../src/engine/training/protocol.js');
      // A dataset.json (written by hand: no checksum) of 30,000 + 1,000 RGB images of 64×64: 381 MB.
      const pixels = 64 * 64 * 3;
      const split = (count: number, file: string) => ({
        count,
        files: [{ file, start: 0, count, bytes: 1, rawBytes: count * (pixels + 1), fnv1a: '0' }],
      });
      const json = JSON.stringify({
        format: 'cnn-widgets-dataset',
        version: 1,
        name: 'Big',
        shape: [64, 64, 3],
        classes: ['a', 'b'],
        normalize: { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] },
        train: split(30000, 'train-0.u8z'),
        test: split(1000, 'test-0.u8z'),
      });
      const realFetch = window.fetch;
      window.fetch = (input, init) =>
        String(input instanceof Request ? input.url : input).includes(`/big-${lang}/dataset.json`)
          ? Promise.resolve(new Response(json, { headers: { 'content-type': 'application/json' } }))
          : realFetch(input, init);
      after = () => (window.fetch = realFetch);
      const session = new TrainingSession({ dataSrc: `/big-${lang}/`, trainSize: 30000, testSize: 1000 });
      let thrown: unknown = null;
      try {
        await (session as unknown as { loadData(): Promise<unknown> }).loadData();
      } catch (e) {
        thrown = e;
      }
      session.dispose();
      expect((thrown as Error | null)?.message).to.equal(
        "30,000 training and 1,000 test images of 64×64×3 are 381 MB, more than a reader's tab should hold (256 MB): set train-size to at most 19,833.",
      );
      const el = await fixture<PlayedTrainer>(`<played-cnn-trainer lang="${lang}"></played-cnn-trainer>`);
      await el.start();
      const s = played!;
      s.set('error');
      s.fire('train-error', { error: fromWire(toWire(thrown)) });
      await settle(el);
      const error = el.shadowRoot!.querySelector('[part=error]')?.textContent?.trim() ?? '';
      expect(error).to.contain('train-size');
      expect(error).not.to.contain('should hold');
      if (lang === 'de')
        expect(error).to.contain(
          '30.000 Trainings- und 1.000 Testbilder von 64×64×3 sind 381 MB, mehr als ein Browser-Tab fassen sollte (256 MB): Setzen Sie train-size auf höchstens 19.833.',
        );
      expect(englishLeft(el, lang)).to.deep.equal([]);
    });
  }

  /** A real network fault on one file of the served pretrained weights (the manifest or its binary). */
  const weightsFault = (kind: string, file: string) =>
    `/__fault/${kind},99,${file},w${Date.now()}x${faultId++}/dist/assets/weights/cnn-mnist.json`;
  for (const lang of LANGS) {
    it(`${lang}: a weights-src that answers a web page, then a damaged manifest: said in the language`, async () => {
      const errorOf = (el: Element) =>
        el.shadowRoot!.querySelector('[part=error]')?.textContent?.trim() ?? '';
      const shown = async (el: DigitPad) => {
        for (let t0 = performance.now(); !errorOf(el) && performance.now() - t0 < 20000;) await settle(el);
        return errorOf(el);
      };
      let el = await fixture<DigitPad>(
        `<digit-pad lang="${lang}" weights-src="${weightsFault('html', 'cnn-mnist.json')}"></digit-pad>`,
      );
      let error = await shown(el);
      expect(error).to.contain('weights-src');
      expect(error).to.contain('cnn-mnist.json');
      expect(error).not.to.contain('web page');
      if (lang === 'de')
        expect(error).to.match(
          /^Das Manifest des vortrainierten Netzes \(\S+cnn-mnist\.json\) ist eine Webseite statt JSON: Prüfen Sie die Adresse \(weights-src\)\.$/,
        );
      expect(englishLeft(el, lang)).to.deep.equal([]);
      cleanup();
      // Not the library's own copy (no build-time checksum): the manifest's bytes reach JSON.parse, damaged.
      el = await fixture<DigitPad>(
        `<digit-pad lang="${lang}" weights-src="${weightsFault('flip', 'cnn-mnist.json')}"></digit-pad>`,
      );
      error = await shown(el);
      expect(error).to.contain('cnn-mnist.json');
      expect(error).not.to.contain('not valid JSON');
      if (lang === 'de')
        expect(error).to.match(
          /^Das vortrainierte Netz konnte nicht geladen werden: \S+ kam beschädigt an \(sein Manifest ist kein gültiges JSON\)\./,
        );
      expect(englishLeft(el, lang)).to.deep.equal([]);
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: a safetensors file for another network is refused in the language`, async () => {
      const { encodeSafetensors } = await import('../../src/engine/export/safetensors.js');
      const el = await fixture<CnnTrainer>(`<cnn-trainer lang="${lang}" model="fnn"></cnn-trainer>`);
      await settle(el);
      const file = encodeSafetensors([{ name: 'head.weight', shape: [2], data: new Float32Array(2) }]);
      let thrown: unknown = null;
      await el.importWeights(new Blob([file as Uint8Array<ArrayBuffer>])).catch((e: unknown) => (thrown = e));
      expect((thrown as Error).message).to.match(
        /^Could not load the weights: These weights are not for this network: it lacks .*; it has head\.weight/,
      );
      await settle(el);
      const error = el.shadowRoot!.querySelector('[part=error]')!.textContent!.trim();
      if (lang === 'de')
        expect(error).to.match(
          /^Die Gewichte konnten nicht geladen werden: Diese Gewichte gehören nicht zu diesem Netz: Es fehlt .*; sie enthalten head\.weight, was dieses Netz nicht hat\.$/,
        );
      expect(error).to.contain('head.weight');
      expect(englishLeft(el, lang)).to.deep.equal([]);
    });
  }

  it('would see English left (the check can fail)', async () => {
    const el = await fixture<HTMLElement>('<conv-calculator lang="en"></conv-calculator>');
    expect(englishLeft(el, 'de').length).to.be.greaterThan(5);
  });

  it('keeps the lesson’s numbers in every language (formatted the locale’s way)', async () => {
    const expected: Record<string, string> = {
      es: '61.100.840',
      fr: '61 100 840',
      de: '61.100.840',
      'zh-CN': '61,100,840',
      ja: '61,100,840',
    };
    for (const lang of LANGS) {
      const el = await fixture<HTMLElement & { totalParams: number }>(
        `<model-summary model="alexnet" lang="${lang}"></model-summary>`,
      );
      expect(el.totalParams).to.equal(61_100_840);
      const total = el.shadowRoot!.querySelector('[data-testid=total-params]')!.textContent!.trim();
      expect(total.replace(/\s/g, ' '), lang).to.equal(expected[lang]!.replace(/\s/g, ' '));
      cleanup();
    }
  });
});
