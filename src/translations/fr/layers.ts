/** Français : les messages d’un texte `layers` PyTorch (see ../../engine/models/layers.messages.ts). */
import type { SameKeys } from '../types.js';
import type { LAYERS_MESSAGES } from '../../engine/models/layers.messages.js';
import type { MessageFormats } from '../../engine/messages.js';

type F = MessageFormats;
const count = (f: F, n: number, one: string, many: string) =>
  `${f.number(Math.round(n))} ${f.plural(n) === 'one' ? one : many}`;
const features = (f: F, n: number) => count(f, n, 'caractéristique', 'caractéristiques');
const mflop = (f: F, n: number) => f.number(n, { maximumFractionDigits: n < 10 ? 1 : 0 });
const lowerFirst = (s: string) => String(s).charAt(0).toLowerCase() + String(s).slice(1);

export const LAYERS: SameKeys<typeof LAYERS_MESSAGES> = {
  'layers.at': (p) => `Ligne ${p.line}, colonne ${p.column} : ${p.error}`,
  'layers.atLayer': (p) => `Couche ${p.index} : ${p.error}`,
  'layers.cannotTake': (p) =>
    `il ne peut pas recevoir d’images de ${p.width}×${p.height}×${p.channels} : ${p.error}`,
  'layers.in': (p) => `${p.error} (dans ${p.layer})`,
  'layers.notText': 'layers doit être un texte comme « Conv2d(1, 16, 3), ReLU(), … ».',
  'layers.tooLong': (p, f) =>
    `layers est trop long (${f.number(p.length)} caractères ; au plus ${f.number(p.max)}).`,
  'layers.empty': 'layers est vide : écrivez un réseau comme « Flatten(), Linear(784, 10) ».',
  'layers.unclosedString': (p) => `cette chaîne n’est pas fermée : ajoutez un ${p.quote} après elle.`,
  'layers.unexpectedChar': (p) =>
    `« ${p.char} » inattendu : écrivez les couches comme Conv2d(1, 16, 3), séparées par des virgules ou des retours à la ligne.`,
  'layers.theEnd': 'la fin',
  'layers.tooMany': (p) => `trop de couches (au plus ${p.max}).`,
  'layers.separator': (p) =>
    `une virgule ou un retour à la ligne est attendu après ${p.layer}, trouvé « ${p.found} ».`,
  'layers.sequentialOpen': 'Sequential( n’est pas fermé : ajoutez un « ) » à la fin.',
  'layers.afterSequential': (p) => `« ${p.found} » inattendu après Sequential(…).`,
  'layers.expectedLayer': (p) => `une couche comme Conv2d(1, 16, 3) est attendue, trouvé « ${p.found} ».`,
  'layers.notBuilt': (p) => `${p.layer} ne fait pas partie des couches construites ici (${p.list}).`,
  'layers.unknownLayerHint': (p) => `couche inconnue « ${p.layer} » — vouliez-vous dire « ${p.hint} » ?`,
  'layers.unknownLayer': (p) => `couche inconnue « ${p.layer} ». Les couches sont ${p.list}.`,
  'layers.parentheses': (p) => `${p.layer} demande des parenthèses : écrivez ${p.layer}(${p.args}).`,
  'layers.callOpen': (p) => `${p.layer}( n’est pas fermé : ajoutez un « ) ».`,
  'layers.callComma': (p) => `« , » ou « ) » est attendu dans ${p.layer}(…), trouvé « ${p.found} ».`,
  'layers.capital': (p) => `écrivez ${p.word} (Python l’écrit avec une majuscule).`,
  'layers.tupleNumbers': (p) => `un tuple contient ici des nombres, comme (3, 3) ; trouvé « ${p.found} ».`,
  'layers.tupleComma': (p) => `« , » ou « ) » est attendu dans le tuple, trouvé « ${p.found} ».`,
  'layers.expectedValue': (p) =>
    `une valeur est attendue dans ${p.layer}(…) (un nombre, 'same', True…), trouvé « ${p.found} ».`,
  'layers.positionalAfterKeyword':
    'un argument positionnel ne peut pas suivre un argument nommé (c’est la règle de Python).',
  'layers.noArguments': (p) => `${p.layer}() ne prend aucun argument.`,
  'layers.tooManyPositional': (p) =>
    `${p.layer} prend au plus ${p.max} ${p.max === 1 ? 'argument positionnel' : 'arguments positionnels'} (${p.names}) ; celui-ci est le numéro ${p.n}.`,
  'layers.unknownArgumentHint': (p) =>
    `argument inconnu « ${p.arg} » pour ${p.layer} — vouliez-vous dire « ${p.hint} » ?`,
  'layers.unknownArgument': (p) => `argument inconnu « ${p.arg} » pour ${p.layer} (il prend ${p.names})`,
  'layers.unknownArgumentNone': (p) => `argument inconnu « ${p.arg} » pour ${p.layer} (il n’en prend aucun)`,
  'layers.twice': (p) => `${p.layer} a reçu ${p.arg} deux fois.`,
  'layers.missing': (p) =>
    `il manque à ${p.layer} ${p.count === 1 ? 'son argument' : 'les arguments'} ${p.names} : écrivez par exemple ${p.example}.`,
  'layers.badArgument': (p) => `${p.arg} de ${p.layer} ${p.error}.`,
  'layers.sameStride':
    "padding='same' exige un pas de 1 (PyTorch le refuse pour les convolutions avec un pas).",
  'layers.strideDilation': 'un pas et une dilatation supérieurs à 1 ne peuvent pas être combinés ici.',
  'arg.wholeNot': (p) => `doit être un nombre entier, pas ${p.value}`,
  'arg.whole': (p) => `doit être un nombre entier (reçu : ${p.value})`,
  'arg.atLeast': (p) => `doit valoir au moins ${p.min} (reçu : ${p.value})`,
  'arg.tooLarge': (p, f) =>
    `est trop grand (au plus ${f.number(p.max)} ; reçu : ${f.number(Math.round(p.value))})`,
  'arg.pair': (p) => `doit être un nombre ou une paire comme (3, 3), pas ${p.value}`,
  'arg.square': (p) => `doit être carré ici : ${p.value} a deux tailles différentes ; écrivez un seul nombre`,
  'arg.padding': (p) => `doit être un nombre, 'same' ou 'valid', pas ${p.value}`,
  'arg.bool': (p) => `doit être True ou False, pas ${p.value}`,
  'arg.number': (p) => `doit être un nombre, pas ${p.value}`,
  'arg.range': (p) => `doit être compris entre ${p.lo} et ${p.hi} (reçu : ${p.value})`,
  'arg.rangeBelow': (p) => `doit être d’au moins ${p.lo} et inférieur à ${p.hi} (reçu : ${p.value})`,
  'arg.small': (p) => `doit être un petit nombre (reçu : ${p.value})`,
  'arg.onlyDefault': (p) => `ne peut valoir que ${p.only} ici (${p.why} ; reçu : ${p.value})`,
  'why.groups': 'les convolutions groupées ne sont pas construites',
  'why.paddingMode': 'le remplissage se fait toujours avec des zéros',
  'why.poolDilation': 'le pooling dilaté n’est pas construit',
  'why.indices': 'seules les valeurs sont utilisées',
  'why.ceil': 'les tailles sont arrondies vers le bas, comme par défaut',
  'why.countPad': 'les zéros de remplissage comptent dans la moyenne, comme par défaut',
  'why.flatten': 'tout sauf le lot est aplati',
  'net.noLayers': 'Le réseau n’a aucune couche.',
  'net.flatInput': (p, f) =>
    `${p.layer} demande une image [canaux, hauteur, largeur], mais l’entrée est plate ici (${features(f, p.features)}${p.from ? `, issues de ${p.from}` : ''}) : placez-la avant Flatten().`,
  'net.channels': (p, f) =>
    `${p.layer} reçoit ici ${count(f, p.channels, 'canal', 'canaux')}${p.input ? ` (l’entrée est ${p.input})` : ''} : écrivez ${p.fix}.`,
  'net.needsFlatten': (p, f) =>
    `${p.layer} reçoit ici une image ${p.shape} : ajoutez Flatten() avant elle (cela donne ${features(f, p.features)}).`,
  'net.features': (p, f) =>
    `${p.layer} reçoit ici ${features(f, p.features)}${p.from ? ` (${p.from})` : p.input ? ` (l’entrée est ${p.input})` : ''} : écrivez ${p.fix}.`,
  'net.window': (p) => `${p.layer} reçoit ici une image ${p.shape} : ${lowerFirst(p.error)}`,
  'net.endsWithImage': (p) =>
    `Le réseau se termine par une image ${p.shape}, mais il doit se terminer par un score par classe (${p.classes}) : ajoutez Flatten() et Linear(${p.features}, ${p.classes}).`,
  'net.lastLayer': (p, f) =>
    `La dernière couche donne ${count(f, p.outputs, 'sortie', 'sorties')}, mais les données ont ${count(f, p.classes, 'classe', 'classes')} : écrivez ${p.fix}.`,
  'net.lastLayerEnd': (p, f) =>
    `La dernière couche donne ${count(f, p.outputs, 'sortie', 'sorties')}, mais les données ont ${count(f, p.classes, 'classe', 'classes')} : terminez par Linear(${p.outputs}, ${p.classes}).`,
  'net.tooManyParams': (p, f) =>
    `Ce réseau a ${f.number(p.params)} paramètres, au-delà des ${f.number(p.max)} qu’un onglet de navigateur peut entraîner (${p.layer} en a à lui seul ${f.number(p.layerParams)}) : réduisez-le.`,
  'net.tooManyFlops': (p, f) =>
    `Une image d’entraînement coûterait ${mflop(f, p.mflop)} MFLOP, au-delà des ${mflop(f, p.max)} MFLOP qu’un onglet de navigateur peut entraîner (${p.layer} coûte ${mflop(f, p.layerMflop)}) : utilisez moins de canaux, une entrée plus petite ou un pooling plus tôt.`,
  'net.badJson':
    'layers commence comme du JSON mais n’est pas du JSON valide : écrivez des couches PyTorch (« Conv2d(1, 16, 3), ReLU(), … ») ou un tableau JSON de spécifications de couches.',
  'net.notValue':
    'network doit être des couches PyTorch sous forme de texte, ou des spécifications de couches : un tableau comme [{ "type": "conv2d", "filters": 16, "kernelSize": 3 }, …].',
  'net.notSpec': (p) =>
    `La couche ${p.n} n’est pas une spécification de couche : donnez { "type": … } avec l’un de ${p.types}.`,
  'net.notSpecType': (p) =>
    `La couche ${p.n} n’est pas une spécification de couche : donnez { "type": … } avec l’un de ${p.types} (pas « ${p.type} »).`,
  'net.cannotWrite': (p) =>
    `Ces spécifications de couches ne peuvent pas être écrites en couches PyTorch : ${p.error}`,
};
