import type {
  formatLayersError,
  formatLayersMessage,
  parseNetwork,
} from '../../engine/models/pytorch-network.js';
import type { parseNetworkValue } from '../../engine/models/network-value.js';
import { lazy } from './lazy.js';

/** What the elements use of the PyTorch-layers parser. */
export interface NetworkParser {
  parseNetwork: typeof parseNetwork;
  /** A network given as text or as layer specs (models/network-value.ts). */
  parseNetworkValue: typeof parseNetworkValue;
  formatLayersError: typeof formatLayersError;
  /** The same, as a message for the reader's language. */
  formatLayersMessage: typeof formatLayersMessage;
}

/**
 * The PyTorch-layers parser (engine/models/pytorch-network.ts, network-value.ts and the parser they import),
 * loaded only when a page gives an element a network of its own (`layers`): most pages show the lesson's own
 * networks and never need it.
 */
export const networkParser = lazy<NetworkParser>('the PyTorch-layers parser', async () => {
  const [network, value] = await Promise.all([
    import('../../engine/models/pytorch-network.js'),
    import('../../engine/models/network-value.js'),
  ]);
  return {
    parseNetwork: network.parseNetwork,
    parseNetworkValue: value.parseNetworkValue,
    formatLayersError: network.formatLayersError,
    formatLayersMessage: network.formatLayersMessage,
  };
});
