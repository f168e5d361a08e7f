// The interview questions: the article's, and a few more. Each answer comes
// with an explanation and a link (a page hash, our own constant) to the live
// demo that proves it; the links keep lesson=interview so the quiz stays open.
import type { Lang } from '../app/i18n';

type Both = Readonly<Record<Lang, string>>;
export interface Question {
  id: string;
  prompt: Both;
  /** Multiple choice: the options and the right one; or a number within a tolerance. */
  choices?: readonly Both[];
  correct?: number;
  value?: number;
  tolerance?: number;
  explain: Both;
  demo: string;
}

const L = 'lesson=interview';

export const QUESTIONS: readonly Question[] = [
  {
    id: 'why-nonlinear',
    prompt: { en: 'Why does a neural network need non-linear activations?', zh: '神经网络为什么需要非线性激活函数？' },
    choices: [
      { en: 'They make training faster on a GPU.', zh: '它们让 GPU 上的训练更快。' },
      { en: 'Without them, any stack of layers collapses into one linear map.', zh: '没有它们，再多层也会合并成一个线性映射。' },
      { en: 'They keep the weights small.', zh: '它们让权重保持很小。' },
    ],
    correct: 1,
    explain: {
      en: 'W₂(W₁x + b₁) + b₂ is again Wx + b. A network without a hidden non-linearity cannot separate the circle, however long it trains.',
      zh: 'W₂(W₁x + b₁) + b₂ 仍然是 Wx + b。没有非线性隐藏层的网络，训练多久也分不开圆形数据。',
    },
    demo: `#view=train&${L}&data=circle&net=none&opt=adam&lr=0.03`,
  },
  {
    id: 'sigmoid-max',
    prompt: { en: 'What is the largest value of the sigmoid’s derivative σ′(x)?', zh: 'Sigmoid 的导数 σ′(x) 最大是多少？' },
    value: 0.25,
    tolerance: 0.001,
    explain: {
      en: 'σ′(x) = σ(x)(1 − σ(x)) peaks at x = 0, where σ = 0.5: 0.5 × 0.5 = 0.25. The chain view multiplies it through n layers: at most 0.25ⁿ.',
      zh: 'σ′(x) = σ(x)(1 − σ(x)) 在 x = 0 处最大，此时 σ = 0.5：0.5 × 0.5 = 0.25。链式视图把它连乘 n 层：最多 0.25ⁿ。',
    },
    demo: `#view=explore&${L}&acts=sigmoid,tanh,relu&n=10`,
  },
  {
    id: 'vanish',
    prompt: { en: 'Why do deep sigmoid or tanh networks suffer from vanishing gradients?', zh: '为什么很深的 sigmoid 或 tanh 网络会梯度消失？' },
    choices: [
      { en: 'Their slopes are at most 0.25 (sigmoid) or 1 (tanh) and near 0 when saturated, and backpropagation multiplies one slope per layer.', zh: '它们的导数最多为 0.25（sigmoid）或 1（tanh），饱和时接近 0，而反向传播每层都要乘上一个导数。' },
      { en: 'Their outputs can be negative.', zh: '它们的输出可能为负。' },
      { en: 'They are too expensive to compute.', zh: '它们计算太贵。' },
    ],
    correct: 0,
    explain: {
      en: 'A product of many factors below one shrinks exponentially: with six sigmoid layers the first layer’s gradient is thousands of times smaller than the output layer’s.',
      zh: '许多小于 1 的因子相乘会指数级缩小：六层 sigmoid 时，第一层的梯度比输出层小几千倍。',
    },
    demo: `#view=train&${L}&net=8:sigmoid,8:sigmoid,8:sigmoid,8:sigmoid,8:sigmoid,8:sigmoid&lr=0.1`,
  },
  {
    id: 'relu-cons',
    prompt: { en: 'Which of these is a drawback of ReLU, not an advantage?', zh: '下面哪一项是 ReLU 的缺点，而不是优点？' },
    choices: [
      { en: 'Sparse activations', zh: '激活稀疏' },
      { en: 'Cheap to compute', zh: '计算便宜' },
      { en: 'Units can die: input below zero for every sample, slope 0, no recovery', zh: '神经元可能死亡：对所有样本输入都小于零，导数为 0，无法恢复' },
      { en: 'Gradient 1 for positive inputs', zh: '正输入时梯度为 1' },
    ],
    correct: 2,
    explain: {
      en: 'A large learning rate or a negative bias can push a ReLU unit below zero for all inputs; its gradient is then 0 forever. Its outputs are also not zero-centred.',
      zh: '过大的学习率或负偏置会把 ReLU 神经元推到对所有输入都小于零，它的梯度从此恒为 0。另外它的输出也不以零为中心。',
    },
    demo: `#view=train&${L}&net=8:relu,8:relu&init=he_uniform&lr=3`,
  },
  {
    id: 'family',
    prompt: { en: 'Leaky ReLU, PReLU and ELU: which one learns its negative slope during training?', zh: 'Leaky ReLU、PReLU 和 ELU：哪一个在训练中学习负半轴的斜率？' },
    choices: [
      { en: 'Leaky ReLU', zh: 'Leaky ReLU' },
      { en: 'PReLU', zh: 'PReLU' },
      { en: 'ELU', zh: 'ELU' },
    ],
    correct: 1,
    explain: {
      en: 'Leaky ReLU fixes α (e.g. 0.01); PReLU learns α by backpropagation; ELU uses α(eˣ − 1), a curve that saturates at −α.',
      zh: 'Leaky ReLU 的 α 是固定的（如 0.01）；PReLU 通过反向传播学习 α；ELU 用 α(eˣ − 1)，这条曲线饱和于 −α。',
    },
    demo: `#view=explore&${L}&acts=leaky_relu,prelu,elu&x=-4,3`,
  },
  {
    id: 'subtract-max',
    prompt: { en: 'Why does a softmax implementation subtract the largest logit first?', zh: '为什么 softmax 的实现要先减去最大的 logit？' },
    choices: [
      { en: 'To make the probabilities sum to 1', zh: '为了让概率之和为 1' },
      { en: 'To avoid overflow in exp: the result is unchanged, and the largest exponent becomes e⁰ = 1', zh: '为了避免 exp 溢出：结果不变，而最大的指数变成 e⁰ = 1' },
      { en: 'To make the largest probability 1', zh: '为了让最大的概率等于 1' },
    ],
    correct: 1,
    explain: {
      en: 'e^5000 overflows float32 (the limit is about e^88.7), so the naive formula gives NaN on [20, 300, 5000]; subtracting the maximum gives [0, 0, 1].',
      zh: 'e^5000 超出 float32 范围（上限约为 e^88.7），所以朴素公式在 [20, 300, 5000] 上得到 NaN；减去最大值后得到 [0, 0, 1]。',
    },
    demo: `#view=softmax&${L}&z=20,300,5000`,
  },
  {
    id: 'softmax-number',
    prompt: { en: 'softmax([2, 3, 5]): what is the largest probability, to three decimals? (Plain percentages give 0.5.)', zh: 'softmax([2, 3, 5]) 中最大的概率是多少（保留三位小数）？（直接算百分比得 0.5。）' },
    value: 0.844,
    tolerance: 0.0015,
    explain: {
      en: 'e⁵ / (e² + e³ + e⁵) = 0.8438, with 0.0420 and 0.1142 for the others. Exponentials reward the largest logit more than a plain share z/Σz does.',
      zh: 'e⁵ / (e² + e³ + e⁵) = 0.8438，另外两个是 0.0420 和 0.1142。指数让最大的 logit 得到比 z/Σz 更大的份额。',
    },
    demo: `#view=softmax&${L}&z=2,3,5`,
  },
  {
    id: 'where',
    prompt: { en: 'Which activation does BERT use?', zh: 'BERT 用的是哪个激活函数？' },
    choices: [
      { en: 'Tanh', zh: 'Tanh' },
      { en: 'Leaky ReLU', zh: 'Leaky ReLU' },
      { en: 'GELU', zh: 'GELU' },
      { en: 'Sigmoid', zh: 'Sigmoid' },
    ],
    correct: 2,
    explain: {
      en: 'BERT uses GELU; the original Transformer ReLU; LSTMs tanh with sigmoid gates; YOLO Leaky ReLU. For a new network: ReLU first, sigmoid only for a binary output.',
      zh: 'BERT 用 GELU；原始 Transformer 用 ReLU；LSTM 用 tanh 和 sigmoid 门；YOLO 用 Leaky ReLU。新网络先用 ReLU，sigmoid 只用于二分类输出。',
    },
    demo: `#view=explore&${L}&acts=gelu,relu,swish&x=-4,3`,
  },
];
