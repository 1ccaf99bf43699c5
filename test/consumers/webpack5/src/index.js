import 'cnn-widgets';

document.body.innerHTML = `
  <h1>Train a CNN</h1>
  <cnn-trainer model="cnn" train-size="500" epochs="1" backend="wasm"></cnn-trainer>
  <digit-pad></digit-pad>
  <feature-map filters="edge,blur"></feature-map>`;
