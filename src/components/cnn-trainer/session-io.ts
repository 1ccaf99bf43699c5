/**
 * What the trainer asks of the engine beyond the run itself: the session it creates (loaded on first use, so a
 * page that never starts training downloads none of it, and one that trains in a Worker no TensorFlow.js), and the network
 * taken out of the page and brought back in — the PyTorch script, the weights as safetensors — with the
 * buttons that offer them once a run has trained.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { TrainConfig } from '../../engine/training/config.js';
import type { DatasetInfo, TrainerSession, TrainerState } from '../../engine/training/types.js';
import type { ModelSpec } from '../../engine/conv-math.js';
import { MODEL_SPECS } from '../../engine/models/specs.js';
import { fitSpec } from '../../engine/models/fit.js';
import type { PyTorchScriptOptions } from '../../engine/export/pytorch.js';
import { SCRIPT_FILE, WEIGHTS_FILE } from '../../engine/export/file-names.js';
import { lazy } from '../shared/lazy.js';
import type { TrainerLocalize } from './cnn-trainer.strings.js';
import { MessageError, messageOf, messagesOf, type Message } from '../../engine/messages.js';
import { FILES_MESSAGES } from '../../engine/export/files.messages.js';

const say = messagesOf(FILES_MESSAGES);

/** The PyTorch script writer and the safetensors codec (model-files.ts), loaded from the first update on. */
export const modelFiles = lazy('the PyTorch exporter', () => import('./model-files.js'));

/** The configuration each session was created with, so the files follow the run, not later edits of the form. */
const runConfigs = new WeakMap<object, TrainConfig>();

/**
 * Creates the engine's training session. Its module is light (training/session.ts): it loads TensorFlow.js only
 * where the run trains on the page's thread, so in a Worker the page evaluates none of it.
 */
export async function createTrainingSession(config: TrainConfig): Promise<TrainerSession> {
  const mod = (await import('../../engine/training/session.js')) as unknown as {
    TrainingSession?: new (c: TrainConfig) => TrainerSession;
  };
  if (!mod.TrainingSession) throw new Error('This build of cnn-widgets has no training engine.');
  const session = new mod.TrainingSession(config);
  runConfigs.set(session, config);
  return session;
}

/** The network a configuration trains: the writer's own (`spec`), else the lesson's `model`. */
const specOf = (config: TrainConfig): ModelSpec => config.spec ?? MODEL_SPECS[config.model];

/** What the trainer element gives the controller. */
export interface ModelFilesHost extends ReactiveControllerHost, HTMLElement {
  readonly session: TrainerSession | null;
  readonly state: TrainerState;
  /** The configuration in effect (null when a setting is bad). */
  readonly config: TrainConfig | null;
  /** The message shown (after a failed run, its reason). */
  readonly error: string | null;
  /** What it trains on (a lesson network is fitted to it), or null while unknown. */
  readonly datasetInfo: DatasetInfo | null;
}

/**
 * The trainer's way out to PyTorch and back: `toPyTorch()`, `exportWeights()`, `importWeights()`, the three
 * buttons that call them, and the last failure of one (`error`, which the element shows in `part="error"`).
 *
 * Weights loaded while a run trains (or is paused) go into its model. Outside a run (a fresh trainer, or one
 * that finished), they start a run of their own that trains nothing: it builds the network of the settings in
 * effect from the file's weights and evaluates it on the test images (`evaluateOnly`), so `testAccuracy`,
 * `confusion` and `session.predict` are those of the loaded model, and every widget that follows the trainer
 * updates on its `train-start` and `train-end`.
 */
export class ModelFilesController {
  /** Why the last export or import failed, or null. Cleared by the next success and by a new run. */
  error: Message | string | null = null;

  constructor(
    private readonly host: ModelFilesHost,
    /** Runs a configuration as the element's own run (its Start), resolving when it ends. */
    private readonly run: (config: TrainConfig) => Promise<void>,
  ) {}

  /**
   * The configuration of the current run (the session's own once it knows its data: with the dataset and the
   * network fitted to it), else the one in effect; throws the settings' message when bad.
   */
  private config(): TrainConfig {
    const s = this.host.session as (TrainerSession & { config?: TrainConfig }) | null;
    const c = s?.config ?? (s && runConfigs.get(s)) ?? this.host.config;
    if (!c) throw new Error('The settings are not valid (see the message in the trainer).');
    return c;
  }

  toPyTorch(options: PyTorchScriptOptions = {}): string {
    const c = this.config();
    const d = c.dataset;
    // Another dataset than the library's MNIST: the script reads the packed folder the browser trained from.
    const own = d && c.dataSrc ? { data: { name: d.name, src: c.dataSrc, packed: true } } : {};
    const facts = d ? { classes: d.classes.length, normalize: d.normalize } : {};
    const files = modelFiles.module;
    if (!files)
      throw new Error(
        'The PyTorch exporter is still loading: call toPyTorch() once the trainer’s updateComplete has resolved.',
      );
    return files.toPyTorch(specOf(c), c, { ...own, ...facts, ...options });
  }

  async exportWeights(): Promise<Blob> {
    const s = this.host.session;
    if (!s?.weights || this.host.state === 'loading') throw new MessageError(say('io.noWeights'));
    const { exportSafetensors } = await modelFiles.load();
    const bytes = exportSafetensors(await s.weights(), specOf(this.config()));
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  }

  async importWeights(source: Blob | string): Promise<void> {
    try {
      const [bytes, { importSafetensors }] = await Promise.all([readSource(source), modelFiles.load()]);
      const s = this.host.session;
      const st = this.host.state;
      if (st === 'loading') throw new MessageError(say('io.starting'));
      if (s?.setWeights && (st === 'training' || st === 'paused')) {
        await s.setWeights(importSafetensors(bytes, specOf(this.config())));
      } else {
        const config = this.host.config;
        if (!config) throw new MessageError(say('io.badSettings'));
        // Checked against the network before anything changes: a file for another network is refused here.
        const data = this.host.datasetInfo;
        const spec = config.spec ?? (data ? fitSpec(MODEL_SPECS[config.model], data) : specOf(config));
        const initialWeights = importSafetensors(bytes, spec);
        await this.run({ ...config, initialWeights, evaluateOnly: true, workers: 1 });
        if (this.host.state !== 'done')
          throw this.host.error ? new Error(this.host.error) : new MessageError(say('io.notStarted'));
      }
      this.report(null);
    } catch (e) {
      const message = say('io.loadFailed', {
        error: messageOf(e) ?? (e instanceof Error ? e.message : String(e)),
      });
      this.report(message);
      throw new MessageError(message, { cause: e });
    }
  }

  private report(error: Message | string | null): void {
    this.error = error;
    this.host.requestUpdate();
  }

  /**
   * The buttons: "Load weights" (`part="load-weights"`) whenever no run is in progress, or while one is paused;
   * "Download PyTorch code" and "Download weights" (`part="download-code"`, `"download-weights"`) once a run
   * trained (or loaded weights).
   */
  render(busy: boolean, l: TrainerLocalize) {
    const st = this.host.state;
    const trained = this.host.session !== null && (st === 'done' || st === 'paused');
    if (busy && st !== 'paused') return nothing;
    return html`<div part="files" class="actions files">
      ${
        trained
          ? html`<button part="download-code" class="secondary" @click=${() => this.download('code')}>
                ${l.term('trainer.downloadCode')}
              </button>
              <button part="download-weights" class="secondary" @click=${() => this.download('weights')}>
                ${l.term('trainer.downloadWeights')}
              </button>`
          : nothing
      }
      <label part="load-weights" class="secondary"
        >${l.term('trainer.loadWeights')} <input type="file" accept=".safetensors" @change=${this.onFile}
      /></label>
    </div>`;
  }

  private readonly onFile = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.importWeights(file).catch(() => {}); // shown in part="error" by importWeights
  };

  private async download(what: 'code' | 'weights'): Promise<void> {
    try {
      const blob =
        what === 'code'
          ? new Blob([this.toPyTorch({ weights: WEIGHTS_FILE })], { type: 'text/x-python' })
          : await this.exportWeights();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = what === 'code' ? SCRIPT_FILE : WEIGHTS_FILE;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 0);
      this.report(null);
    } catch (e) {
      this.report(messageOf(e) ?? (e instanceof Error ? e.message : String(e)));
    }
  }
}

/** The bytes of a Blob, or of a URL fetched (a shared trained model); a failed fetch says which URL. */
async function readSource(source: Blob | string): Promise<ArrayBuffer> {
  if (source instanceof Blob) return source.arrayBuffer();
  if (typeof source !== 'string') throw new MessageError(say('io.source'));
  const res = await fetch(source);
  if (!res.ok)
    throw new MessageError(
      say('io.answered', { url: source, status: `${res.status} ${res.statusText}`.trim() }),
    );
  return res.arrayBuffer();
}
