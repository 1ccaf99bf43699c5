import type * as Parser from '../../engine/models/pytorch-network.js';
import { lazy } from './lazy.js';

/** The PyTorch-layers parser's module: `parseNetwork`, `formatLayersError`, `checkNetwork`, `toLayersText`. */
export type NetworkParser = typeof Parser;

/**
 * The PyTorch-layers parser (engine/models/pytorch-network.ts and the parser it imports), loaded only when a
 * page gives an element a network text (`layers`): most pages show the lesson's own networks and never need it.
 */
export const networkParser = lazy<NetworkParser>(
  'the PyTorch-layers parser',
  () => import('../../engine/models/pytorch-network.js'),
);
