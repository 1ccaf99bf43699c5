import { KernelViewer } from '../components/kernel-viewer/kernel-viewer.js';
import { defineElement } from '../components/shared/define.js';

defineElement('kernel-viewer', KernelViewer);

export { KernelViewer };
declare global {
  interface HTMLElementTagNameMap {
    'kernel-viewer': KernelViewer;
  }
  interface GlobalEventHandlersEventMap {
    'step-change': CustomEvent<import('../components/kernel-viewer/kernel-viewer.js').KernelStepDetail>;
  }
}
