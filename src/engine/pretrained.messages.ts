/**
 * The English of the pretrained weights' failures (pretrained.ts; see ./messages.ts): a manifest that is a web
 * page or arrives damaged, a manifest that does not describe the lesson's CNN, and weights that do not fit the
 * model built from the spec. File and field names, `weights-src`, layer names (`conv1`) and tensor names
 * (`conv1.kernel`) are code and stay as written in every language. Also the English translation table's
 * entries for them.
 */
export const PRETRAINED_MESSAGES = {
  /** How a damaged manifest's failure starts (in download.damaged's `lead`). */
  'pretrained.cannotLoad': 'Could not load the pretrained network',
  /** Why the manifest arrived damaged (in download.damaged's brackets). */
  'pretrained.damaged.json': 'its manifest is not valid JSON',
  'pretrained.webPage': (p: { url: string }) =>
    `The pretrained network's manifest (${p.url}) is a web page, not JSON: check the address (weights-src).`,
  /** `why`: one of `pretrained.why.*`. */
  'pretrained.unusable': (p: { why: string }) => `The pretrained network's manifest is unusable: ${p.why}.`,
  'pretrained.why.notObject': 'the manifest is not a JSON object',
  /** `got`: the manifest's `format`, as written. */
  'pretrained.why.format': (p: { got: string }) => `unsupported manifest format ${p.got}`,
  /** `got`: the manifest's `model`; `model`: the one this library loads (`cnn`). */
  'pretrained.why.model': (p: { got: string; model: string }) =>
    `the weights are for model "${p.got}", not "${p.model}"`,
  'pretrained.why.noTensors': 'the manifest lists no tensors',
  'pretrained.why.noFile': 'the manifest lacks the binary file or its size',
  /** `tensor`: its name (`conv1.kernel`). */
  'pretrained.why.tensor': (p: { tensor: string }) => `tensor ${p.tensor} is inconsistent`,
  /** `layer`: the model's layer name (`conv1`). */
  'pretrained.noLayer': (p: { layer: string }) =>
    `The pretrained weights have no ${p.layer} layer matching the model.`,
  /** `got`, `want`: shapes as written (`[5, 5, 1, 8]`). */
  'pretrained.shape': (p: { tensor: string; got: string; want: string }) =>
    `The pretrained ${p.tensor} has shape ${p.got} but the model wants ${p.want}.`,
  'pretrained.extraLayers': 'The pretrained weights name layers the model does not have.',
};
