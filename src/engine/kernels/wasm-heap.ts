/**
 * A WASM heap that cannot grow fails with an error, not with corrupted memory.
 *
 * WHY. tfjs-backend-wasm places every tensor with `wasm._malloc(bytes)` and does not check the result. When the
 * heap is full, Emscripten's malloc asks the engine for more memory (`WebAssembly.Memory.prototype.grow`); when
 * the engine refuses (a loaded machine, many Workers each holding a heap, a browser's per-process memory
 * limit), `grow` throws, Emscripten swallows that and malloc returns 0 (NULL). The backend then puts the tensor
 * at byte 0 of the heap: writing it overwrites the module's static data (allocator state, XNNPACK's tables),
 * and a later kernel call reads through a clobbered pointer and traps with "Out of bounds memory access" (in
 * WebKit: "... (evaluating 'func.apply(null, cArgs)')", Emscripten's ccall), far from the cause, or computes
 * garbage silently. Our own kernels (makeOutput + SIMD modules that write by offset) are as exposed.
 *
 * HOW. The backend's `_malloc` is replaced, once per module, by one that throws `WasmHeapExhaustedError` when
 * the real malloc returns 0 for a non-empty request. Nothing has been written yet at that point, so the heap
 * stays intact: the op fails with a clear message (training reports it) and the backend remains usable once
 * memory is available again. Zero-byte requests keep malloc's own answer (tfjs never dereferences those).
 */

/** Thrown when the WASM heap has no room for a tensor and the browser refused to grow it. */
export class WasmHeapExhaustedError extends RangeError {
  override name = 'WasmHeapExhaustedError';
  constructor(
    readonly bytes: number,
    readonly heapBytes: number,
  ) {
    super(
      `The WebAssembly heap (${Math.round(heapBytes / 2 ** 20)} MiB) has no room for ${bytes} more bytes ` +
        'and the browser refused to enlarge it (too little memory free); the operation was stopped.',
    );
  }
}

/** The parts of the Emscripten module behind tfjs-backend-wasm that the guard touches. */
interface HeapModule {
  _malloc(bytes: number): number;
  asm?: { malloc?: (bytes: number) => number; memory?: unknown };
  HEAPU8?: Uint8Array;
}

const guarded = new WeakSet<object>();

/**
 * Makes `backend.wasm._malloc` throw instead of returning 0. Idempotent; does nothing for a backend without a
 * module (another build of tfjs).
 */
export function guardWasmHeap(backend: unknown): void {
  const wasm = (backend as { wasm?: HeapModule } | null)?.wasm;
  if (!wasm || typeof wasm._malloc !== 'function' || guarded.has(wasm)) return;
  // Emscripten's `Module._malloc` is a stub that, on its first call, replaces itself with the export; take the
  // export itself so that self-replacement cannot remove the guard.
  const raw = typeof wasm.asm?.malloc === 'function' ? wasm.asm.malloc : wasm._malloc.bind(wasm);
  const heapBytes = (): number => {
    const memory = wasm.asm?.memory;
    return memory instanceof WebAssembly.Memory ? memory.buffer.byteLength : (wasm.HEAPU8?.length ?? 0);
  };
  wasm._malloc = (bytes: number): number => {
    const ptr = raw(bytes);
    if (ptr === 0 && bytes > 0) throw new WasmHeapExhaustedError(bytes, heapBytes());
    return ptr;
  };
  guarded.add(wasm);
}
