/** Français : les mots de `<feature-map>` et les messages de sa chaîne de filtres (see ../types.ts). */
import type { FM_EN } from '../../components/feature-map/feature-map.strings.js';
import type { FILTERS_MESSAGES } from '../../engine/filters.messages.js';
import type { SameKeys } from '../types.js';

export const FM: SameKeys<typeof FM_EN> = {
  'fm.loadingImage': 'Chargement de l’image…',
  'fm.loadingDigit': 'Chargement du chiffre de test…',
  'fm.loadingTestImage': 'Chargement de l’image de test…',
  'fm.computing': 'Calcul des cartes de caractéristiques…',
  'fm.testDigit': 'Chiffre de test',
  'fm.testImage': 'Image de test',
  'fm.after.group': 'Ce qui se passe après la convolution',
  'fm.maxPool': 'Max pooling 2×2',
  'fm.compare': 'Avant / après',
  'fm.shape.layer': (p) => `Couche ${p.layer} :`,
  'fm.shape.input': (p) => `entrée ${p.shape}`,
  'fm.shape.conv': (p) => `convolution ${p.hyper}`,
  'fm.shape.pool': 'max pooling 2×2',
  'fm.shape.output': 'forme de la sortie C × H × W :',
  'fm.photo': (p) => `La photo d’entrée telle que les filtres la voient, ${p.size} pixels`,
  'fm.testDigitFed': (p) => `Le chiffre de test ${p.label} donné au réseau, ${p.size}`,
  'fm.testImageFed': (p) => `L’image de test ${p.label} donnée au réseau, ${p.size}`,
  'fm.testImageFedColour': (p) => `L’image de test ${p.label} donnée au réseau, ${p.size} en couleur`,
  'fm.input': 'Entrée',
  'fm.digit': (p) => `Chiffre ${p.label}`,
  'fm.filterN': (p) => `filtre ${p.n}`,
  'fm.custom': 'personnalisé',
  'fm.channel': (p) => `canal ${p.n}`,
  'fm.map': (p) => `Carte ${p.n} (${p.name}) du filtre : ${p.h}×${p.w}, valeurs de ${p.min} à ${p.max}`,
  'fm.mapOfLayer': (p) =>
    `Carte ${p.n} (${p.name}) de la couche ${p.layer} : ${p.h}×${p.w}, valeurs de ${p.min} à ${p.max}`,
  'fm.mapBefore': (p) =>
    `Carte ${p.n} (${p.name}) avant ${p.what} : ${p.h}×${p.w}, valeurs de ${p.min} à ${p.max}`,
  'fm.pooling': 'pooling',
  'fm.before': 'avant',
  'fm.afterWhat': (p) => `après ${p.what}`,
  'fm.low': 'bas',
  'fm.high': 'haut',
  'fm.sharedScale': 'chaque paire avant/après partage une même échelle',
  'fm.ownScale': 'chaque carte est mise à l’échelle de sa propre plage',
  'fm.kernels': (p) =>
    `Noyaux de ${p.layer}, un par canal de couleur (${p.kh}×${p.kw} poids ; les trois de chaque filtre sur une même échelle)`,
  'fm.red': 'canal rouge',
  'fm.green': 'canal vert',
  'fm.blue': 'canal bleu',
  'fm.kernel': (p) => `Filtre ${p.n}, ${p.channel} : noyau ${p.kh}×${p.kw}, poids de ${p.min} à ${p.max}`,
  'fm.downscaled': (p) =>
    `L’image de ${p.nw}×${p.nh} a été réduite à ${p.w}×${p.h} (au plus ${p.max} px de côté) pour que la page reste réactive.`,
  'fm.waitingTrain': (p) =>
    `En attente de l’entraînement du réseau : les activations de ${p.layer} apparaîtront quand <cnn-trainer id="${p.id}"> aura démarré.`,
  'fm.waitingTrainer': (p) => `En attente de <cnn-trainer id="${p.id}"> sur la page.`,
  'fm.pipelineFailed': (p) => `Impossible de charger le traitement de la photo : ${p.error}`,
  'fm.computeFailed': (p) => `Le calcul des cartes a échoué : ${p.error}`,
  'fm.tfFailed': (p) => `TensorFlow.js n’a pas pu démarrer : ${p.error}`,
  'fm.seed': 'La graine doit être un nombre entier, par exemple 1234.',
  'fm.seedGot': (p) => `La graine doit être un nombre entier (reçu : ${p.got}), par exemple 1234.`,
  'fm.image.missing': (p) =>
    `Impossible de charger l’image « ${p.src} » : elle est introuvable ou n’est pas une image.`,
  'fm.image.cors': (p) =>
    `Impossible de charger l’image « ${p.src} » : elle est introuvable, n’est pas une image, ou se trouve sur un autre site qui n’autorise pas la lecture de ses pixels (il faut CORS : Access-Control-Allow-Origin).`,
  'fm.image.noSize': (p) => `L’image « ${p.src} » n’a pas de taille (un SVG sans width ni height ?).`,
  'fm.image.noCanvas': 'Ce navigateur ne peut pas lire les pixels d’une image (pas de canevas 2D).',
  'fm.image.tainted': (p) =>
    `L’image « ${p.src} » se trouve sur un autre site qui n’autorise pas la lecture de ses pixels (CORS) : servez-la avec Access-Control-Allow-Origin, ou hébergez-la sur ce site.`,
  'fm.digitRange': (p) => `digit doit être un nombre entier de 0 à ${p.last} (reçu : ${p.got}).`,
  'fm.classRange': (p) =>
    `digit doit être un nombre entier de 0 à ${p.last} (une classe de ${p.name} : 0 est ${p.first}) (reçu : ${p.got}).`,
  'fm.got.nan': 'une valeur qui n’est pas un nombre',
  'fm.got.infinite': 'un nombre infini',
  'fm.layerEmpty': 'layer est vide : nommez une couche de l’entraîneur, par exemple conv1.',
  'fm.activationsFailed': (p) => `Impossible de lire les activations de « ${p.layer} » : ${p.error}`,
  'fm.noLayer': (p) => `Le réseau de l’entraîneur n’a pas de couche « ${p.layer} ».`,
  'fm.noLayerIn': (p) =>
    `Le réseau de l’entraîneur n’a pas de couche « ${p.layer} » : ses couches d’image sont ${p.layers}.`,
  'fm.noLayerFlat': (p) =>
    `Le réseau de l’entraîneur n’a pas de couche « ${p.layer} » : il n’a aucune couche d’image (il aplatit d’abord le chiffre).`,
  'fm.flatLayer': (p, f) =>
    `La couche « ${p.layer} » donne ${f.number(p.count)} valeurs, pas une image : elle n’a donc pas de cartes de caractéristiques. Ses couches d’image sont ${p.layers}.`,
  'fm.flatLayerNone': (p, f) =>
    `La couche « ${p.layer} » donne ${f.number(p.count)} valeurs, pas une image : elle n’a donc pas de cartes de caractéristiques, et le réseau n’a aucune couche d’image (il aplatit d’abord le chiffre).`,
  'fm.notImage': (p) =>
    `La couche « ${p.layer} » a la forme [${p.shape}], qui n’est pas une activation en forme d’image.`,
  'fm.noTestImage': (p) =>
    `Aucune des ${p.count} premières images de test n’est de la classe ${p.digit} (${p.name}) : choisissez-en une autre.`,
};

export const FILTERS: SameKeys<typeof FILTERS_MESSAGES> = {
  'filters.name.padding': 'La marge (padding)',
  'filters.name.stride': 'Le pas (stride)',
  'filters.name.kernelSize': 'La taille du noyau',
  'filters.name.count': 'Le nombre de filtres',
  'filters.notNumber': (p) => `${p.name} doit être un nombre.`,
  'filters.notWhole': (p, f) =>
    `${p.name} doit être un nombre entier (reçu : ${f.number(p.got, { useGrouping: false, maximumFractionDigits: 6 })}).`,
  'filters.tooSmall': (p) => `${p.name} doit valoir au moins ${p.min} (reçu : ${p.got}).`,
  'filters.tooBig': (p) => `${p.name} : au plus ${p.max} (reçu : ${p.got}).`,
  'filters.activation': (p) => `activation doit valoir "none" ou "relu" (reçu : "${p.got}").`,
  'filters.pool': (p) => `pool doit valoir 0 (aucun) ou 2 (max pooling 2×2) (reçu : ${p.got}).`,
  'filters.notANumber': 'une valeur qui n’est pas un nombre',
  'filters.inChannelsPhoto': (p) =>
    `in_channels vaut ${p.declared}, mais ${p.arrive} canaux arrivent ici (la photo est en RVB) : écrivez ${p.arrive} (ou 1 sur la photo, pour la voir en gris).`,
  'filters.inChannels': (p) =>
    `in_channels vaut ${p.declared}, mais ${p.arrive} canaux arrivent ici (les filtres de la couche précédente) : écrivez ${p.arrive} (ou 1 sur la photo, pour la voir en gris).`,
  'filters.strideZero': 'Le pas doit valoir au moins 1 : avec un pas de 0, la fenêtre ne bougerait jamais.',
  'filters.kernelSquare': (p) => `Le noyau doit être carré (reçu : ${p.rows}×${p.cols}).`,
  'filters.kernelSlices': (p) =>
    `Le noyau a ${p.slices} tranches de canal, mais l’entrée a ${p.channels} canaux : donnez une tranche par canal d’entrée, ou un noyau 2D.`,
  'filters.empty': (p) =>
    `filters est vide : donnez des noms de filtres prédéfinis (${p.presets}) ou un nombre de filtres aléatoires.`,
  'filters.emptyName': (p) =>
    `filters contient un nom vide (une virgule en trop ?). Prédéfinis : ${p.presets}.`,
  'filters.unknown': (p) =>
    `Filtre inconnu « ${p.name} ». Utilisez des noms de filtres prédéfinis (${p.presets}) ou un nombre de filtres aléatoires.`,
  'filters.tooMany': (p) => `Trop de filtres (${p.count}) : au plus ${p.max}.`,
  'filters.poolTooSmall': (p) => `La carte de ${p.h}×${p.w} est trop petite pour un pooling 2×2.`,
  'filters.inLayer': (p) => `Couche ${p.n} : ${p.error}`,
  'filters.layersJson':
    'layers n’est pas du JSON valide : écrivez par exemple [{"filters": "5", "kernelSize": 5}].',
  'filters.layersEmpty': 'layers doit être un tableau JSON non vide d’objets de couche.',
  'filters.layersTooMany': (p) => `layers : au plus ${p.max} (reçu : ${p.got}).`,
  'filters.layerObject': (p) =>
    `La couche ${p.n} doit être un objet comme {"filters": "5", "kernelSize": 5}.`,
  'filters.layerKey': (p) =>
    `Couche ${p.n} : clé inconnue « ${p.key} » (utilisez filters, kernel, kernelSize, padding, stride, activation, pool).`,
  'photo.lead': (p) => `Impossible de charger l’image « ${p.src} »`,
  'photo.label': (p) => `l’image « ${p.src} »`,
  'photo.badAddress': (p) => `« ${p.src} » n’est pas une adresse d’image valide.`,
  'photo.cors': (p) =>
    `${p.lead} : elle se trouve sur un autre site qui n’autorise peut-être pas la lecture de ses pixels (il faut CORS : Access-Control-Allow-Origin), ou la connexion a échoué ; vérifiez-le, puis appuyez sur Réessayer.`,
  'photo.jpegCut': 'le JPEG n’a pas de fin : il a été tronqué',
  'photo.gifCut': 'le GIF n’a pas de fin : il a été tronqué',
  'photo.webpCut': 'le fichier WebP a été tronqué',
  'photo.pngCut': 'le PNG a été tronqué',
  'photo.pngChecksum': 'un bloc du PNG a une somme de contrôle fausse',
  'torch.parse': (p) => `layers : ${p.error}`,
  'torch.at': (p) => `layers : ligne ${p.line}, colonne ${p.column} : ${p.error}`,
  'torch.square': (p) =>
    `${p.layer} : ici, les cartes de caractéristiques prennent des noyaux, des pas et des marges carrés.`,
  'torch.dilation': (p) => `${p.layer} : la dilatation est pour <cnn-trainer layers>.`,
  'torch.bias': (p) => `${p.layer} : ici, les filtres ont toujours un biais.`,
  'torch.tooMany': (p) => `${p.layer} : au plus ${p.max} convolutions sont montrées sur une photo.`,
  'torch.same': (p) =>
    `${p.layer} : padding='same' demande ici un noyau impair et un pas de 1 ; donnez un nombre.`,
  'torch.first': (p) =>
    `La chaîne commence par une Conv2d (la photo passe d’abord par une convolution), pas par ${p.layer}.`,
  'torch.relu': (p) => `${p.layer} : cette convolution a déjà une ReLU.`,
  'torch.pool': (p) => `${p.layer} : ici, le pooling est 2×2 avec un pas de 2 : écrivez MaxPool2d(2).`,
  'torch.pooled': (p) => `${p.layer} : cette convolution a déjà un pooling.`,
  'torch.other': (p) =>
    `${p.type} n’est pas montré sur une photo : la chaîne ici est Conv2d, ReLU() et MaxPool2d(2) (entraînez ${p.type} dans <cnn-trainer layers>).`,
};
