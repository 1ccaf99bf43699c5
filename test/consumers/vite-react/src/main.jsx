import { createRoot } from 'react-dom/client';
import 'cnn-widgets';

function App() {
  return (
    <main>
      <h1>Train a CNN</h1>
      <cnn-trainer id="t" model="cnn" train-size="500" epochs="1" backend="wasm"></cnn-trainer>
      <digit-pad></digit-pad>
      <feature-map filters="edge,blur"></feature-map>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
