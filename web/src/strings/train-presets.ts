// The studio's presets, the divergence banner (built from the engine's report
// fields) and notices about ignored URL values, English and 中文.
import type { Lang } from '../app/lang';

export const TRAIN_PRESET_STRINGS = {
  presets: { en: 'Presets', zh: '预设' },
  presetsLabel: { en: 'Load a preset', zh: '载入预设' },
  watch: { en: 'What to watch', zh: '看点' },
  preset_xor: { en: 'XOR', zh: '异或' },
  presetWatch_xor: {
    en: 'Two tanh layers learn XOR from x₁ and x₂ alone. Press Train and watch the test accuracy reach 100%; then remove the hidden layers and tick x₁x₂ to see one feature do it all.',
    zh: '两层 tanh 仅凭 x₁ 和 x₂ 就能学会异或。点“训练”，看测试准确率升到 100%；再删掉隐藏层、勾选 x₁x₂，看一个特征就能解决问题。',
  },
  preset_dead: { en: 'Dead ReLU', zh: '死亡 ReLU' },
  presetWatch_dead: {
    en: 'ReLU with a learning rate of 3: a few large steps push units below zero for every input. Their slope is 0, so they never recover. Watch the dead-unit curve climb and the boundary freeze; then try Leaky ReLU or a rate of 0.03.',
    zh: '学习率为 3 的 ReLU：几次大步更新就把神经元推到对所有输入都小于零，斜率为 0，再也恢复不了。看死亡单元曲线上升、边界不再变化；然后换成 Leaky ReLU 或把学习率降到 0.03。',
  },
  preset_vanishing: { en: 'Vanishing gradients', zh: '梯度消失' },
  presetWatch_vanishing: {
    en: 'Six sigmoid layers: σ′ ≤ 0.25, so every layer shrinks the gradient on its way back. The first layer’s line sits far below the last one and the loss hardly moves. Switch every layer to ReLU and compare.',
    zh: '六层 sigmoid：σ′ ≤ 0.25，梯度每往回传一层就缩小一次。第一层的曲线远低于最后一层，损失几乎不动。把各层换成 ReLU 比较一下。',
  },
  preset_exploding: { en: 'Exploding gradients', zh: '梯度爆炸' },
  presetWatch_exploding: {
    en: 'Six ReLU layers with large initial weights (σ = 3): each layer multiplies the signal, and within a few steps the loss overflows. Read the banner, rewind, then clip the gradient norm to 1.0 and watch the before/after-clipping chart.',
    zh: '六层 ReLU、初始权重很大（σ = 3）：每一层都把信号放大，几步之内损失就溢出了。读一读提示，回退，然后把梯度范数裁剪到 1.0，看裁剪前后的对比图。',
  },
  preset_digits: { en: 'Digits with softmax', zh: '手写数字 + softmax' },
  presetWatch_digits: {
    en: 'Real data: 1,797 handwritten digits of 8×8 pixels, ten classes, a softmax output. Draw a digit on the pad: the ten probabilities always sum to 1. The confusion matrix shows which digits get mixed up.',
    zh: '真实数据：1797 张 8×8 像素的手写数字，十个类别，softmax 输出。在画板上写一个数字：十个概率之和总是 1。混淆矩阵显示哪些数字容易混淆。',
  },
  preset_sine: { en: 'Fit a sine', zh: '拟合正弦' },
  presetWatch_sine: {
    en: 'One input, one output. A ReLU network fits sin x with straight pieces joined at kinks; switch the layers to tanh and the fit turns smooth.',
    zh: '一个输入、一个输出。ReLU 网络用折线段拟合 sin x，线段在拐点相接；把各层换成 tanh，拟合曲线就变得平滑。',
  },
  preset_spiral: { en: 'Spiral', zh: '螺旋' },
  presetWatch_spiral: {
    en: 'The hardest toy set: three layers of eight units and Adam untangle it. Watch the boundary wind itself around the arms.',
    zh: '最难的玩具数据集：三层、每层八个单元，加上 Adam 就能把它解开。看决策边界如何沿着螺旋臂绕起来。',
  },
  preset_prelu: { en: 'PReLU learns α', zh: 'PReLU 学习 α' },
  presetWatch_prelu: {
    en: 'PReLU learns the slope α of its negative side. The α chart shows where each layer takes it, starting from 0.25.',
    zh: 'PReLU 自己学习负半轴的斜率 α。α 曲线显示每一层把它从 0.25 调整到哪里。',
  },
  // Divergence banner
  divTitle: { en: 'Training diverged at step {step}', zh: '训练在第 {step} 步发散' },
  divWhat_loss: { en: 'The loss became NaN or infinite.', zh: '损失变成了 NaN 或无穷大。' },
  divWhat_gradient: { en: 'The gradient of {where} became NaN or infinite.', zh: '{where}的梯度变成了 NaN 或无穷大。' },
  divWhat_weight: { en: 'The weights of {where} became NaN or infinite.', zh: '{where}的权重变成了 NaN 或无穷大。' },
  divWhereLayer: { en: 'layer {n}', zh: '第 {n} 层' },
  divWhereNet: { en: 'the network', zh: '网络' },
  divNumbersNorm: {
    en: 'Just before, the largest |weight| was {w}; the gradient norm of the last finite step was {g}.',
    zh: '发散之前，最大的 |权重| 是 {w}；最后一个有限步的梯度范数是 {g}。',
  },
  divNumbers: {
    en: 'Just before, the largest |weight| was {w} and the largest |gradient| {g}.',
    zh: '发散之前，最大的 |权重| 是 {w}，最大的 |梯度| 是 {g}。',
  },
  divCause_initial_scale: {
    en: 'Likely cause: the initial weights are too large (σ = {sigma}), so every layer multiplies the signal. Use Xavier or He initialisation, or clip the gradients (clipnorm = 1.0).',
    zh: '可能的原因：初始权重太大（σ = {sigma}），每一层都在放大信号。改用 Xavier 或 He 初始化，或者裁剪梯度（clipnorm = 1.0）。',
  },
  divCause_learning_rate: {
    en: 'Likely cause: the learning rate {lr} is too large, so each step overshoots. Lower it (to 0.03, say) or clip the gradients (clipnorm = 1.0).',
    zh: '可能的原因：学习率 {lr} 太大，每一步都冲过了头。把它调小（比如 0.03），或者裁剪梯度（clipnorm = 1.0）。',
  },
  divCause_exploding_gradients: {
    en: 'Likely cause: the gradients exploded. Clip them (clipnorm = 1.0 or clipvalue = 0.5), add an L2 penalty, lower the learning rate or use fewer layers.',
    zh: '可能的原因：梯度爆炸。裁剪梯度（clipnorm = 1.0 或 clipvalue = 0.5）、加 L2 正则、降低学习率，或者减少层数。',
  },
  divCause_other: { en: 'The core reports: {message}', zh: '内核报告：{message}' },
  rewind: { en: 'Rewind', zh: '回退' },
  fixClip: { en: 'Rewind and clip the norm to 1.0', zh: '回退，并把梯度范数裁剪到 1.0' },
  fixLr: { en: 'Rewind and lower the learning rate to {lr}', zh: '回退，并把学习率降到 {lr}' },
  fixInit: { en: 'Restart with He initialisation', zh: '改用 He 初始化重新开始' },
  rewound: { en: 'Rewound to step {step}. Change something, then train on.', zh: '已回退到第 {step} 步。改一改设置，再继续训练。' },
  // URL notices
  noticeRange: {
    en: '{key} = “{value}” is outside [{min}, {max}]; using {fallback}.',
    zh: '{key} = “{value}” 超出范围 [{min}, {max}]；改用 {fallback}。',
  },
  noticeBadLayer: {
    en: 'net: the layer “{value}” is not valid (write units:activation, e.g. 8:relu); using {fallback}.',
    zh: 'net：层“{value}”无效（格式为 单元数:激活函数，例如 8:relu）；改用 {fallback}。',
  },
} as const satisfies Record<string, Record<Lang, string>>;
