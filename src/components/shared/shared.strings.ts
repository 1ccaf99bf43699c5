/**
 * The English terms every element shares: the error contract's own messages (a property of the wrong type, a
 * bad `theme`, a crash), and the words of the shared UI pieces (Retry, the Data table toggle). Each element's
 * table adds its own (`<element>.strings.ts`); `translations.en` is all of them together.
 *
 * A term is a text, or a template `(params, f) => text` whose `f` formats numbers in the reader's locale.
 * Keys are `area.name`; a translation keeps the keys and rewrites the texts.
 */
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;

export const SHARED_EN = {
  /** An exception escaped an update: the element shows this instead. */
  'error.crash': (p: { error: string }) => `Something went wrong: ${p.error}`,
  /** `theme` is not light or dark. */
  'error.theme': (p: { got: string }) =>
    `Theme must be "light" or "dark" (got "${p.got}"); following the page's colour scheme instead.`,
  /** A property set to a value of a type it does not take. */
  'error.propertyType': (p: { name: string; expects: string; got: string }) =>
    `Property "${p.name}" must be ${p.expects} (got ${p.got}).`,

  // What a property takes (`expects` above).
  'value.number': 'a number',
  'value.text': 'text (a string)',
  'value.oneOf': (p: { choices: string }) => `one of ${p.choices}`,
  'value.boolean': 'true or false',
  'value.array': 'an array or its JSON text',
  'value.size': 'a size such as "28" or "28x32"',
  'value.filters': 'preset names or a count, e.g. "sobel-x,blur" or "4"',
  'value.shape': 'a shape such as "3x227x227", "227x227" or "227"',
  'value.matrix': 'an array of rows (or its JSON text), e.g. [[5,1],[2,7]]',
  'value.network': 'PyTorch layers as text, or an array of layer specs',
  // What a property got (`got` above).
  'got.array': 'an array',
  'got.number': (p: { n: number }, f: F) => `the number ${f.number(p.n, { useGrouping: false })}`,
  'got.infinite': 'a number that is not finite',
  'got.boolean': (p: { value: string }) => `the boolean ${p.value}`,
  'got.bigint': 'a bigint',
  'got.symbol': 'a Symbol',
  'got.function': 'a function',
  'got.string': 'a string',
  'got.object': 'an object',

  /** The button shown after a failed download. */
  'common.retry': 'Retry',
  /** The toggle that shows a chart's numbers as a table. */
  'common.dataTable': 'Data table',
  /** The pause button of anything that moves by itself. */
  'common.pause': 'Pause',
  'common.play': 'Play',
};
