// Shared by the page checks that train a short real run: a <cnn-trainer> on the page, 2,000 images, one epoch on
// wasm (the Worker path), started and awaited; resolves with the element once 'train-end' came, rejects with the
// message of a 'train-error'.
export async function trainOnce() {
  const t = document.createElement('cnn-trainer');
  t.setAttribute('train-size', '2000');
  t.setAttribute('epochs', '1');
  t.setAttribute('learning-rate', '0.003');
  t.setAttribute('backend', 'wasm');
  document.body.append(t);
  await t.updateComplete;
  const end = new Promise((resolve, reject) => {
    t.addEventListener('train-end', resolve, { once: true });
    t.addEventListener('train-error', (e) => reject(new Error(e.detail?.message ?? 'train-error')), {
      once: true,
    });
  });
  await t.start();
  await end;
  return t;
}
