// The IDX datasets whose class names, licence and source the packer knows, so `pack` needs no `--classes` for
// them. Recognised by `--name`, else by the source folder's name (Debian's /usr/share/datasets/fashion-mnist,
// a folder called kmnist …) or, for EMNIST, by its files' own names (emnist-letters-train-images-idx3-ubyte).

const DIGITS = '0123456789'.split('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const LOWER = 'abcdefghijklmnopqrstuvwxyz'.split('');
const EMNIST = {
  licence: 'see https://www.nist.gov/itl/products-and-services/emnist-dataset',
  source: 'EMNIST (Cohen, Afshar, Tapson, van Schaik 2017), from NIST Special Database 19',
};

/** Key → what is known. `labels`: the label values in class order, when they are not 0 … n − 1. */
export const KNOWN = {
  mnist: {
    name: 'MNIST',
    classes: DIGITS,
    licence: 'CC BY-SA 3.0',
    source: 'MNIST (Yann LeCun, Corinna Cortes, Christopher J.C. Burges)',
  },
  fashionmnist: {
    name: 'Fashion-MNIST',
    classes: [
      'T-shirt/top',
      'Trouser',
      'Pullover',
      'Dress',
      'Coat',
      'Sandal',
      'Shirt',
      'Sneaker',
      'Bag',
      'Ankle boot',
    ],
    licence: 'MIT',
    source: 'Fashion-MNIST (Han Xiao, Kashif Rasul, Roland Vollgraf 2017), Zalando Research',
  },
  kmnist: {
    name: 'KMNIST',
    // Kuzushiji-MNIST's kmnist_classmap.csv: お き す つ な は ま や れ を.
    classes: [
      'o (お)',
      'ki (き)',
      'su (す)',
      'tsu (つ)',
      'na (な)',
      'ha (は)',
      'ma (ま)',
      'ya (や)',
      're (れ)',
      'wo (を)',
    ],
    licence: 'CC BY-SA 4.0',
    source: 'Kuzushiji-MNIST (Clanuwat et al. 2018), ROIS-DS Center for Open Data in the Humanities',
  },
  emnistdigits: { name: 'EMNIST Digits', classes: DIGITS, transpose: true, ...EMNIST },
  emnistmnist: { name: 'EMNIST MNIST', classes: DIGITS, transpose: true, ...EMNIST },
  // Letters: labels 1 … 26, upper and lower case merged.
  emnistletters: {
    name: 'EMNIST Letters',
    classes: UPPER.map((u, i) => `${u}/${LOWER[i]}`),
    labels: UPPER.map((_, i) => i + 1),
    transpose: true,
    ...EMNIST,
  },
  emnistbyclass: {
    name: 'EMNIST ByClass',
    classes: [...DIGITS, ...UPPER, ...LOWER],
    transpose: true,
    ...EMNIST,
  },
  // ByMerge and Balanced merge the 15 letters whose cases look alike: 47 classes.
  emnistbymerge: { name: 'EMNIST ByMerge', classes: merged(), transpose: true, ...EMNIST },
  emnistbalanced: { name: 'EMNIST Balanced', classes: merged(), transpose: true, ...EMNIST },
};

function merged() {
  return [...DIGITS, ...UPPER, ...'abdefghnqrt'.split('')];
}

/** `Fashion-MNIST`, `fashion_mnist`, `fashionmnist` → `fashionmnist`. */
export const keyOf = (name) =>
  String(name)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** What is known of the dataset named `name` (any spelling), or undefined. */
export const known = (name) => (name ? KNOWN[keyOf(name)] : undefined);

/** The known names, for messages. */
export const KNOWN_NAMES = Object.values(KNOWN).map((k) => k.name);
