/** 简体中文：`<feature-map>` 的文字及其滤波器链的提示信息 (see ../types.ts)。 */
import type { FM_EN } from '../../components/feature-map/feature-map.strings.js';
import type { FILTERS_MESSAGES } from '../../engine/filters.messages.js';
import type { SameKeys } from '../types.js';

export const FM: SameKeys<typeof FM_EN> = {
  'fm.loadingImage': '正在加载图像…',
  'fm.loadingDigit': '正在加载测试数字…',
  'fm.loadingTestImage': '正在加载测试图像…',
  'fm.computing': '正在计算特征图…',
  'fm.testDigit': '测试数字',
  'fm.testImage': '测试图像',
  'fm.after.group': '卷积之后发生什么',
  'fm.maxPool': '2×2 最大池化',
  'fm.compare': '前 / 后对比',
  'fm.shape.layer': (p) => `${p.layer} 层：`,
  'fm.shape.input': (p) => `输入 ${p.shape}`,
  'fm.shape.conv': (p) => `卷积 ${p.hyper}`,
  'fm.shape.pool': '2×2 最大池化',
  'fm.shape.output': '输出形状 C × H × W：',
  'fm.photo': (p) => `滤波器所见的输入照片，${p.size} 像素`,
  'fm.testDigitFed': (p) => `输入网络的测试数字 ${p.label}，${p.size}`,
  'fm.testImageFed': (p) => `输入网络的测试图像 ${p.label}，${p.size}`,
  'fm.testImageFedColour': (p) => `输入网络的测试图像 ${p.label}，${p.size}，彩色`,
  'fm.input': '输入',
  'fm.digit': (p) => `数字 ${p.label}`,
  'fm.filterN': (p) => `滤波器 ${p.n}`,
  'fm.custom': '自定义',
  'fm.channel': (p) => `通道 ${p.n}`,
  'fm.map': (p) => `滤波器的第 ${p.n} 张特征图（${p.name}）：${p.h}×${p.w}，取值 ${p.min} 到 ${p.max}`,
  'fm.mapOfLayer': (p) =>
    `${p.layer} 层的第 ${p.n} 张特征图（${p.name}）：${p.h}×${p.w}，取值 ${p.min} 到 ${p.max}`,
  'fm.mapBefore': (p) =>
    `第 ${p.n} 张特征图（${p.name}）${p.what}之前：${p.h}×${p.w}，取值 ${p.min} 到 ${p.max}`,
  'fm.pooling': '池化',
  'fm.before': '之前',
  'fm.afterWhat': (p) => `${p.what}之后`,
  'fm.low': '低',
  'fm.high': '高',
  'fm.sharedScale': '每对前后图共用同一色标',
  'fm.ownScale': '每张特征图按各自的取值范围着色',
  'fm.kernels': (p) =>
    `${p.layer} 的卷积核，每个颜色通道一个（${p.kh}×${p.kw} 个权重；每个滤波器的三个切片共用同一色标）`,
  'fm.red': '红色通道',
  'fm.green': '绿色通道',
  'fm.blue': '蓝色通道',
  'fm.kernel': (p) => `滤波器 ${p.n}，${p.channel}：${p.kh}×${p.kw} 卷积核，权重 ${p.min} 到 ${p.max}`,
  'fm.downscaled': (p) =>
    `${p.nw}×${p.nh} 的图像已缩小为 ${p.w}×${p.h}（每边最多 ${p.max} 像素），以保持页面流畅。`,
  'fm.waitingTrain': (p) =>
    `正在等待网络训练：<cnn-trainer id="${p.id}"> 开始训练后，将显示 ${p.layer} 的激活。`,
  'fm.waitingTrainer': (p) => `正在等待页面上出现 <cnn-trainer id="${p.id}">。`,
  'fm.pipelineFailed': (p) => `无法加载照片处理模块：${p.error}`,
  'fm.computeFailed': (p) => `特征图计算失败：${p.error}`,
  'fm.tfFailed': (p) => `TensorFlow.js 无法启动：${p.error}`,
  'fm.seed': '随机种子必须是整数，例如 1234。',
  'fm.seedGot': (p) => `随机种子必须是整数（收到的是 ${p.got}），例如 1234。`,
  'fm.image.missing': (p) => `无法加载图像"${p.src}"：文件不存在或不是图像。`,
  'fm.image.cors': (p) =>
    `无法加载图像"${p.src}"：文件不存在、不是图像，或位于不允许读取其像素的其他网站（需要 CORS：Access-Control-Allow-Origin）。`,
  'fm.image.noSize': (p) => `图像"${p.src}"没有尺寸（是没有 width 和 height 的 SVG 吗？）。`,
  'fm.image.noCanvas': '此浏览器无法读取图像像素（不支持 2D 画布）。',
  'fm.image.tainted': (p) =>
    `图像"${p.src}"位于不允许读取其像素的其他网站（CORS）：请让服务器返回 Access-Control-Allow-Origin，或将其放在本站。`,
  'fm.digitRange': (p) => `digit 必须是 0 到 ${p.last} 之间的整数（收到的是 ${p.got}）。`,
  'fm.classRange': (p) =>
    `digit 必须是 0 到 ${p.last} 之间的整数（${p.name} 的类别编号：0 是 ${p.first}）（收到的是 ${p.got}）。`,
  'fm.got.nan': '非数字',
  'fm.got.infinite': '无穷大',
  'fm.layerEmpty': 'layer 为空：请填写训练器中的某一层，例如 conv1。',
  'fm.activationsFailed': (p) => `无法读取"${p.layer}"的激活：${p.error}`,
  'fm.noLayer': (p) => `训练器的网络中没有"${p.layer}"层。`,
  'fm.noLayerIn': (p) => `训练器的网络中没有"${p.layer}"层：它的图像层是 ${p.layers}。`,
  'fm.noLayerFlat': (p) => `训练器的网络中没有"${p.layer}"层：它没有图像层（一开始就把数字展平了）。`,
  'fm.flatLayer': (p, f) =>
    `"${p.layer}"层输出 ${f.number(p.count)} 个数值，而不是图像，因此没有特征图：图像层是 ${p.layers}。`,
  'fm.flatLayerNone': (p, f) =>
    `"${p.layer}"层输出 ${f.number(p.count)} 个数值，而不是图像，因此没有特征图：该网络没有图像层（一开始就把数字展平了）。`,
  'fm.notImage': (p) => `"${p.layer}"层的形状为 [${p.shape}]，不是图像形状的激活。`,
  'fm.noTestImage': (p) => `前 ${p.count} 张测试图像中没有类别 ${p.digit}（${p.name}）的图像：请换一个。`,
};

export const FILTERS: SameKeys<typeof FILTERS_MESSAGES> = {
  'filters.name.padding': '填充',
  'filters.name.stride': '步幅',
  'filters.name.kernelSize': '卷积核大小',
  'filters.name.count': '滤波器数量',
  'filters.notNumber': (p) => `${p.name}必须是数字。`,
  'filters.notWhole': (p, f) =>
    `${p.name}必须是整数（收到的是 ${f.number(p.got, { useGrouping: false, maximumFractionDigits: 6 })}）。`,
  'filters.tooSmall': (p) => `${p.name}至少为 ${p.min}（收到的是 ${p.got}）。`,
  'filters.tooBig': (p) => `${p.name}最多为 ${p.max}（收到的是 ${p.got}）。`,
  'filters.activation': (p) => `activation 必须是 "none" 或 "relu"（收到的是 "${p.got}"）。`,
  'filters.pool': (p) => `pool 必须是 0（不池化）或 2（2×2 最大池化）（收到的是 ${p.got}）。`,
  'filters.notANumber': '非数字',
  'filters.inChannelsPhoto': (p) =>
    `in_channels 为 ${p.declared}，但这里输入的是 ${p.arrive} 个通道（照片是 RGB）：请写 ${p.arrive}（或对照片写 1，以灰度处理）。`,
  'filters.inChannels': (p) =>
    `in_channels 为 ${p.declared}，但这里输入的是 ${p.arrive} 个通道（上一层的滤波器）：请写 ${p.arrive}（或对照片写 1，以灰度处理）。`,
  'filters.strideZero': '步幅至少为 1：步幅为 0 时窗口永远不会移动。',
  'filters.kernelSquare': (p) => `卷积核必须是正方形（收到的是 ${p.rows}×${p.cols}）。`,
  'filters.kernelSlices': (p) =>
    `卷积核有 ${p.slices} 个通道切片，但输入有 ${p.channels} 个通道：请为每个输入通道给一个切片，或给一个二维卷积核。`,
  'filters.empty': (p) => `filters 为空：请给出预设滤波器名称（${p.presets}）或随机滤波器的数量。`,
  'filters.emptyName': (p) => `filters 中有空名称（多了一个逗号？）。预设：${p.presets}。`,
  'filters.unknown': (p) => `未知滤波器"${p.name}"。请使用预设名称（${p.presets}）或随机滤波器的数量。`,
  'filters.tooMany': (p) => `滤波器太多（${p.count} 个）：最多 ${p.max} 个。`,
  'filters.poolTooSmall': (p) => `${p.h}×${p.w} 的特征图太小，无法进行 2×2 池化。`,
  'filters.inLayer': (p) => `第 ${p.n} 层：${p.error}`,
  'filters.layersJson': 'layers 不是有效的 JSON：请写成例如 [{"filters": "5", "kernelSize": 5}]。',
  'filters.layersEmpty': 'layers 必须是由层对象组成的非空 JSON 数组。',
  'filters.layersTooMany': (p) => `layers 最多 ${p.max} 层（收到 ${p.got} 层）。`,
  'filters.layerObject': (p) => `第 ${p.n} 层必须是形如 {"filters": "5", "kernelSize": 5} 的对象。`,
  'filters.layerKey': (p) =>
    `第 ${p.n} 层：未知的键"${p.key}"（可用 filters、kernel、kernelSize、padding、stride、activation、pool）。`,
  'photo.lead': (p) => `无法加载图像"${p.src}"`,
  'photo.label': (p) => `图像"${p.src}"`,
  'photo.badAddress': (p) => `"${p.src}"不是有效的图像地址。`,
  'photo.cors': (p) =>
    `${p.lead}：它位于可能不允许读取其像素的其他网站（需要 CORS：Access-Control-Allow-Origin），或者连接失败；请检查后点击"重试"。`,
  'photo.jpegCut': 'JPEG 文件没有结尾：下载不完整',
  'photo.gifCut': 'GIF 文件没有结尾：下载不完整',
  'photo.webpCut': 'WebP 文件下载不完整',
  'photo.pngCut': 'PNG 文件下载不完整',
  'photo.pngChecksum': 'PNG 的某个数据块校验和不符',
  'torch.parse': (p) => `layers：${p.error}`,
  'torch.at': (p) => `layers：第 ${p.line} 行第 ${p.column} 列：${p.error}`,
  'torch.square': (p) => `${p.layer}：这里的特征图只支持正方形的卷积核、步幅和填充。`,
  'torch.dilation': (p) => `${p.layer}：空洞卷积（dilation）请在 <cnn-trainer layers> 中使用。`,
  'torch.bias': (p) => `${p.layer}：这里的滤波器总是带偏置。`,
  'torch.tooMany': (p) => `${p.layer}：照片上最多显示 ${p.max} 个卷积层。`,
  'torch.same': (p) => `${p.layer}：这里 padding='same' 需要奇数大小的卷积核且步幅为 1；请给出一个数字。`,
  'torch.first': (p) => `这条链必须以 Conv2d 开头（照片先进入卷积层），而不是 ${p.layer}。`,
  'torch.relu': (p) => `${p.layer}：这个卷积层已经有 ReLU 了。`,
  'torch.pool': (p) => `${p.layer}：这里的池化是步幅为 2 的 2×2 池化：请写 MaxPool2d(2)。`,
  'torch.pooled': (p) => `${p.layer}：这个卷积层已经池化过了。`,
  'torch.other': (p) =>
    `${p.type} 不能在照片上显示：这里的链只能由 Conv2d、ReLU() 和 MaxPool2d(2) 组成（请在 <cnn-trainer layers> 中训练 ${p.type}）。`,
};
