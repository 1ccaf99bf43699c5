/**
 * The trainer's way out to PyTorch and back, loaded with import() after the trainer's first render
 * (session-io.ts): the script writer and the safetensors codec. Not in the initial download, which is what a
 * page waits for before the trainer works; `updateComplete` waits for it, so `toPyTorch()` is synchronous then.
 */
export { toPyTorch } from '../../engine/export/pytorch.js';
export { exportSafetensors, importSafetensors } from '../../engine/export/safetensors.js';
