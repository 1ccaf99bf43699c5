/**
 * The English of conv-steps' messages (see messages.ts): a writer's JSON grids, `<kernel-viewer>`'s settings
 * and the sentence that sums up its picture. Also the English translation table's entries for them.
 */
import type { MessageFormats } from './messages.js';

type F = MessageFormats;
const n = (f: F, v: number) => f.number(v, { maximumFractionDigits: 6 });

export const CONV_STEPS_MESSAGES = {
  // The grid a message is about (`grid` below).
  'grid.input': 'Input',
  'grid.kernel': 'Kernel',
  'grid.channel': (p: { grid: string; channel: number }) => `${p.grid} (channel ${p.channel})`,
  // parseGrid
  'grid.json': (p: { grid: string }) =>
    `${p.grid} is not valid JSON: write an array of rows, e.g. [[1,0],[0,1]].`,
  'grid.empty': (p: { grid: string }) => `${p.grid} must be a non-empty array of rows, e.g. [[1,0],[0,1]].`,
  'grid.channels': (p: { grid: string; count: number; max: number }) =>
    `${p.grid} has ${p.count} channels: at most ${p.max}.`,
  'grid.emptyPlane': (p: { grid: string }) => `${p.grid} must be a non-empty array of rows.`,
  'grid.planeRows': (p: { grid: string }) => `${p.grid}: every channel must have the same number of rows.`,
  'grid.rowNotArray': (p: { grid: string; row: number }) =>
    `${p.grid}: row ${p.row} is not an array of numbers.`,
  'grid.ragged': (p: { grid: string; row: number; count: number; cols: number }, f: F) =>
    `${p.grid} is ragged: row ${p.row} has ${p.count} ${f.plural(p.count) === 'one' ? 'value' : 'values'}, row 1 has ${p.cols}.`,
  'grid.notFinite': (p: { grid: string; row: number; value: string }) =>
    `${p.grid}: row ${p.row} holds ${p.value}, which is not a finite number.`,
  'grid.tooBig': (p: { grid: string; row: number; value: number; max: number }, f: F) =>
    `${p.grid}: row ${p.row} holds ${n(f, p.value)}; values must be from −${n(f, p.max)} to ${n(f, p.max)}.`,
  'grid.tooLarge': (p: { grid: string; rows: number; cols: number; max: number }) =>
    `${p.grid} is ${p.rows}×${p.cols}: at most ${p.max}×${p.max} fits the picture.`,
  // A rejected grid value (`value` above).
  'grid.nan': 'a value that is not a number',
  'grid.huge': 'a number too large to compute with',

  // planViewer
  'viewer.name.channels': 'Channels',
  'viewer.seed': (p: { got: number | string }, f: F) =>
    `Seed must be a whole number${typeof p.got === 'number' ? ` (got ${n(f, p.got)})` : ''}, e.g. 1234.`,
  'viewer.channelsMax': (p: { max: number }) => `Channels: at most ${p.max}.`,
  'viewer.inputTooLarge': (p: { rows: number; cols: number; max: number }) =>
    `Input size ${p.rows}×${p.cols} is too large for the picture: at most ${p.max}×${p.max}.`,
  'viewer.kernelTooLarge': (p: { size: number; max: number }) =>
    `Kernel size ${p.size} is too large for the picture: at most ${p.max}.`,
  'viewer.channelMismatch': (p: { input: number; kernel: number }, f: F) =>
    `The input has ${p.input} ${f.plural(p.input) === 'one' ? 'channel' : 'channels'} but the kernel has ${p.kernel}: a kernel needs one slice per input channel.`,
  'viewer.paddingMax': (p: { max: number }) => `Padding: at most ${p.max} in the picture.`,
  'viewer.strideMax': (p: { max: number }) => `Stride: at most ${p.max}.`,
  'viewer.dilationMax': (p: { max: number }) => `Dilation: at most ${p.max}.`,

  // describeGeometry: the picture in one sentence.
  /** `arrow`: from the input to the output, pointing the way the text reads (`→`; `←` right to left). */
  'viewer.summary': (
    p: {
      channels: number;
      input: string;
      padding: number;
      kernel: string;
      dilation: number;
      stride: number;
      output: string;
      arrow: string;
    },
    f: F,
  ) =>
    `A ${p.channels > 1 ? `${f.number(p.channels)}-channel ` : ''}${p.input} input, padding ${f.number(p.padding)}, a ${p.kernel} kernel${p.dilation > 1 ? ` (dilation ${f.number(p.dilation)})` : ''}, stride ${f.number(p.stride)} ${p.arrow} a ${p.output} output.`,
  /** A size in the summary (`input`, `kernel`, `output` above): rows × columns, in the locale's digits. */
  'viewer.size': (p: { rows: number; cols: number }, f: F) => `${f.number(p.rows)}×${f.number(p.cols)}`,
  /** A channel's name when there are not three (R, G, B). */
  'viewer.channel': (p: { channel: number }, f: F) => `channel ${f.number(p.channel)}`,
};
