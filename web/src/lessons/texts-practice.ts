// Lesson texts, English and 中文: exploding gradients, choosing, softmax, the
// digits, and the interview questions' introduction.
import type { LessonTexts } from './text-types';

type Ids = 'exploding' | 'choosing' | 'softmax' | 'softmax-overflow' | 'digits-cross-entropy' | 'interview';

export const TEXTS_PRACTICE: Record<Ids, LessonTexts> = {
  exploding: {
    en: {
      title: 'Exploding gradients',
      body: [
        'The opposite of vanishing: when each layer multiplies the signal by more than one — large initial weights in a deep net — gradients grow exponentially with depth. The loss jumps, weights grow, and soon the loss is NaN.',
        'Remedies: fewer layers, gradient clipping (clipnorm = 1.0 rescales the whole gradient to norm 1; clipvalue = 0.5 clips each component), an L1/L2 weight penalty, a smaller learning rate, and a sane initialisation. Smaller batches help only where the loss is summed over the batch, so that the gradient grows with the batch size; nnplay averages over the batch, so here the batch size changes how noisy each step is, not how large.',
      ],
      tex: ['g\\leftarrow g\\cdot\\min\\Bigl(1,\\frac{c}{\\lVert g\\rVert}\\Bigr)\\ \\ (\\text{clipnorm}),\\qquad g_i\\leftarrow\\operatorname{clip}(g_i,-c,c)\\ \\ (\\text{clipvalue})'],
      task: 'The preset has six ReLU layers with weights drawn with σ = 3. Press Train: it diverges within a few steps. Then pick a fix — the banner’s “clip the norm to 1.0”, clip value 0.5, or fewer layers and Reset — and train for 200 steps.',
      stages: [
        'See the training diverge.',
        'With a fix on: 200 steps with a finite loss.',
      ],
      reading: 'Step {step} · loss {loss} · fixes on: {fixes}',
    },
    zh: {
      title: '梯度爆炸',
      body: [
        '梯度消失的反面：如果每一层都把信号放大——比如深层网络的初始权重很大——梯度会随深度指数增长。损失忽高忽低，权重越来越大，很快损失就变成 NaN。',
        '补救办法：减少层数；梯度裁剪（clipnorm = 1.0 把整个梯度缩放到范数 1，clipvalue = 0.5 逐个分量截断）；加 L1/L2 权重惩罚；用更小的学习率；以及合理的初始化。更小的批量只在损失按批量求和时才有用，因为那时梯度随批量大小增长；nnplay 对批量取平均，所以在这里批量大小只改变每一步的噪声，而不改变步长。',
      ],
      tex: ['g\\leftarrow g\\cdot\\min\\Bigl(1,\\frac{c}{\\lVert g\\rVert}\\Bigr)\\ \\ (\\text{clipnorm}),\\qquad g_i\\leftarrow\\operatorname{clip}(g_i,-c,c)\\ \\ (\\text{clipvalue})'],
      task: '预设有六层 ReLU，权重按 σ = 3 抽取。点“训练”：几步之内就发散了。然后选一个办法——提示框里的“把梯度范数裁剪到 1.0”、把裁剪值设为 0.5，或者减少层数再重置——训练 200 步。',
      stages: [
        '看到训练发散。',
        '用上补救办法后：训练 200 步，损失保持有限。',
      ],
      reading: '第 {step} 步 · 损失 {loss} · 已启用：{fixes}',
    },
  },
  choosing: {
    en: {
      title: 'Choosing an activation',
      body: [
        'The article’s advice: start with ReLU and watch for dead units; if they appear, try Leaky ReLU, PReLU or ELU (or Maxout). Use sigmoid only where you need a probability for two classes — the output of a binary classifier — and expect tanh to do worse than ReLU in deep hidden layers.',
        'Run the comparison: the same data, shape, seed and optimiser with each activation, side by side.',
      ],
      tex: [],
      task: 'In the studio’s “Compare activations” card, tick ReLU and Leaky ReLU (next to the others) and run the comparison. Then, following the advice, set both hidden layers of the main network to ReLU and train it.',
      stages: [
        'Tick ReLU and Leaky ReLU (or ELU/PReLU) and run the comparison.',
        'Train the main network with ReLU layers to 95% test accuracy.',
      ],
      reading: 'Comparing: {compare} · step {step} · test accuracy {acc}',
    },
    zh: {
      title: '如何选择激活函数',
      body: [
        '文章的建议：先用 ReLU，并留意死亡单元；如果出现，就试试 Leaky ReLU、PReLU 或 ELU（或 Maxout）。只在需要二分类概率的地方用 sigmoid——二分类器的输出层；在深层隐藏层里，tanh 通常不如 ReLU。',
        '跑一次比较：同样的数据、结构、随机种子和优化器，逐一换激活函数，并排对比。',
      ],
      tex: [],
      task: '在训练工作室的“比较激活函数”卡片中勾选 ReLU 和 Leaky ReLU（与其他的并列），开始比较。然后按照建议，把主网络的两个隐藏层都设为 ReLU 并训练。',
      stages: [
        '勾选 ReLU 和 Leaky ReLU（或 ELU/PReLU），开始比较。',
        '用 ReLU 层训练主网络，测试准确率达到 95%。',
      ],
      reading: '比较：{compare} · 第 {step} 步 · 测试准确率 {acc}',
    },
  },
  softmax: {
    en: {
      title: 'Softmax',
      body: [
        'Softmax turns any real scores (logits) into probabilities: exponentiate, then divide by the sum. The outputs are positive and sum to 1, and larger logits win by more than their share: softmax([2, 3, 5]) ≈ [0.042, 0.114, 0.844], while plain percentages z/Σz give [0.2, 0.3, 0.5] — and fail for negative or zero-sum logits.',
        'softmax([2, 1, 0.1]) ≈ [0.7, 0.2, 0.1]. A temperature T divides the logits first: T > 1 flattens the distribution, T < 1 sharpens it.',
      ],
      tex: ['p_i=\\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}},\\qquad \\sum_i p_i=1', '\\operatorname{softmax}(2,3,5)\\approx(0.042,\\ 0.114,\\ 0.844)'],
      task: 'The softmax lab shows [2, 3, 5] next to plain percentages. Load the logits [2, 1, 0.1] (a preset button, or type them), then raise the temperature to 2 or more and watch the probabilities even out.',
      stages: [
        'Logits [2, 1, 0.1] at T = 1: about 0.7, 0.2, 0.1.',
        'The same logits at T ≥ 2.',
      ],
      reading: 'z = [{z}] · T = {T} · p = [{p}]',
    },
    zh: {
      title: 'Softmax',
      body: [
        'Softmax 把任意实数得分（logits）变成概率：先取指数，再除以总和。输出都为正、总和为 1，而且大的 logit 得到的份额比例更大：softmax([2, 3, 5]) ≈ [0.042, 0.114, 0.844]，而直接算百分比 z/Σz 得到 [0.2, 0.3, 0.5]——遇到负数或总和为零的 logits 还会失效。',
        'softmax([2, 1, 0.1]) ≈ [0.7, 0.2, 0.1]。温度 T 先除 logits：T > 1 让分布更平，T < 1 让分布更尖。',
      ],
      tex: ['p_i=\\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}},\\qquad \\sum_i p_i=1', '\\operatorname{softmax}(2,3,5)\\approx(0.042,\\ 0.114,\\ 0.844)'],
      task: 'Softmax 实验室把 [2, 3, 5] 和直接算的百分比并排显示。载入 logits [2, 1, 0.1]（点预设按钮或直接输入），再把温度调到 2 以上，看概率变得更均匀。',
      stages: [
        'T = 1 时的 logits [2, 1, 0.1]：约为 0.7、0.2、0.1。',
        '同样的 logits，T ≥ 2。',
      ],
      reading: 'z = [{z}] · T = {T} · p = [{p}]',
    },
  },
  'softmax-overflow': {
    en: {
      title: 'Softmax overflow',
      body: [
        'eᶻ overflows float32 once z passes about 88.7. For [20, 300, 5000], e²⁰ ≈ 4.9 × 10⁸ is still fine, but e³⁰⁰ and e⁵⁰⁰⁰ are ∞, so the sum is ∞ and the textbook formula gives [0, NaN, NaN] (∞/∞ = NaN). But softmax does not change when the same constant is subtracted from every logit, so implementations subtract the maximum first: the largest exponent is then e⁰ = 1 and nothing overflows.',
      ],
      tex: ['\\operatorname{softmax}(z)_i=\\frac{e^{z_i-c}}{\\sum_j e^{z_j-c}}\\quad\\text{for any }c,\\qquad c=\\max_j z_j', '\\ln(3.4\\times10^{38})\\approx 88.72'],
      task: 'Load [20, 300, 5000] (the Overflow preset) and look at the naive row: NaN. Then subtract the maximum yourself: type 20 − 5000, 300 − 5000 and 0 as the logits. The naive formula now agrees with softmax.',
      stages: [
        'Logits that make the naive formula overflow (largest z/T above 88.7).',
        'The same logits minus one constant, small enough not to overflow.',
      ],
      reading: 'z = [{z}] · largest z/T = {zmax} · logits whose naive softmax overflowed: [{first}]',
    },
    zh: {
      title: 'Softmax 的溢出',
      body: [
        'z 超过约 88.7 时，eᶻ 会超出 float32 的范围。对 [20, 300, 5000] 来说，e²⁰ ≈ 4.9 × 10⁸ 还没问题，但 e³⁰⁰ 和 e⁵⁰⁰⁰ 都是 ∞，于是分母是 ∞，教科书公式得到 [0, NaN, NaN]（∞/∞ = NaN）。但所有 logits 同时减去同一个常数，softmax 不变，所以实现时都先减去最大值：最大的指数变成 e⁰ = 1，不会再溢出。',
      ],
      tex: ['\\operatorname{softmax}(z)_i=\\frac{e^{z_i-c}}{\\sum_j e^{z_j-c}}\\quad\\text{对任意 }c,\\qquad c=\\max_j z_j', '\\ln(3.4\\times10^{38})\\approx 88.72'],
      task: '载入 [20, 300, 5000]（“溢出”预设），看朴素公式那一行：NaN。然后自己减去最大值：把 logits 输入为 20 − 5000、300 − 5000 和 0。朴素公式现在与 softmax 一致了。',
      stages: [
        '让朴素公式溢出的 logits（最大的 z/T 超过 88.7）。',
        '同样的 logits 减去同一个常数，小到不再溢出。',
      ],
      reading: 'z = [{z}] · 最大的 z/T = {zmax} · 朴素公式溢出时的 logits：[{first}]',
    },
  },
  'digits-cross-entropy': {
    en: {
      title: 'Digits: softmax with cross-entropy',
      body: [
        'Real data: 1,797 handwritten digits of 8 × 8 pixels. The output layer has ten units and a softmax, trained with cross-entropy, whose gradient with respect to the logits is simply p − y. Sigmoid is softmax’s two-class case.',
        'Draw a digit on the pad: the ten probabilities always sum to 1. The confusion matrix shows which digits get mixed up.',
      ],
      tex: ['L=-\\sum_k y_k\\log p_k=-\\log p_{t},\\qquad \\frac{\\partial L}{\\partial z}=p-y'],
      task: 'Press Train on the digits preset until the test accuracy passes 90%. Then draw a digit on the pad and read its probabilities, and find the most confused pair in the confusion matrix.',
      stages: ['Reach 90% test accuracy on the digits.', 'Draw a digit on the pad and read its ten probabilities.'],
      reading: 'Step {step} · test accuracy {acc} · test loss {loss}',
    },
    zh: {
      title: '手写数字：softmax 与交叉熵',
      body: [
        '真实数据：1797 张 8 × 8 像素的手写数字。输出层有十个单元和一个 softmax，用交叉熵训练；交叉熵对 logits 的梯度就是 p − y。Sigmoid 是 softmax 在两类时的特例。',
        '在画板上写一个数字：十个概率之和总是 1。混淆矩阵显示哪些数字容易混淆。',
      ],
      tex: ['L=-\\sum_k y_k\\log p_k=-\\log p_{t},\\qquad \\frac{\\partial L}{\\partial z}=p-y'],
      task: '在手写数字预设上点“训练”，直到测试准确率超过 90%。然后在画板上写一个数字，读出各个概率，并在混淆矩阵里找出最容易混淆的一对数字。',
      stages: ['手写数字的测试准确率达到 90%。', '在画板上写一个数字，读出它的十个概率。'],
      reading: '第 {step} 步 · 测试准确率 {acc} · 测试损失 {loss}',
    },
  },
  interview: {
    en: {
      title: 'Interview questions',
      body: ['The article’s interview questions and a few more. Each answer is explained, with a link that opens the live demo proving it.'],
      tex: [],
      task: 'Answer every question correctly.',
      stages: ['All questions answered correctly.'],
      reading: '{correct} of {total} answered correctly',
    },
    zh: {
      title: '面试题',
      body: ['文章里的面试题，外加几道。每道题都附有解释，以及一个打开实时演示的链接来验证答案。'],
      tex: [],
      task: '答对所有题目。',
      stages: ['所有题目都已答对。'],
      reading: '已答对 {correct} / {total} 题',
    },
  },
};
