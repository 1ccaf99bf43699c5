// How `auto` tells a real GPU from a software one (src/engine/backend.ts): detectWebGpu() and detectWebGl() on
// made-up adapters and renderers (every kind of machine, not only this one), cross-checked against what this
// browser really reports, and the shared state that lets two copies of the library agree.
import { expect } from '@esm-bundle/chai';
import { detectWebGl, detectWebGpu, getTf, backendReport, gpuKind } from '../../src/engine/backend.js';

type FakeAdapter = {
  isFallbackAdapter?: boolean;
  info?: Record<string, unknown>;
  requestAdapterInfo?: () => Promise<Record<string, unknown>>;
} | null;

/** Runs `body` with navigator.gpu replaced by a fake whose requestAdapter() gives `adapter` (or throws). */
async function withGpu<T>(adapter: FakeAdapter | Error | 'missing', body: () => Promise<T>): Promise<T> {
  const fake =
    adapter === 'missing'
      ? undefined
      : {
          requestAdapter: async () => {
            if (adapter instanceof Error) throw adapter;
            return adapter;
          },
        };
  Object.defineProperty(navigator, 'gpu', { value: fake, configurable: true });
  try {
    return await body();
  } finally {
    delete (navigator as unknown as { gpu?: unknown }).gpu; // the prototype's own getter shows through again
  }
}

/** Runs `body` with every WebGL2 context replaced by one that reports this vendor and renderer. */
function withRenderer<T>(vendor: string, renderer: string | null, body: () => T): T {
  const protos = [HTMLCanvasElement.prototype, OffscreenCanvas.prototype] as unknown as {
    getContext: (...a: unknown[]) => unknown;
  }[];
  const saved = protos.map((p) => p.getContext);
  const debug = { UNMASKED_VENDOR_WEBGL: 1, UNMASKED_RENDERER_WEBGL: 2 };
  const gl = {
    getExtension: (name: string) =>
      name === 'WEBGL_debug_renderer_info'
        ? renderer == null
          ? null
          : debug
        : name === 'WEBGL_lose_context'
          ? { loseContext() {} }
          : null,
    getParameter: (p: number) => (p === 1 ? vendor : p === 2 ? renderer : null),
  };
  for (const p of protos) p.getContext = () => gl;
  try {
    return body();
  } finally {
    protos.forEach((p, i) => (p.getContext = saved[i]!));
  }
}

/** Runs `body` with navigator.platform (and userAgentData.platform) saying `platform`. */
async function withPlatform<T>(platform: string, body: () => T | Promise<T>): Promise<T> {
  for (const key of ['platform', 'userAgentData'])
    Object.defineProperty(navigator, key, {
      value: key === 'platform' ? platform : { platform },
      configurable: true,
    });
  try {
    return await body();
  } finally {
    delete (navigator as unknown as { platform?: unknown }).platform;
    delete (navigator as unknown as { userAgentData?: unknown }).userAgentData;
  }
}

describe('backend detection: a software GPU is no GPU', () => {
  it('classifies WebGPU adapters: hardware, software (fallback or by name), unclear, unavailable', async () => {
    const cases: [FakeAdapter | Error | 'missing', string][] = [
      [{ info: { vendor: 'nvidia', architecture: 'ada-lovelace', description: '' } }, 'hardware'],
      [{ info: { vendor: 'apple', architecture: 'metal-3' } }, 'hardware'],
      [{ isFallbackAdapter: true, info: { vendor: 'nvidia', architecture: 'ampere' } }, 'software'],
      [{ info: { vendor: 'google', architecture: 'swiftshader' } }, 'software'],
      [{ info: { vendor: 'mesa', device: 'llvmpipe (LLVM 15.0.6, 256 bits)' } }, 'software'],
      [{ info: { vendor: 'mesa', description: 'lavapipe' } }, 'software'],
      [{ info: { isFallbackAdapter: true, vendor: 'intel' } }, 'software'],
      [{ info: {} }, 'unknown'], // the browser hides what it is: auto times a probe
      [{ requestAdapterInfo: async () => ({ vendor: 'amd', architecture: 'rdna-3' }) }, 'hardware'], // older API
      [null, 'unavailable'],
      [new Error('adapter request refused'), 'unavailable'],
      ['missing', 'unavailable'],
    ];
    for (const [adapter, kind] of cases) {
      const c = await withGpu(adapter, detectWebGpu);
      expect(c.name).to.equal('webgpu');
      expect(c.kind, JSON.stringify(adapter) ?? String(adapter)).to.equal(kind);
    }
    const refused = await withGpu(new Error('adapter request refused'), detectWebGpu);
    expect(refused.detail).to.match(/refused/);
    const fallback = await withGpu({ isFallbackAdapter: true, info: { vendor: 'x' } }, detectWebGpu);
    expect(fallback.detail).to.match(/^fallback adapter/);
  });

  it('classifies WebGL renderers: hardware, software by name, hidden', () => {
    const cases: [string, string | null, string][] = [
      ['NVIDIA Corporation', 'NVIDIA GeForce RTX 4070/PCIe/SSE2', 'hardware'],
      [
        'Google Inc. (Apple)',
        'ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)',
        'hardware',
      ],
      [
        'Google Inc. (Google)',
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
        'software',
      ],
      ['Mesa', 'llvmpipe (LLVM 15.0.6, 256 bits)', 'software'],
      ['Microsoft', 'Microsoft Basic Render Driver', 'software'],
      ['', null, 'unknown'], // WEBGL_debug_renderer_info withheld (privacy settings)
    ];
    for (const [vendor, renderer, kind] of cases) {
      const c = withRenderer(vendor, renderer, detectWebGl);
      expect(c.name).to.equal('webgl');
      expect(c.kind, `${vendor} / ${renderer}`).to.equal(kind);
    }
  });

  it('takes a generic "Apple GPU" for unclear on a platform that is not Apple\'s (WebKit\'s software renderer)', async () => {
    // WebKitGTK on Linux reports its software renderer as "Apple GPU": auto must time it, not trust it.
    const cases: [string, string, string, string][] = [
      ['Linux x86_64', 'Apple Inc.', 'Apple GPU', 'unknown'],
      ['Linux aarch64', 'WebKit', 'Apple GPU', 'unknown'],
      ['Win32', 'Apple Inc.', 'Apple GPU', 'unknown'],
      ['MacIntel', 'Apple Inc.', 'Apple GPU', 'hardware'], // Safari on a Mac: the real GPU, named generically
      ['iPhone', 'Apple Inc.', 'Apple GPU', 'hardware'],
      ['Linux x86_64', 'Google Inc. (Apple)', 'ANGLE (Apple, ANGLE Metal Renderer: Apple M2)', 'hardware'],
      ['Linux x86_64', 'Mesa', 'llvmpipe (LLVM 15.0.6, 256 bits)', 'software'],
      ['Linux x86_64', 'NVIDIA Corporation', 'NVIDIA GeForce RTX 4070/PCIe/SSE2', 'hardware'],
    ];
    for (const [platform, vendor, renderer, kind] of cases) {
      const c = await withPlatform(platform, () => withRenderer(vendor, renderer, detectWebGl));
      expect(c.kind, `${platform}: ${vendor} / ${renderer}`).to.equal(kind);
      expect(gpuKind(`${vendor} ${renderer}`, platform), `${platform}: ${renderer}`).to.equal(kind);
    }
    // The same for a WebGPU adapter that only says "apple".
    const linux = await withPlatform('Linux x86_64', () =>
      withGpu({ info: { vendor: 'apple' } }, detectWebGpu),
    );
    expect(linux.kind).to.equal('unknown');
    const mac = await withPlatform('MacIntel', () => withGpu({ info: { vendor: 'apple' } }, detectWebGpu));
    expect(mac.kind).to.equal('hardware');
  });

  it('agrees with what this browser itself reports', async () => {
    // WebGPU: the adapter's own fields, read here independently of the library.
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(o?: unknown): Promise<FakeAdapter> } }).gpu;
    const adapter = gpu ? await gpu.requestAdapter({ powerPreference: 'high-performance' }) : null;
    const c = await detectWebGpu();
    if (!adapter) expect(c.kind).to.equal('unavailable');
    else {
      const info = adapter.info ?? {}; // GPUAdapterInfo's fields are getters: read them by name
      const words = ['vendor', 'architecture', 'device', 'description'].map((k) => info[k] ?? '').join(' ');
      const software =
        adapter.isFallbackAdapter === true ||
        info.isFallbackAdapter === true ||
        /swiftshader|llvmpipe|lavapipe|software/i.test(words);
      expect(c.kind, words).to.equal(software ? 'software' : words.trim() ? 'hardware' : 'unknown');
    }
    // WebGL: the unmasked renderer string, from the kind of canvas training gets (an OffscreenCanvas wherever one
    // exists: the Worker has no other). WebKitGTK's page canvas has WebGL2 but its OffscreenCanvas has none.
    const canvas =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    const w = detectWebGl();
    if (!gl) expect(w.kind).to.equal('unavailable');
    else if (/swiftshader|llvmpipe|software|basic render/i.test(renderer))
      expect(w.kind).to.equal('software');
    else expect(w.kind).to.equal(renderer ? 'hardware' : 'unknown');
    // And what auto decided follows from the two: with no real or unclear GPU, the processor (WASM).
    const { backend } = await getTf('auto');
    const report = backendReport()!;
    const gpus = report.candidates.filter((x) => x.name === 'webgl' || x.name === 'webgpu');
    if (gpus.every((x) => x.kind === 'software' || x.kind === 'unavailable')) {
      expect(backend).to.equal('wasm');
      expect(report.reason).to.match(/software renderer|no GPU/);
    } else expect(report.reason).to.match(/hardware GPU|probe/);
  });

  it('two copies of the library share one initialisation (state kept on globalThis)', async () => {
    const first = await getTf('auto');
    // A second copy of the module, as when two bundles of the library sit on one page (another URL = another
    // module instance with its own variables).
    const url = new URL('../../src/engine/backend.ts', import.meta.url).href + '?second-copy';
    const copy = (await import(/* @vite-ignore */ url)) as typeof import('../../src/engine/backend.js');
    expect(copy.getTf).to.not.equal(getTf); // really another instance
    const second = await copy.getTf('auto');
    expect(second.backend).to.equal(first.backend);
    expect(copy.backendReport()).to.equal(backendReport());
  });
});
