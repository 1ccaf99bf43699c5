// Starting the training Worker (src/engine/worker/spawn.ts): which ways it tries for a library on another origin,
// and what it tells the reader when no Worker may start.
import { expect } from '@esm-bundle/chai';
import { defaultWays, threadFallbackNote, threadNote } from '../../src/engine/worker/spawn.js';
import { message } from '../../src/engine/messages.js';
import { FALLBACK_MESSAGES } from '../../src/engine/fallback.messages.js';

describe('training worker: where it can come from and why it could not', () => {
  it('goes straight to a blob: worker for a library on another origin (Firefox logs the module attempt)', () => {
    expect(
      defaultWays(new URL('https://cdn.example.com/cnn-widgets/dist/cdn/train-worker.js')),
    ).to.deep.equal(['blob']);
    expect(defaultWays(new URL('/dist/cdn/train-worker.js', location.href))).to.deep.equal([
      'module',
      'blob',
    ]);
  });

  it("says why training runs on the page's own thread, and what the page must allow", () => {
    const cdn = new URL('https://cdn.example.com/lib/train-worker.js');
    const blocked = threadFallbackNote(
      [
        {
          how: 'blob',
          error: new Error('the worker module did not load (error event)'),
          violated: ['worker-src'],
        },
      ],
      cdn,
    );
    // The note as data too, for the reader's language: the head and the reason, each a message.
    const { detail, ...plain } = blocked;
    expect(detail?.key).to.equal('thread.note');
    expect((detail?.params['why'] as { key: string }).key).to.equal('thread.cspBlob');
    expect(detail?.text).to.equal(blocked.message);
    expect(plain).to.deep.equal({
      what: 'thread',
      wanted: 'worker',
      used: 'main',
      cause: 'csp',
      message:
        "Training on the page's own thread: this page's Content-Security-Policy does not allow Workers from " +
        'blob: — add worker-src blob: (or host the library on this site).',
    });
    const tt = threadFallbackNote([
      {
        how: 'module',
        error: new TypeError(
          "Failed to construct 'Worker': This document requires 'TrustedScriptURL' assignment.",
        ),
        violated: ['require-trusted-types-for'],
      },
    ]);
    expect(tt.cause).to.equal('trusted-types');
    expect(tt.message).to.match(/Trusted Types .* add trusted-types cnn-widgets/);
    const module = threadFallbackNote(
      [
        {
          how: 'module',
          error: new Error('the worker module did not load (error event)'),
          violated: ['worker-src'],
        },
      ],
      cdn,
    );
    expect(module.cause).to.equal('csp');
    expect(module.message).to.contain('add worker-src https://cdn.example.com blob:');
    // A failure that is no policy's doing is reported as it is.
    const failed = threadFallbackNote([
      { how: 'module', error: new Error('the worker did not start within 30000 ms'), violated: [] },
    ]);
    expect(failed.cause).to.equal('failed');
    expect(failed.message).to.match(/did not start \(module: the worker did not start within 30000 ms\)\.$/);
  });

  it('one note for every cause (the session words its own failures with it too)', () => {
    const why = message(FALLBACK_MESSAGES, 'thread.failed', { detail: 'boom' });
    const note = threadNote('failed', why);
    expect(note).to.deep.include({ what: 'thread', wanted: 'worker', used: 'main', cause: 'failed' });
    expect(note.message).to.equal(
      "Training on the page's own thread: the training Worker did not start (boom).",
    );
    expect(note.detail).to.deep.equal(message(FALLBACK_MESSAGES, 'thread.note', { why }));
  });
});
