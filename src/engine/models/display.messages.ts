/**
 * The English of display.ts's messages (see ../messages.ts): `<model-summary input-shape>` and the labels
 * `<digit-pad>` gives the layers it lights up. Also the English translation table's entries for them.
 */
export const DISPLAY_MESSAGES = {
  'shape.empty': 'Input shape is empty: give "W", "H×W" or "C×H×W", e.g. "28" or "3x224x224".',
  'shape.parts': (p: { text: string }) =>
    `Input shape "${p.text}" has too many parts: use "W", "H×W" or "C×H×W".`,
  'shape.notNumbers': (p: { text: string }) =>
    `Input shape "${p.text}" is not a list of numbers: use "W", "H×W" or "C×H×W".`,
  'shape.channels': 'Channels',
  'shape.height': 'Height',
  'shape.width': 'Width',
  /** `<digit-pad>`: a layer shown after its ReLU. */
  'layer.withRelu': (p: { layer: string }) => `${p.layer} + ReLU`,
  /** `<digit-pad>`: a layer shown as it is, by its name. */
  'layer.name': (p: { layer: string }) => `${p.layer}`,
  /** `<digit-pad>`: a ReLU that follows nothing (it names itself "layer"). */
  'layer.layer': 'layer',
  /** `<digit-pad>`: the last layer, the ten scores. */
  'layer.scores': (p: { layer: string }) => `${p.layer} (scores)`,
};
