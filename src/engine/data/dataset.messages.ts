/**
 * The English of a dataset that arrives damaged or is not in the format the loader reads (dataset.ts; see
 * ../messages.ts): a dataset.json or shard whose bytes are wrong, and each field of dataset.json that is
 * wrong. Field names (`"shape"`, `"classes"`), the address and `npx cnn-widgets pack` are code and stay as
 * written in every language. Also the English translation table's entries for them.
 */
export const DATASET_MESSAGES = {
  /** `label`: `download.label.*` (the dataset, the Fashion-MNIST data). */
  'dataset.cannotLoad': (p: { label: string }) => `Could not load ${p.label}`,
  /** `label`: `download.label.*`. The browser lacks DecompressionStream (code, stays as written). */
  'dataset.cannotUnpack': (p: { label: string }) =>
    `This browser cannot unpack ${p.label} (it lacks DecompressionStream). Please use a current browser.`,
  // Why a file arrived damaged (in download.damaged's brackets).
  'dataset.damaged.checksum': 'it does not match its checksum',
  'dataset.damaged.unpack': 'it does not unpack',
  'dataset.damaged.json': 'it is not valid JSON',
  'dataset.damaged.jsonChecksum': 'its checksum does not match',
  /** `why`: one of `dataset.why.*`. */
  'dataset.format': (p: { url: string; why: string }) =>
    `The dataset at ${p.url} is not in the format this library reads (${p.why}).`,
  /** `address`: the `data-src` as written. */
  'dataset.badAddress': (p: { address: string }) =>
    `"${p.address}" is not a valid address for a dataset (data-src).`,
  'dataset.why.notDatasetJson': 'not a dataset.json',
  'dataset.why.webPage': 'a web page, not JSON: check the address (data-src)',
  /** `got`: the value found, as JSON; `format`: the format's name. */
  'dataset.why.formatName': (p: { got: string; format: string }) =>
    `its "format" is ${p.got}, not "${p.format}": pack it with npx cnn-widgets pack`,
  'dataset.why.version': (p: { got: string; version: number }) =>
    `version ${p.got}; this library reads version ${p.version}`,
  'dataset.why.shape': (p: { min: number; max: number; got: string }) =>
    `"shape" must be [height, width, channels] with sides ${p.min} to ${p.max} and 1 or 3 channels, not ${p.got}`,
  'dataset.why.classes': '"classes" must list 2 to 256 class names',
  'dataset.why.normalize': (p: { channels: number }) =>
    `"normalize" must give a mean and a positive std for each of the ${p.channels} channels`,
  /** `split`: `train` or `test` (code). */
  'dataset.why.noSplit': (p: { split: string }) => `no "${p.split}" split`,
  'dataset.why.shard': (p: { file: string; split: string }) => `shard ${p.file} of "${p.split}" is malformed`,
  'dataset.why.shardCount': (p: { split: string; held: number; count: number }) =>
    `"${p.split}" shards hold ${p.held} examples, not ${p.count}`,
  'dataset.why.label': (p: { example: number; label: number; classes: number }) =>
    `example ${p.example} has label ${p.label}, but there are ${p.classes} classes`,
};
