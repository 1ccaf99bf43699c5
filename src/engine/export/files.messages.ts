/**
 * The English of reading and writing the network's files (safetensors.ts) and of the trainer's "Load weights" /
 * "Download weights" (components/cnn-trainer/session-io.ts), see ../messages.ts. Names of tensors, shapes and
 * addresses are values, as written. Also the English translation table's entries for them.
 */
export const FILES_MESSAGES = {
  /** `why`: one of the `st.why*` reasons. */
  'st.notFile': (p: { why: string }) => `This is not a safetensors weights file: ${p.why}.`,
  'st.whyShort': (p: { bytes: number }) => `it has only ${p.bytes} bytes`,
  'st.whyHeaderLength': (p: { n: number; bytes: number }) =>
    `its header length (${p.n}) does not fit its ${p.bytes} bytes`,
  'st.whyHeaderJson': 'its header is not JSON',
  'st.whyHeaderObject': 'its header is not a JSON object',
  'st.whyEntry': (p: { name: string }) => `the entry "${p.name}" is not an object`,
  'st.whyShape': (p: { name: string }) => `"${p.name}" has no valid shape`,
  'st.whyOffsets': (p: { name: string }) => `"${p.name}" has no valid data_offsets`,
  'st.whyFit': (p: { name: string; shape: string; begin: number; end: number; length: number }) =>
    `"${p.name}" (${p.shape}) does not fit bytes ${p.begin}…${p.end} of ${p.length}`,
  'st.dtype': (p: { name: string; dtype: string }) =>
    `"${p.name}" is stored as ${p.dtype}; only float32 (F32) weights are read here: save with .float().`,
  'st.lacks': (p: { missing: string }) => `These weights are not for this network: it lacks ${p.missing}.`,
  'st.strangers': (p: { strangers: string }) =>
    `These weights are not for this network: it has ${p.strangers}, which this network does not.`,
  'st.lacksAndStrangers': (p: { missing: string; strangers: string }) =>
    `These weights are not for this network: it lacks ${p.missing}; it has ${p.strangers}, which this network does not.`,
  'st.fileShape': (p: { name: string; got: string; want: string }) =>
    `"${p.name}" is ${p.got} in the file, but this network's is ${p.want}.`,
  'st.exportMissing': (p: { name: string; network: string }) =>
    `The weights have no "${p.name}" (the network "${p.network}" needs it).`,
  'st.exportShape': (p: { name: string; got: string; want: string }) =>
    `"${p.name}" is ${p.got}, but the network needs ${p.want}.`,
  'io.noWeights': 'There are no weights yet: train the network first.',
  'io.starting': 'The run is still starting: load the weights once it trains.',
  'io.badSettings': 'The settings are not valid (see the message in the trainer).',
  'io.notStarted': 'The loaded network did not start.',
  'io.loadFailed': (p: { error: string }) => `Could not load the weights: ${p.error}`,
  'io.source': 'importWeights takes a Blob (a File) or a URL.',
  'io.answered': (p: { url: string; status: string }) => `${p.url} answered ${p.status}`,
};
