// Every tag with attributes (kebab-case), properties (camelCase, their real types) and event props
// (`on` + the event name as written: React 19 listens for exactly that name).
import { useState } from 'react';
import type { CellSelectDetail, ConvCalculatorResult } from 'cnn-widgets';

export function Lesson() {
  const [result, setResult] = useState<ConvCalculatorResult | null>(null);
  const [cell, setCell] = useState<CellSelectDetail | null>(null);
  return (
    <>
      <conv-calculator
        input-size="320"
        kernel-size={5}
        padding="same"
        in-channels={3}
        outChannels={5}
        mode="conv"
        theme="dark"
        onchange={(e) => setResult(e.detail)}
        oninput={(e) => setResult(e.detail)}
      />
      <kernel-viewer
        input-size={6}
        kernelSize={3}
        padding={1}
        stride={2}
        input={[
          [1, 2],
          [3, 4],
        ]}
        onstep-change={(e) => console.log(e.detail.step)}
      />
      <feature-map
        filters="edges"
        kernel-size="3"
        activation="relu"
        pool={2}
        compare
        onmaps-ready={(e) => console.log(e.detail.maps.shape)}
      />
      <cnn-trainer
        id="t"
        model="cnn"
        epochs={2}
        batch-size="64"
        learningRate={0.001}
        backendPreference="wasm"
        autostart={false}
        ontrain-epoch={(e) => console.log(e.detail.testAccuracy)}
        ontrain-end={(e) => console.log(e.detail)}
        ondata-progress={(e) => console.log(e.detail.fraction)}
      />
      <confusion-matrix
        for="t"
        matrix={[
          [5, 1],
          [2, 7],
        ]}
        labels="cat,dog"
        normalized
        oncell-select={(e) => setCell(e.detail)}
      />
      <model-summary model="alexnet" input-shape="3x224x224" denseHidden={500} />
      <digit-pad htmlFor="t" onpredict={(e) => console.log(e.detail.digit)} />
      <p>
        {result?.params} {cell?.count}
      </p>
    </>
  );
}
