// Lesson texts, English and 中文: non-linearity, sigmoid, tanh, ReLU.
import type { LessonTexts } from './text-types';

export const TEXTS_BASICS: Record<'non-linearity' | 'sigmoid-vanishing' | 'tanh-zero-centred' | 'relu', LessonTexts> = {
  'non-linearity': {
    en: {
      title: 'Why non-linearity',
      body: [
        'Stack linear layers and you still have one linear map: the product of the weight matrices is just another matrix. However deep, such a network can only draw a straight line through the plane.',
        'An activation function f bends each unit’s output. With a non-linear f, one hidden layer can already enclose a region such as a circle.',
      ],
      tex: ['W_2(W_1x+b_1)+b_2=(W_2W_1)\\,x+(W_2b_1+b_2)', 'h=f(W_1x+b_1),\\qquad \\hat y=\\sigma(W_2h+b_2)'],
      task: 'The preset trains a network with no hidden layer on the circle. Press Train: the accuracy hovers around 50%. Then press “Add a layer”, set that layer’s activation to Tanh and train again.',
      stages: [
        'Train the linear network for at least 300 steps: it stays below 70% test accuracy.',
        'With a hidden Tanh layer, reach 90% test accuracy.',
      ],
      reading: 'Step {step} · hidden layers: {layers} · test accuracy {acc}',
    },
    zh: {
      title: '为什么需要非线性',
      body: [
        '把线性层叠在一起，得到的仍然是一个线性映射：权重矩阵的乘积还是一个矩阵。无论叠多少层，这样的网络在平面上只能画出一条直线。',
        '激活函数 f 把每个神经元的输出“掰弯”。有了非线性的 f，一个隐藏层就能围出圆形这样的封闭区域。',
      ],
      tex: ['W_2(W_1x+b_1)+b_2=(W_2W_1)\\,x+(W_2b_1+b_2)', 'h=f(W_1x+b_1),\\qquad \\hat y=\\sigma(W_2h+b_2)'],
      task: '预设让一个没有隐藏层的网络学习圆形数据。点“训练”：准确率在 50% 左右徘徊。然后点“添加一层”，把这一层的激活函数设为 Tanh，再训练一次。',
      stages: [
        '线性网络训练至少 300 步：测试准确率始终低于 70%。',
        '加上 Tanh 隐藏层后，测试准确率达到 90%。',
      ],
      reading: '第 {step} 步 · 隐藏层：{layers} 个 · 测试准确率 {acc}',
    },
  },
  'sigmoid-vanishing': {
    en: {
      title: 'Sigmoid and vanishing gradients',
      body: [
        'Sigmoid squashes any input into (0, 1) and saturates on both sides. Its slope is σ(x)(1 − σ(x)), which is largest at x = 0, where it equals 0.25.',
        'Backpropagation multiplies one such slope per layer, so after n sigmoid layers the gradient reaching the first layer has shrunk by up to 0.25ⁿ: the first layers barely learn. ReLU’s slope is 0 or 1, so the product does not shrink.',
      ],
      tex: ["\\sigma(x)=\\frac{1}{1+e^{-x}},\\qquad \\sigma'(x)=\\sigma(x)\\bigl(1-\\sigma(x)\\bigr)\\le\\sigma'(0)=0.25", "\\frac{\\partial L}{\\partial h_1}\\propto\\prod_{k=1}^{n}\\sigma'(z_k)\\le 0.25^{\\,n}"],
      task: 'The preset has six sigmoid layers. Press Train and compare the first layer’s gradient norm with the output layer’s in the gradient chart. Then switch all six layers to ReLU and train again.',
      stages: [
        'See it: the first layer’s gradient is less than 1% of the output layer’s.',
        'With every hidden layer ReLU, reach 90% test accuracy.',
      ],
      reading: 'Step {step} · ‖∇W‖ first layer {g1}, output layer {gL} (ratio {ratio}) · test accuracy {acc}',
    },
    zh: {
      title: 'Sigmoid 与梯度消失',
      body: [
        'Sigmoid 把任何输入压到 (0, 1) 之间，两侧都会饱和。它的导数是 σ(x)(1 − σ(x))，在 x = 0 处最大，恰好等于 0.25。',
        '反向传播时每经过一层就乘上一个这样的导数，所以经过 n 层 sigmoid 之后，传到第一层的梯度最多只剩 0.25ⁿ：前面几层几乎学不动。ReLU 的导数不是 0 就是 1，乘积不会缩小。',
      ],
      tex: ["\\sigma(x)=\\frac{1}{1+e^{-x}},\\qquad \\sigma'(x)=\\sigma(x)\\bigl(1-\\sigma(x)\\bigr)\\le\\sigma'(0)=0.25", "\\frac{\\partial L}{\\partial h_1}\\propto\\prod_{k=1}^{n}\\sigma'(z_k)\\le 0.25^{\\,n}"],
      task: '预设有六层 sigmoid。点“训练”，在梯度图里比较第一层和输出层的梯度范数。然后把六层都换成 ReLU，再训练一次。',
      stages: [
        '亲眼看到：第一层的梯度不到输出层的 1%。',
        '所有隐藏层换成 ReLU 后，测试准确率达到 90%。',
      ],
      reading: '第 {step} 步 · ‖∇W‖ 第一层 {g1}，输出层 {gL}（比值 {ratio}）· 测试准确率 {acc}',
    },
  },
  'tanh-zero-centred': {
    en: {
      title: 'Tanh is zero-centred',
      body: [
        'Sigmoid’s outputs are always positive, so the next layer sees inputs whose mean is about 0.5. Then the gradients of all weights of a unit share one sign, and updates zig-zag.',
        'Tanh is a rescaled sigmoid with outputs in (−1, 1), centred on zero. It still saturates on both sides (its slope is at most 1), so deep Tanh stacks vanish too, only more slowly.',
      ],
      tex: ['\\tanh(x)=\\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}=2\\sigma(2x)-1', "\\tanh'(x)=1-\\tanh^2(x)\\le 1"],
      task: 'The preset has three sigmoid layers. Press Train and read each layer’s mean activation in the layers panel. Then switch the three layers to Tanh and train again.',
      stages: [
        'Sigmoid: after 100 steps every hidden layer’s mean activation is above 0.3.',
        'Tanh: every hidden layer’s mean activation within ±0.25 of zero.',
      ],
      reading: 'Step {step} · mean activation per layer: {means} · test accuracy {acc}',
    },
    zh: {
      title: 'Tanh 以零为中心',
      body: [
        'Sigmoid 的输出恒为正，下一层收到的输入均值约为 0.5。于是同一个神经元所有权重的梯度符号相同，更新只能走“之”字形。',
        'Tanh 是缩放后的 sigmoid，输出在 (−1, 1) 之间，以零为中心。它两侧仍然饱和（导数最大为 1），所以很深的 Tanh 网络同样会梯度消失，只是慢一些。',
      ],
      tex: ['\\tanh(x)=\\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}=2\\sigma(2x)-1', "\\tanh'(x)=1-\\tanh^2(x)\\le 1"],
      task: '预设有三层 sigmoid。点“训练”，在各层面板里读出每层激活值的均值。然后把三层都换成 Tanh，再训练一次。',
      stages: [
        'Sigmoid：训练 100 步后，每个隐藏层的激活均值都大于 0.3。',
        'Tanh：每个隐藏层的激活均值都在 0 附近 ±0.25 以内。',
      ],
      reading: '第 {step} 步 · 各层激活均值：{means} · 测试准确率 {acc}',
    },
  },
  relu: {
    en: {
      title: 'ReLU',
      body: [
        'ReLU passes positive inputs unchanged and sets negative ones to zero. Its slope is 1 or 0, so gradients pass through many layers without shrinking; it saturates on one side only.',
        'It is cheap (a comparison, no exponential) and sparse: for any input, many units output exactly zero. In practice networks with ReLU train several times faster than with sigmoid or tanh.',
      ],
      tex: ["\\operatorname{ReLU}(x)=\\max(0,x),\\qquad \\operatorname{ReLU}'(x)=\\begin{cases}1 & x>0\\\\0 & x\\le 0\\end{cases}"],
      task: 'The preset trains two sigmoid layers. Press Train and let it run past 1,000 steps: it is still far from 90%. Then switch both layers to ReLU and train again.',
      stages: [
        'Sigmoid: after 1,000 steps the test accuracy is still below 90%.',
        'With both layers ReLU, reach 95% test accuracy.',
      ],
      reading: 'Step {step} · test accuracy {acc} · the sigmoid run reached {sigmoidAcc}',
    },
    zh: {
      title: 'ReLU',
      body: [
        'ReLU 让正的输入原样通过，把负的输入置为零。它的导数是 1 或 0，所以梯度穿过很多层也不会缩小；它只在一侧饱和。',
        '它计算便宜（一次比较，不用指数），而且稀疏：对任一输入，许多神经元的输出恰好为零。实践中，用 ReLU 的网络比用 sigmoid 或 tanh 的训练快好几倍。',
      ],
      tex: ["\\operatorname{ReLU}(x)=\\max(0,x),\\qquad \\operatorname{ReLU}'(x)=\\begin{cases}1 & x>0\\\\0 & x\\le 0\\end{cases}"],
      task: '预设训练两层 sigmoid。点“训练”，让它跑过 1000 步：离 90% 还很远。然后把两层都换成 ReLU，再训练一次。',
      stages: [
        'Sigmoid：训练 1000 步后，测试准确率仍低于 90%。',
        '两层都换成 ReLU 后，测试准确率达到 95%。',
      ],
      reading: '第 {step} 步 · 测试准确率 {acc} · sigmoid 当时为 {sigmoidAcc}',
    },
  },
};
