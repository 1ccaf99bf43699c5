import { FeatureMap } from '../components/feature-map/feature-map.js';
import { defineElement } from '../components/shared/define.js';

defineElement('feature-map', FeatureMap);

export { FeatureMap };
declare global {
  interface HTMLElementTagNameMap {
    'feature-map': FeatureMap;
  }
  interface GlobalEventHandlersEventMap {
    'maps-ready': CustomEvent<import('../components/feature-map/feature-map.js').MapsReadyDetail>;
  }
}
