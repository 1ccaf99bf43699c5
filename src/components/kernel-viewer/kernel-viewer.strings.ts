/**
 * `<kernel-viewer>`'s English (see shared/shared.strings.ts for how a table is written). Its numbers go through
 * `f.number`, the locale's digits, like every other number the viewer shows (a page in `ar-EG` reads ٣, not 3).
 */
import type { MessageFormats as F } from '../../engine/messages.js';

export const KERNEL_VIEWER_EN = {
  'kv.back': 'Back',
  'kv.next': 'Next',
  'kv.step': 'Step',
  /** Before the value of the current output cell, which follows in bold. */
  'kv.where': (p: { step: number; steps: number; row: number; col: number }, f: F) =>
    `Step ${f.number(p.step)} of ${f.number(p.steps)}: output (${f.number(p.row)}, ${f.number(p.col)}) =`,
  'kv.stage': (p: { step: number; steps: number }, f: F) =>
    `Convolution picture, step ${f.number(p.step)} of ${f.number(p.steps)}. Use the arrow keys to step.`,
  'kv.input': 'Input',
  /** After the input's title; a padding cell ("0") follows. */
  'kv.paddingShown': (p: { padding: number }, f: F) => `padding ${f.number(p.padding)} shown as`,
  'kv.kernel': 'Kernel',
  'kv.products': 'Products and sum',
  'kv.output': (p: { rows: number; cols: number }, f: F) => `Output ${f.number(p.rows)}×${f.number(p.cols)}`,
  'kv.inputValues': 'Input values',
  'kv.kernelWeights': 'Kernel weights',
  /** A grid's name with its channel: `Input values, R`. */
  'kv.gridChannel': (p: { grid: string; channel: string }) => `${p.grid}, ${p.channel}`,
  /** One cell, for a screen reader: `Input R row 1, column 2`. */
  'kv.cell': (p: { grid: string; row: number; col: number }, f: F) =>
    `${p.grid} row ${f.number(p.row)}, column ${f.number(p.col)}`,
  'kv.cellButton': (p: { cell: string; value: string }) => `${p.cell}: ${p.value}. Press Enter to edit.`,
  'kv.cellEdit': (p: { cell: string }) => `Edit ${p.cell}`,
  'kv.outputGrid': (p: { rows: number; cols: number; done: number; steps: number; values: string }, f: F) =>
    `Output grid ${f.number(p.rows)}×${f.number(p.cols)}, ${f.number(p.done)} of ${f.number(p.steps)} cells computed: ${p.values}`,
};
