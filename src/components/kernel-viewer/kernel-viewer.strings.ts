/** `<kernel-viewer>`'s English (see shared/shared.strings.ts for how a table is written). */
export const KERNEL_VIEWER_EN = {
  'kv.back': 'Back',
  'kv.next': 'Next',
  'kv.step': 'Step',
  /** Before the value of the current output cell, which follows in bold. */
  'kv.where': (p: { step: number; steps: number; row: number; col: number }) =>
    `Step ${p.step} of ${p.steps}: output (${p.row}, ${p.col}) =`,
  'kv.stage': (p: { step: number; steps: number }) =>
    `Convolution picture, step ${p.step} of ${p.steps}. Use the arrow keys to step.`,
  'kv.input': 'Input',
  /** After the input's title; a padding cell ("0") follows. */
  'kv.paddingShown': (p: { padding: number }) => `padding ${p.padding} shown as`,
  'kv.kernel': 'Kernel',
  'kv.products': 'Products and sum',
  'kv.output': (p: { rows: number; cols: number }) => `Output ${p.rows}×${p.cols}`,
  'kv.inputValues': 'Input values',
  'kv.kernelWeights': 'Kernel weights',
  /** A grid's name with its channel: `Input values, R`. */
  'kv.gridChannel': (p: { grid: string; channel: string }) => `${p.grid}, ${p.channel}`,
  /** One cell, for a screen reader: `Input R row 1, column 2`. */
  'kv.cell': (p: { grid: string; row: number; col: number }) => `${p.grid} row ${p.row}, column ${p.col}`,
  'kv.cellButton': (p: { cell: string; value: string }) => `${p.cell}: ${p.value}. Press Enter to edit.`,
  'kv.cellEdit': (p: { cell: string }) => `Edit ${p.cell}`,
  'kv.outputGrid': (p: { rows: number; cols: number; done: number; steps: number; values: string }) =>
    `Output grid ${p.rows}×${p.cols}, ${p.done} of ${p.steps} cells computed: ${p.values}`,
};
