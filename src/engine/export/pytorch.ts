/**
 * The run a reader just watched, as one runnable, readable PyTorch script: the notebook's code for it.
 *
 * WHAT IT HOLDS. The `nn.Module` with the summary's layer names (so its state dict says `conv1.weight`, as the
 * safetensors export does); the data read straight from a folder given on the command line: a dataset packed by
 * `npx cnn-widgets pack` (dataset.json and its shards: what `<cnn-trainer data-src>` trains on, the library's own
 * MNIST included), or MNIST's four IDX files (or, without a folder, MNIST through torchvision when it is installed:
 * Debian's python3-torch has no torchvision, so it is optional); the
 * first `trainSize` training and `testSize` test images, as the browser used; pixels scaled to 0..1
 * (`byte / 255`, data/dataset.ts `toFloat`) then standardised per channel with the dataset's mean and standard
 * deviation (dataset.json's `normalize`; MNIST's are torchvision's `Normalize((0.1307,), (0.3081,))`), as the
 * trainer feeds its model (training/pixels.ts); the same optimiser (Adam β = (0.9, 0.999), ε = 1e-8, or SGD with
 * the run's momentum), learning rate and schedule (`learningRateAt` in training/config-base.ts, line for line), batch
 * size, epochs and seed; the mean cross-entropy loss; the accuracy function; the training loop.
 *
 * `--eval` loads the exported weights instead of training and prints the test accuracy, which is the one the
 * browser showed (the same weights on the same images; float rounding aside). The weights are read without
 * the safetensors package: 8-byte little-endian header length, JSON header, little-endian float32.
 *
 * What is not the same: the order of the examples (a different random generator) and the initial weights, so a
 * PyTorch run of the script trains to a similar accuracy, not to the same weights.
 *
 * LIGHT: text only.
 */
import type { ModelSpec } from '../conv-math.js';
import type { LrScheduleName, OptimizerName, TrainConfig } from '../training/config.js';
import { COOLDOWN_FRACTION } from '../training/config-base.js';
import { toTorchCalls } from '../models/torch-calls.js';
import { SCRIPT_FILE } from './file-names.js';

export { SCRIPT_FILE, WEIGHTS_FILE } from './file-names.js';

/** The parts of a training configuration the script reproduces. */
export type ScriptConfig = Pick<
  TrainConfig,
  'epochs' | 'batchSize' | 'learningRate' | 'optimizer' | 'trainSize' | 'seed'
> & { lrSchedule?: LrScheduleName; momentum?: number; testSize?: number };

export interface PyTorchScriptOptions {
  /**
   * File name of exported weights (e.g. `model.safetensors`): the script's `--eval` loads it by default. Without
   * it the script still takes `--eval --weights FILE`.
   */
  weights?: string;
  /** Channels-first input shape (default the spec's). */
  inputShape?: number[];
  /** Class count (default 10). */
  classes?: number;
  /**
   * The dataset: its name for the help text, the folder it was trained from (`data-src`, the default `--data` of
   * a packed dataset), and the IDX file names the script also reads (default MNIST's: `train-images-idx3-ubyte`,
   * …; a `.gz` beside each is read too). `packed`: the dataset is only in the packed format (no torchvision).
   */
  data?: {
    name?: string;
    src?: string;
    packed?: boolean;
    trainImages?: string;
    trainLabels?: string;
    testImages?: string;
    testLabels?: string;
  };
  /** Input standardisation `(pixel/255 − mean) / std`, per channel (default MNIST's, what the trainer uses). */
  normalize?: { mean: number | number[]; std: number | number[] };
}

/**
 * MNIST's pixel mean and standard deviation, the trainer's standardisation (training/core.ts `MNIST_MEAN` and
 * `MNIST_STD`; copied because that module loads TensorFlow.js — test/engine/pytorch-export.test.ts checks they
 * agree).
 */
export const SCRIPT_NORMALIZE = Object.freeze({ mean: 0.1307, std: 0.3081 });

const py = (s: string) => JSON.stringify(s); // a JSON string is a valid Python string literal for our names
/** The last folder name of a `data-src` (`…/fashion-mnist/` → `fashion-mnist`), the default `--data`. */
const folderName = (src: string) =>
  src
    .replace(/[?#].*$/, '')
    .replace(/\/dataset\.json$/i, '')
    .replace(/\/+$/, '')
    .split('/')
    .pop() || null;
/** A number as Python reads it (JavaScript's shortest round-trip form is valid Python). */
const pyNumber = (n: number) => String(n);

/**
 * One runnable Python script (a string) that defines, trains and evaluates `spec` with `config`. Throws an Error
 * for a spec the shape walk refuses.
 */
export function toPyTorch(spec: ModelSpec, config: ScriptConfig, options: PyTorchScriptOptions = {}): string {
  const inputShape = options.inputShape ?? spec.inputShape;
  const calls = toTorchCalls(spec, inputShape);
  const classes = options.classes ?? 10;
  const data = {
    name: 'MNIST',
    trainImages: 'train-images-idx3-ubyte',
    trainLabels: 'train-labels-idx1-ubyte',
    testImages: 't10k-images-idx3-ubyte',
    testLabels: 't10k-labels-idx1-ubyte',
    ...options.data,
  };
  const optimizer: OptimizerName = config.optimizer;
  const norm = options.normalize ?? SCRIPT_NORMALIZE;
  const tuple = (v: number | number[]) => `(${[v].flat().map(pyNumber).join(', ')},)`;
  const packed = Boolean(options.data?.packed);
  const defaultDir = options.data?.src ? folderName(options.data.src) : null;
  const schedule = config.lrSchedule ?? 'constant';
  const width = Math.max(...calls.map((c) => c.name.length));
  const init = calls.map((c) => `        self.${c.name.padEnd(width)} = nn.${c.call}`).join('\n');
  const forward = calls.map((c) => `        x = self.${c.name}(x)`).join('\n');
  const shape = inputShape.length === 3 ? inputShape : [1, ...inputShape];
  return `#!/usr/bin/env python3
"""${spec.title ?? spec.name}: the network trained in the browser by cnn-widgets, in PyTorch.

Train it:                        python3 ${'{script}'} --data DIR
Evaluate the browser's weights:  python3 ${'{script}'} --data DIR --eval${options.weights ? '' : ' --weights FILE'}

${
  packed
    ? `DIR is the folder the browser trained from${options.data?.src ? ` (${options.data.src})` : ''}: the dataset.json
of ${data.name} and its .u8z shards, as \`npx cnn-widgets pack\` wrote them (download the folder).${
        defaultDir
          ? `
Without --data, ./${defaultDir} is read.`
          : ''
      }`
    : `DIR holds the four ${data.name} IDX files (${data.trainImages}, ${data.trainLabels},
${data.testImages}, ${data.testLabels}; gzipped .gz files work too), or a dataset
folder packed by \`npx cnn-widgets pack\` (dataset.json and its shards). Without --data,
torchvision downloads ${data.name} into ./data, if torchvision is installed.`
}
"""
import argparse
import gzip
import json
import math
import os
import struct
import sys
import zlib

import torch
import torch.nn as nn
import torch.nn.functional as F

# ---- The run, as the browser trained it ---------------------------------------------------------------------
TRAIN_SIZE = ${config.trainSize}  # the first N training images
TEST_SIZE = ${config.testSize ?? 10000}  # the first N test images
BATCH_SIZE = ${config.batchSize}
EPOCHS = ${config.epochs}
LEARNING_RATE = ${pyNumber(config.learningRate)}
OPTIMIZER = ${py(optimizer)}  # "adam" or "sgd"
MOMENTUM = ${pyNumber(config.momentum ?? 0.9)}  # SGD only
SCHEDULE = ${py(schedule)}  # "constant", "cooldown" or "cosine"
COOLDOWN_FRACTION = ${COOLDOWN_FRACTION}
SEED = ${config.seed}
INPUT_SHAPE = (${shape.join(', ')})  # channels, height, width
CLASSES = ${classes}
MEAN, STD = ${tuple(norm.mean)}, ${tuple(norm.std)}  # per channel: the browser's trainer standardises so
DEFAULT_DATA = ${defaultDir ? py(defaultDir) : 'None'}  # the folder read without --data
WEIGHTS = ${options.weights ? py(options.weights) : 'None'}


class Net(nn.Module):
    """The layers, named as the browser's model summary names them."""

    def __init__(self):
        super().__init__()
${init}

    def forward(self, x):
${forward}
        return x


def learning_rate_at(step, total):
    """The learning rate of update \`step\` (0-based) of \`total\`: the browser's schedule."""
    if SCHEDULE == "constant" or total <= 1:
        return LEARNING_RATE
    s = min(max(step, 0), total - 1)
    if SCHEDULE == "cosine":
        return LEARNING_RATE * 0.5 * (1 + math.cos(math.pi * s / total))
    # cooldown: constant, then straight down to 0 over the last COOLDOWN_FRACTION of the updates
    return LEARNING_RATE * min(1.0, (total - s) / (COOLDOWN_FRACTION * total))


# ---- Data ----------------------------------------------------------------------------------------------------
def read_idx(folder, name):
    """An IDX file (the format of MNIST) as a uint8 tensor of its shape."""
    for path in (os.path.join(folder, name), os.path.join(folder, name + ".gz"),
                 os.path.join(folder, name.replace("-idx", ".idx"))):
        if os.path.exists(path):
            with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
                raw = f.read()
            ndim = raw[3]
            dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
            return torch.frombuffer(bytearray(raw[4 + 4 * ndim:]), dtype=torch.uint8).reshape(dims)
    sys.exit(f"{name} not found in {folder}")


def read_packed(folder):
    """A dataset packed by \`npx cnn-widgets pack\`: dataset.json beside shards of raw deflate, each holding
    its labels (one byte each) then its images (H×W×C bytes each, channels interleaved)."""
    with open(os.path.join(folder, "dataset.json"), encoding="utf-8") as f:
        meta = json.load(f)
    h, w, c = meta["shape"]
    if (c, h, w) != INPUT_SHAPE or len(meta["classes"]) != CLASSES:
        sys.exit(f"{folder} holds {c}×{h}×{w} images of {len(meta['classes'])} classes; "
                 f"this network takes {'×'.join(map(str, INPUT_SHAPE))} images of {CLASSES}")
    parts = []
    for split in ("train", "test"):
        images, labels = [], []
        for shard in meta[split]["files"]:
            with open(os.path.join(folder, shard["file"]), "rb") as f:
                raw = zlib.decompress(f.read(), -15)
            if len(raw) != shard["rawBytes"]:
                sys.exit(f"{shard['file']} is damaged: {len(raw)} bytes, not {shard['rawBytes']}")
            labels.append(raw[:shard["count"]])
            images.append(raw[shard["count"]:])
        x = torch.frombuffer(bytearray(b"".join(images)), dtype=torch.uint8).reshape(-1, h, w, c)
        parts += [x.permute(0, 3, 1, 2), torch.frombuffer(bytearray(b"".join(labels)), dtype=torch.uint8)]
    return parts


def load_data(folder):
    """(train images, train labels, test images, test labels); images N×C×H×W, standardised like the browser's."""
    folder = folder or DEFAULT_DATA
    if folder and os.path.exists(os.path.join(folder, "dataset.json")):
        parts = read_packed(folder)
    elif folder:
        parts = [read_idx(folder, n) for n in (${py(data.trainImages)}, ${py(data.trainLabels)},
                                             ${py(data.testImages)}, ${py(data.testLabels)})]
    elif ${packed ? 'True' : 'False'}:
        sys.exit("give the folder of the packed dataset with --data DIR")
    else:
        try:
            from torchvision.datasets import MNIST
        except ImportError:
            sys.exit("torchvision is not installed: give the folder of the IDX files with --data DIR")
        train, test = MNIST("data", train=True, download=True), MNIST("data", train=False, download=True)
        parts = [train.data, train.targets, test.data, test.targets]
    mean = torch.tensor(MEAN).view(1, -1, 1, 1)
    std = torch.tensor(STD).view(1, -1, 1, 1)
    def images(t, n):
        return t[:n].reshape(len(t[:n]), *INPUT_SHAPE).float().div(255).sub(mean).div(std)
    return (images(parts[0], TRAIN_SIZE), parts[1][:TRAIN_SIZE].long(),
            images(parts[2], TEST_SIZE), parts[3][:TEST_SIZE].long())


# ---- Weights (safetensors, without the package) ----------------------------------------------------------------
def load_safetensors(path):
    """A safetensors file as a state dict: 8-byte little-endian header length, JSON header, float32 data."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    state = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            sys.exit(f"{name} is {info['dtype']}; expected F32")
        begin, end = info["data_offsets"]
        values = struct.unpack_from("<%df" % ((end - begin) // 4), raw, 8 + n + begin)
        state[name] = torch.tensor(values, dtype=torch.float32).reshape(info["shape"])
    return state


def save_safetensors(state, path):
    """The inverse of load_safetensors (what the browser's importWeights reads)."""
    header, chunks, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, t in state.items():
        values = t.detach().float().contiguous().flatten().tolist()
        chunks.append(struct.pack("<%df" % len(values), *values))
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + 4 * len(values)]}
        offset += 4 * len(values)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


# ---- Training and the accuracy function --------------------------------------------------------------------------
def accuracy(model, images, labels):
    """The fraction of images whose highest score is their label."""
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(images), 1000):
            correct += (model(images[i:i + 1000]).argmax(1) == labels[i:i + 1000]).sum().item()
    return correct / len(images)


def train(model, train_x, train_y, test_x, test_y):
    if OPTIMIZER == "adam":
        optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8)
    else:
        optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)
    generator = torch.Generator().manual_seed(SEED)
    n = len(train_x)
    batches = math.ceil(n / BATCH_SIZE)
    step = 0
    for epoch in range(1, EPOCHS + 1):
        model.train()
        order = torch.randperm(n, generator=generator)
        loss_sum, correct = 0.0, 0
        for b in range(batches):
            idx = order[b * BATCH_SIZE:(b + 1) * BATCH_SIZE]
            for group in optimizer.param_groups:
                group["lr"] = learning_rate_at(step, EPOCHS * batches)
            logits = model(train_x[idx])
            loss = F.cross_entropy(logits, train_y[idx])  # the mean over the batch
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
            loss_sum += loss.item() * len(idx)
            correct += (logits.argmax(1) == train_y[idx]).sum().item()
        print(f"epoch {epoch}: loss {loss_sum / n:.4f}, train accuracy {100 * correct / n:.2f} %, "
              f"test accuracy {100 * accuracy(model, test_x, test_y):.2f} %", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\\n")[0])
    parser.add_argument("--data", help="folder of the packed dataset or the IDX files" + (
        f" (default {DEFAULT_DATA})" if DEFAULT_DATA else " (else torchvision downloads MNIST)"))
    parser.add_argument("--eval", action="store_true", help="load the weights and print the test accuracy")
    parser.add_argument("--weights", default=WEIGHTS, help="safetensors file for --eval (default %(default)s)")
    parser.add_argument("--save", help="after training, save the weights to this safetensors file")
    parser.add_argument("--print-logits", type=int, default=0, metavar="N",
                        help="print the scores of the first N test images (JSON)")
    args = parser.parse_args()
    if sys.byteorder != "little":
        sys.exit("this script reads little-endian float32 directly: run it on a little-endian machine")
    torch.manual_seed(SEED)
    model = Net()
    train_x, train_y, test_x, test_y = load_data(args.data)
    if args.eval:
        if not args.weights:
            sys.exit("--eval needs --weights FILE")
        path = args.weights
        if not os.path.exists(path):
            path = os.path.join(os.path.dirname(os.path.abspath(__file__)), args.weights)
        model.load_state_dict(load_safetensors(path))
    else:
        train(model, train_x, train_y, test_x, test_y)
        if args.save:
            save_safetensors(model.state_dict(), args.save)
    acc = accuracy(model, test_x, test_y)
    print(f"test accuracy: {100 * acc:.2f} % ({round(acc * len(test_x))} of {len(test_x)})")
    if args.print_logits:
        with torch.no_grad():
            print("logits: " + json.dumps(model(test_x[:args.print_logits]).tolist()))


if __name__ == "__main__":
    main()
`.replaceAll('{script}', SCRIPT_FILE);
}
