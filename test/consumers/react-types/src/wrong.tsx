// Each line below is a type error the typings must catch (check.mjs counts them).
export function Wrong() {
  return (
    <>
      <confusion-matrix matrix={42} />
      <conv-calculator kernel-size={{ size: 3 }} />
      <cnn-trainer model="resnet" />
      <cnn-trainer ontrain-end="not a function" />
      <kernel-viewer onstep-change={(e: CustomEvent<string>) => e.detail.toUpperCase()} />
      <model-summary denseHidden="many" />
    </>
  );
}
