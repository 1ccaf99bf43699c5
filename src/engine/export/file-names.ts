/**
 * The names the trainer gives the files it hands out, in one place: the script `toPyTorch()` writes (its own
 * help text says `python3 train.py …`, the name the "Download PyTorch code" button saves it under) and the
 * weights `exportWeights()` gives ("Download weights", and the file that script's `--eval` loads by default).
 * A tiny module of its own, so the trainer's buttons name the files without loading the exporter.
 */

/** The exported PyTorch script's file name. */
export const SCRIPT_FILE = 'train.py';
/** The exported weights' file name (safetensors). */
export const WEIGHTS_FILE = 'model.safetensors';
