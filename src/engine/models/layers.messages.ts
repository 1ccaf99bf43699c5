/**
 * The English of the PyTorch-layers parser and checks (pytorch-layers.ts, pytorch-signatures.ts,
 * pytorch-network.ts, network-value.ts; see ../messages.ts): what is wrong with a `layers` text and how to fix
 * it. Code (layer names, `Conv2d(1, 16, 3)`, `'same'`, `True`) is passed as values and stays as written in every
 * language. Also the English translation table's entries for them.
 */
import type { MessageFormats } from '../messages.js';

type F = MessageFormats;

const count = (f: F, n: number, one: string, many = `${one}s`) =>
  `${f.number(Math.round(n))} ${n === 1 ? one : many}`;
const lowerFirst = (s: string) => String(s).charAt(0).toLowerCase() + String(s).slice(1);
const mflop = (f: F, n: number) => f.number(n, { maximumFractionDigits: n < 10 ? 1 : 0 });

export const LAYERS_MESSAGES = {
  // Where an error is (formatLayersError).
  'layers.at': (p: { line: number; column: number; error: string }) =>
    `Line ${p.line}, column ${p.column}: ${p.error}`,
  'layers.atLayer': (p: { index: number; error: string }) => `Layer ${p.index}: ${p.error}`,
  'layers.in': (p: { error: string; layer: string }) => `${p.error} (in ${p.layer})`,
  /** A network given as specs that cannot be written as a `layers` text for the data's images (specFitError). */
  'layers.cannotTake': (p: { width: number; height: number; channels: number; error: string }) =>
    `it cannot take ${p.width}×${p.height}×${p.channels} images: ${p.error}`,

  // The text as a whole, and the scanner.
  'layers.notText': 'layers must be text like "Conv2d(1, 16, 3), ReLU(), …".',
  'layers.tooLong': (p: { length: number; max: number }, f: F) =>
    `layers is too long (${f.number(p.length)} characters; at most ${f.number(p.max)}).`,
  'layers.empty': 'layers is empty: write a network like "Flatten(), Linear(784, 10)".',
  'layers.unclosedString': (p: { quote: string }) => `this string is not closed: add a ${p.quote} after it.`,
  'layers.unexpectedChar': (p: { char: string }) =>
    `unexpected "${p.char}": write layers like Conv2d(1, 16, 3), separated by commas or new lines.`,
  /** What the parser "found" when the text ended. */
  'layers.theEnd': 'the end',

  // The parser.
  'layers.tooMany': (p: { max: number }) => `too many layers (at most ${p.max}).`,
  'layers.separator': (p: { layer: string; found: string }) =>
    `expected a comma or a new line after ${p.layer}, found "${p.found}".`,
  'layers.sequentialOpen': 'Sequential( is not closed: add a ")" at the end.',
  'layers.afterSequential': (p: { found: string }) => `unexpected "${p.found}" after Sequential(…).`,
  'layers.expectedLayer': (p: { found: string }) =>
    `expected a layer like Conv2d(1, 16, 3), found "${p.found}".`,
  'layers.notBuilt': (p: { layer: string; list: string }) =>
    `${p.layer} is not one of the layers built here (${p.list}).`,
  'layers.unknownLayerHint': (p: { layer: string; hint: string }) =>
    `unknown layer "${p.layer}" — did you mean "${p.hint}"?`,
  'layers.unknownLayer': (p: { layer: string; list: string }) =>
    `unknown layer "${p.layer}". The layers are ${p.list}.`,
  'layers.parentheses': (p: { layer: string; args: string }) =>
    `${p.layer} needs parentheses: write ${p.layer}(${p.args}).`,
  'layers.callOpen': (p: { layer: string }) => `${p.layer}( is not closed: add a ")".`,
  'layers.callComma': (p: { layer: string; found: string }) =>
    `expected "," or ")" in ${p.layer}(…), found "${p.found}".`,
  'layers.capital': (p: { word: string }) => `write ${p.word} (Python spells it with a capital).`,
  'layers.tupleNumbers': (p: { found: string }) =>
    `a tuple here holds numbers, like (3, 3); found "${p.found}".`,
  'layers.tupleComma': (p: { found: string }) => `expected "," or ")" in the tuple, found "${p.found}".`,
  'layers.expectedValue': (p: { layer: string; found: string }) =>
    `expected a value in ${p.layer}(…) (a number, 'same', True…), found "${p.found}".`,
  'layers.positionalAfterKeyword': 'a positional argument cannot follow a keyword argument (Python’s rule).',
  'layers.noArguments': (p: { layer: string }) => `${p.layer}() takes no arguments.`,
  'layers.tooManyPositional': (p: { layer: string; max: number; names: string; n: number }) =>
    `${p.layer} takes at most ${p.max} positional argument${p.max === 1 ? '' : 's'} (${p.names}); this is number ${p.n}.`,
  'layers.unknownArgumentHint': (p: { arg: string; layer: string; hint: string }) =>
    `unknown argument "${p.arg}" for ${p.layer} — did you mean "${p.hint}"?`,
  'layers.unknownArgument': (p: { arg: string; layer: string; names: string }) =>
    `unknown argument "${p.arg}" for ${p.layer} (it takes ${p.names})`,
  'layers.unknownArgumentNone': (p: { arg: string; layer: string }) =>
    `unknown argument "${p.arg}" for ${p.layer} (it takes none)`,
  'layers.twice': (p: { layer: string; arg: string }) => `${p.layer} got ${p.arg} twice.`,
  'layers.missing': (p: { layer: string; count: number; names: string; example: string }) =>
    `${p.layer} is missing ${p.count === 1 ? 'its argument' : 'arguments'} ${p.names}: write e.g. ${p.example}.`,
  /** `error`: one of the `arg.*` clauses. */
  'layers.badArgument': (p: { arg: string; layer: string; error: string }) =>
    `${p.arg} of ${p.layer} ${p.error}.`,
  'layers.sameStride': "padding='same' needs stride 1 (PyTorch refuses it for strided convolutions).",
  'layers.strideDilation': 'a stride and a dilation above 1 cannot be combined here.',

  // An argument's value (a clause after "stride of Conv2d"); `value`: the value as written.
  'arg.wholeNot': (p: { value: string }) => `must be a whole number, not ${p.value}`,
  'arg.whole': (p: { value: string }) => `must be a whole number (got ${p.value})`,
  'arg.atLeast': (p: { min: number; value: string }) => `must be at least ${p.min} (got ${p.value})`,
  'arg.tooLarge': (p: { max: number; value: number }, f: F) =>
    `is too large (at most ${f.number(p.max)}; got ${f.number(Math.round(p.value))})`,
  'arg.pair': (p: { value: string }) => `must be a number or a pair like (3, 3), not ${p.value}`,
  'arg.square': (p: { value: string }) =>
    `must be square here: ${p.value} has two different sizes; write one number instead`,
  'arg.padding': (p: { value: string }) => `must be a number, 'same' or 'valid', not ${p.value}`,
  'arg.bool': (p: { value: string }) => `must be True or False, not ${p.value}`,
  'arg.number': (p: { value: string }) => `must be a number, not ${p.value}`,
  'arg.range': (p: { lo: number; hi: number; value: string }) =>
    `must be from ${p.lo} to ${p.hi} (got ${p.value})`,
  'arg.rangeBelow': (p: { lo: number; hi: number; value: string }) =>
    `must be from ${p.lo} to below ${p.hi} (got ${p.value})`,
  'arg.small': (p: { value: string }) => `must be a small number (got ${p.value})`,
  /** `why`: one of the `why.*` reasons. */
  'arg.onlyDefault': (p: { only: string; why: string; value: string }) =>
    `can only be ${p.only} here (${p.why}; got ${p.value})`,
  'why.groups': 'grouped convolutions are not built',
  'why.paddingMode': 'padding is always with zeros',
  'why.poolDilation': 'dilated pooling is not built',
  'why.indices': 'only the values are used',
  'why.ceil': 'sizes round down, as by default',
  'why.countPad': 'padding zeros count in the mean, as by default',
  'why.flatten': 'everything but the batch is flattened',

  // The network against the data (pytorch-network.ts checkNetwork): the lesson.
  'net.noLayers': 'The network has no layers.',
  /** `from`: the image shape a Flatten flattened (`10×5×5`), or ''. */
  'net.flatInput': (p: { layer: string; features: number; from: string }, f: F) =>
    `${p.layer} needs an image [channels, height, width], but the input here is flat (${count(f, p.features, 'feature')}${p.from ? `, from ${p.from}` : ''}): move it before Flatten().`,
  /** `input`: the input's shape when this is the first layer, else ''. */
  'net.channels': (p: { layer: string; channels: number; input: string; fix: string }, f: F) =>
    `${p.layer} receives ${count(f, p.channels, 'channel')} here${p.input ? ` (the input is ${p.input})` : ''}: write ${p.fix}.`,
  'net.needsFlatten': (p: { layer: string; shape: string; features: number }, f: F) =>
    `${p.layer} receives a ${p.shape} image here: add Flatten() before it (that gives ${count(f, p.features, 'feature')}).`,
  /** `from`: the image shape a Flatten flattened, or ''; `input`: the input's shape for the first layer, or ''. */
  'net.features': (p: { layer: string; features: number; from: string; input: string; fix: string }, f: F) =>
    `${p.layer} receives ${count(f, p.features, 'feature')} here${p.from ? ` (${p.from})` : p.input ? ` (the input is ${p.input})` : ''}: write ${p.fix}.`,
  /** `error`: conv-math's reason (a window larger than the image …). */
  'net.window': (p: { layer: string; shape: string; error: string }) =>
    `${p.layer} receives a ${p.shape} image here: ${lowerFirst(p.error)}`,
  'net.endsWithImage': (p: { shape: string; classes: number; features: number }) =>
    `The network ends with a ${p.shape} image, but it must end with one score per class (${p.classes}): add Flatten() and Linear(${p.features}, ${p.classes}).`,
  'net.lastLayer': (p: { outputs: number; classes: number; fix: string }, f: F) =>
    `The last layer gives ${count(f, p.outputs, 'output')}, but the data has ${count(f, p.classes, 'class', 'classes')}: write ${p.fix}.`,
  'net.lastLayerEnd': (p: { outputs: number; classes: number }, f: F) =>
    `The last layer gives ${count(f, p.outputs, 'output')}, but the data has ${count(f, p.classes, 'class', 'classes')}: end with Linear(${p.outputs}, ${p.classes}).`,
  'net.tooManyParams': (p: { params: number; max: number; layer: string; layerParams: number }, f: F) =>
    `This network has ${f.number(p.params)} parameters, over the ${f.number(p.max)} a browser tab can train (${p.layer} alone has ${f.number(p.layerParams)}): make it smaller.`,
  /** In MFLOP (millions of floating-point operations). */
  'net.tooManyFlops': (p: { mflop: number; max: number; layer: string; layerMflop: number }, f: F) =>
    `One training image would cost ${mflop(f, p.mflop)} MFLOP, over the ${mflop(f, p.max)} MFLOP a browser tab can train at (${p.layer} costs ${mflop(f, p.layerMflop)}): use fewer channels, a smaller input or an earlier pooling.`,

  // A network given as layer specs (network-value.ts).
  'net.badJson':
    'layers starts like JSON but is not valid JSON: write PyTorch layers ("Conv2d(1, 16, 3), ReLU(), …") or a JSON array of layer specs.',
  'net.notValue':
    'network must be PyTorch layers as text, or layer specs: an array like [{ "type": "conv2d", "filters": 16, "kernelSize": 3 }, …].',
  'net.notSpec': (p: { n: number; types: string }) =>
    `Layer ${p.n} is not a layer spec: give { "type": … } with one of ${p.types}.`,
  'net.notSpecType': (p: { n: number; types: string; type: string }) =>
    `Layer ${p.n} is not a layer spec: give { "type": … } with one of ${p.types} (not "${p.type}").`,
  /** `error`: what the JavaScript error said (stays as written): specs the walk took but that cannot be written out. */
  'net.cannotWrite': (p: { error: string }) =>
    `These layer specs cannot be written as PyTorch layers: ${p.error}`,
};
