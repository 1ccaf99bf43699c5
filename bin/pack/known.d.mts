// Types of known.mjs: the IDX datasets whose class names, licence and source the packer knows. The names live
// there only; a test or a story that needs Fashion-MNIST's classes imports them from it (KNOWN.fashionmnist).

/** What the packer knows of one standard dataset. */
export interface KnownDataset {
  /** Its display name, written to dataset.json (`Fashion-MNIST`). */
  readonly name: string;
  /** Class names in label order (`classes[k]` is label k). */
  readonly classes: readonly string[];
  readonly licence: string;
  readonly source: string;
  /** The label values in class order, when they are not 0 … n − 1 (EMNIST Letters: 1 … 26). */
  readonly labels?: readonly number[];
  /** EMNIST's images are stored transposed. */
  readonly transpose?: boolean;
}

/** Key (`keyOf(name)`) → what is known. */
export declare const KNOWN: {
  readonly mnist: KnownDataset;
  readonly fashionmnist: KnownDataset;
  readonly kmnist: KnownDataset;
  readonly emnistdigits: KnownDataset;
  readonly emnistmnist: KnownDataset;
  readonly emnistletters: KnownDataset;
  readonly emnistbyclass: KnownDataset;
  readonly emnistbymerge: KnownDataset;
  readonly emnistbalanced: KnownDataset;
};

/** `Fashion-MNIST`, `fashion_mnist`, `fashionmnist` → `fashionmnist`. */
export declare function keyOf(name: unknown): string;

/** What is known of the dataset named `name` (any spelling), or undefined. */
export declare function known(name: unknown): KnownDataset | undefined;

/** The known names, for messages. */
export declare const KNOWN_NAMES: readonly string[];
