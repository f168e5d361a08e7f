// Lesson texts, English and 中文: dead ReLU, the leaky family, ELU/SELU, GELU/Swish.
import type { LessonTexts } from './text-types';

export const TEXTS_FAMILY: Record<'dead-relu' | 'leaky-family' | 'elu-selu' | 'gelu-swish', LessonTexts> = {
  'dead-relu': {
    en: {
      title: 'Dead ReLU',
      body: [
        'A ReLU unit whose input is below zero for every sample outputs 0 and has slope 0 everywhere. No gradient reaches its weights, so it never recovers: it is dead.',
        'Two things cause it: a learning rate so large that one update throws the weights far off, or a strongly negative bias. Remedies: a smaller learning rate, an adaptive optimiser such as Adam with a small rate, or Leaky ReLU, whose negative side keeps a slope.',
      ],
      tex: ["z=w^\\top x+b\\le 0\\ \\ \\forall x\\ \\Rightarrow\\ \\frac{\\partial L}{\\partial w}=\\operatorname{ReLU}'(z)\\,\\frac{\\partial L}{\\partial h}\\,x=0"],
      task: 'The preset uses ReLU with a learning rate of 3. Press Train and watch the dead meter. Then fix it — learning rate 0.03, or Leaky ReLU with a small rate — press Reset (dead units stay dead otherwise) and train again.',
      stages: [
        'See more than half of a layer die.',
        'After a fix and Reset: at most 25% dead in every layer and 90% test accuracy.',
      ],
      reading: 'Step {step} · dead units per layer: {dead} · test accuracy {acc}',
    },
    zh: {
      title: '死亡 ReLU',
      body: [
        '如果一个 ReLU 神经元对所有样本的输入都小于零，它的输出恒为 0，导数处处为 0。梯度到不了它的权重，它再也恢复不了：它“死”了。',
        '原因有两个：学习率太大，一次更新就把权重甩得很远；或者偏置过于负。补救办法：调小学习率，用 Adam 这类自适应优化器配合较小的学习率，或者改用 Leaky ReLU——它的负半轴仍有斜率。',
      ],
      tex: ["z=w^\\top x+b\\le 0\\ \\ \\forall x\\ \\Rightarrow\\ \\frac{\\partial L}{\\partial w}=\\operatorname{ReLU}'(z)\\,\\frac{\\partial L}{\\partial h}\\,x=0"],
      task: '预设用 ReLU，学习率为 3。点“训练”，观察死亡单元的比例。然后修好它——学习率降到 0.03，或改用 Leaky ReLU 并配合较小的学习率——点“重置”（否则死掉的单元不会复活），再训练一次。',
      stages: [
        '看到某一层超过一半的单元死亡。',
        '修正并重置后：每层死亡单元不超过 25%，测试准确率达到 90%。',
      ],
      reading: '第 {step} 步 · 各层死亡单元：{dead} · 测试准确率 {acc}',
    },
  },
  'leaky-family': {
    en: {
      title: 'Leaky ReLU, RReLU, PReLU',
      body: [
        'Leaky ReLU keeps a small slope α on the negative side (often 0.01; the article’s figure uses 0.2), so no unit can die. RReLU draws α at random for every sample during training, from [1/8, 1/3], and uses a fixed slope at test time; the article quotes 1/5.5 ≈ 0.18 as working better than 0.01.',
        'PReLU makes α a parameter that backpropagation learns, one per layer here, starting from 0.25.',
      ],
      tex: ['f(x)=\\begin{cases}x & x>0\\\\ \\alpha x & x\\le 0\\end{cases}', '\\text{RReLU: }\\alpha\\sim U(l,u)\\ \\text{in training},\\qquad \\text{PReLU: }\\frac{\\partial L}{\\partial\\alpha}=\\sum_{z\\le 0}\\frac{\\partial L}{\\partial f}\\,z'],
      task: 'The preset trains RReLU layers on the moons. Press Train until the test accuracy passes 90%. Then switch the layers to PReLU, train, and watch α move in the α chart.',
      stages: [
        'RReLU (or Leaky ReLU): reach 90% test accuracy.',
        'PReLU: a layer learns an α at least 0.05 away from where it started.',
      ],
      reading: 'Step {step} · test accuracy {acc} · learned α: {alpha}',
    },
    zh: {
      title: 'Leaky ReLU、RReLU、PReLU',
      body: [
        'Leaky ReLU 在负半轴保留一个小斜率 α（常用 0.01，文章配图用 0.2），这样就没有单元会死亡。RReLU 在训练时为每个样本从 [1/8, 1/3] 中随机抽取 α，测试时用固定斜率；文章提到 1/5.5 ≈ 0.18 比 0.01 效果更好。',
        'PReLU 把 α 当作参数，由反向传播来学习；这里每层一个 α，从 0.25 开始。',
      ],
      tex: ['f(x)=\\begin{cases}x & x>0\\\\ \\alpha x & x\\le 0\\end{cases}', '\\text{RReLU: }\\alpha\\sim U(l,u)\\ \\text{训练时},\\qquad \\text{PReLU: }\\frac{\\partial L}{\\partial\\alpha}=\\sum_{z\\le 0}\\frac{\\partial L}{\\partial f}\\,z'],
      task: '预设在月牙数据上训练 RReLU 层。点“训练”，直到测试准确率超过 90%。然后把各层换成 PReLU，训练，并在 α 曲线上看它如何变化。',
      stages: [
        'RReLU（或 Leaky ReLU）：测试准确率达到 90%。',
        'PReLU：某一层学到的 α 离初始值至少 0.05。',
      ],
      reading: '第 {step} 步 · 测试准确率 {acc} · 学到的 α：{alpha}',
    },
  },
  'elu-selu': {
    en: {
      title: 'ELU and SELU',
      body: [
        'ELU is x for x > 0 and α(eˣ − 1) otherwise: negative outputs pull the mean activation towards zero, and the negative side saturates smoothly at −α, which makes it robust to noise. The price is an exponential.',
        'SELU scales ELU by fixed constants (λ ≈ 1.0507, α ≈ 1.6733) chosen so that activations keep mean 0 and variance 1 from layer to layer.',
      ],
      tex: ['\\operatorname{ELU}(x)=\\begin{cases}x & x>0\\\\ \\alpha\\,(e^{x}-1) & x\\le 0\\end{cases}', '\\operatorname{SELU}(x)=\\lambda\\operatorname{ELU}_{\\alpha}(x),\\quad \\lambda\\approx1.0507,\\ \\alpha\\approx1.6733'],
      task: 'The preset trains three ReLU layers. Press Train for a few hundred steps and note the mean activations. Then switch the layers to ELU (or SELU) and train again.',
      stages: [
        'ReLU: train 200 steps; its mean |activation| is recorded.',
        'ELU or SELU: a mean |activation| closer to zero than ReLU’s.',
      ],
      reading: 'Step {step} · mean |activation| {mean} (ReLU: {reluMean}) · test accuracy {acc}',
    },
    zh: {
      title: 'ELU 与 SELU',
      body: [
        'ELU 在 x > 0 时为 x，否则为 α(eˣ − 1)：负的输出把激活均值拉向零，负半轴平滑地饱和到 −α，对噪声更稳健。代价是要算一次指数。',
        'SELU 用固定常数（λ ≈ 1.0507，α ≈ 1.6733）缩放 ELU，使激活值在层与层之间保持均值 0、方差 1。',
      ],
      tex: ['\\operatorname{ELU}(x)=\\begin{cases}x & x>0\\\\ \\alpha\\,(e^{x}-1) & x\\le 0\\end{cases}', '\\operatorname{SELU}(x)=\\lambda\\operatorname{ELU}_{\\alpha}(x),\\quad \\lambda\\approx1.0507,\\ \\alpha\\approx1.6733'],
      task: '预设训练三层 ReLU。点“训练”跑几百步，记下激活均值。然后把各层换成 ELU（或 SELU），再训练一次。',
      stages: [
        'ReLU：训练 200 步，记录它的平均 |激活值|。',
        'ELU 或 SELU：平均 |激活值| 比 ReLU 的更接近零。',
      ],
      reading: '第 {step} 步 · 平均 |激活值| {mean}（ReLU：{reluMean}）· 测试准确率 {acc}',
    },
  },
  'gelu-swish': {
    en: {
      title: 'GELU and Swish',
      body: [
        'GELU weighs its input by the probability that a standard normal variable is below it; Swish multiplies it by its own sigmoid. Both are smooth, close to ReLU for large |x|, and dip slightly below zero for small negative inputs (GELU’s minimum is about −0.17 near x = −0.75).',
        'Which model uses what: BERT and GPT use GELU, the original Transformer ReLU, LSTMs tanh (and sigmoid gates), YOLO Leaky ReLU.',
      ],
      tex: ['\\operatorname{GELU}(x)=x\\,\\Phi(x),\\qquad \\operatorname{Swish}(x)=x\\,\\sigma(x)'],
      task: 'In the activation explorer, add GELU and Swish beside ReLU. Then zoom the x range in to about [−4, 2] to see where they dip below zero.',
      stages: [
        'Show ReLU, GELU and Swish together.',
        'Zoom in: an x range inside [−4, 4] that still shows x = −1.5 to 0.',
      ],
      reading: 'Showing: {acts} · x range {x}',
    },
    zh: {
      title: 'GELU 与 Swish',
      body: [
        'GELU 用“标准正态变量小于输入的概率”给输入加权；Swish 把输入乘上它自己的 sigmoid。两者都很平滑，|x| 较大时接近 ReLU，在较小的负输入处略微低于零（GELU 的最小值约为 −0.17，在 x = −0.75 附近）。',
        '各模型用的激活函数：BERT 和 GPT 用 GELU，原始 Transformer 用 ReLU，LSTM 用 tanh（门控用 sigmoid），YOLO 用 Leaky ReLU。',
      ],
      tex: ['\\operatorname{GELU}(x)=x\\,\\Phi(x),\\qquad \\operatorname{Swish}(x)=x\\,\\sigma(x)'],
      task: '在激活函数探索里，把 GELU 和 Swish 加到 ReLU 旁边。然后把 x 范围缩小到大约 [−4, 2]，看它们在哪里低于零。',
      stages: [
        '同时显示 ReLU、GELU 和 Swish。',
        '放大：x 范围在 [−4, 4] 之内，并且仍包含 x = −1.5 到 0。',
      ],
      reading: '正在显示：{acts} · x 范围 {x}',
    },
  },
};
