/**
 * A failure in the training Worker keeps its message as data across postMessage (toWire → structured clone →
 * fromWire), so the page says it in the reader's language, not only the English text.
 */
import { expect } from '@esm-bundle/chai';
import { fromWire, toWire } from '../../src/engine/training/protocol.js';
import { MessageError, message, messageOf } from '../../src/engine/messages.js';
import { LAYERS_MESSAGES } from '../../src/engine/models/layers.messages.js';

describe('engine messages across the training Worker', () => {
  it('keep their key and values (nested ones too), not only the text', () => {
    const inner = message(LAYERS_MESSAGES, 'arg.whole', { value: '2.5' });
    const m = message(LAYERS_MESSAGES, 'layers.badArgument', {
      arg: 'kernel_size',
      layer: 'Conv2d',
      error: inner,
    });
    const wire = structuredClone(toWire(new MessageError(m)));
    const back = fromWire(wire);
    expect(back.message).to.equal('kernel_size of Conv2d must be a whole number (got 2.5).');
    const d = messageOf(back)!;
    expect(d.key).to.equal('layers.badArgument');
    expect((d.params['error'] as { key: string }).key).to.equal('arg.whole');
    // A plain error still crosses as its text, with no message.
    expect(messageOf(fromWire(structuredClone(toWire(new Error('plain')))))).to.equal(null);
  });
});
