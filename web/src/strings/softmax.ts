// Strings of the softmax lab.
import type { Lang } from '../app/lang';

export const SOFTMAX_STRINGS = {
  softmaxTitle: { en: 'Softmax lab', zh: 'Softmax 实验室' },
  softmaxLead: {
    en: 'Softmax turns any logits into probabilities that sum to 1. Edit the logits and the temperature, and compare it with plain percentages and with the naive formula that overflows.',
    zh: 'Softmax 把任意 logits 变成和为 1 的概率。修改 logits 和温度，并与简单百分比以及会溢出的朴素公式作比较。',
  },
  logitsTitle: { en: 'Logits z', zh: 'Logits z' },
  logitsHint: { en: 'Drag a bar, use the arrow keys on it, or type a value.', zh: '拖动柱子、在柱子上按方向键，或直接输入数值。' },
  logitsScale: { en: '(bar scale ±{r})', zh: '（柱高刻度 ±{r}）' },
  logitAdd: { en: 'Add a logit', zh: '添加一个 logit' },
  logitLabel: { en: 'Logit {name}', zh: 'Logit {name}' },
  logitRemove: { en: 'Remove {name}', zh: '删除 {name}' },
  presetsTitle: { en: 'Examples from the article', zh: '文章中的例子' },
  presetArticle: { en: 'Article example', zh: '文章示例' },
  presetCommon: { en: 'Close to 0.7 / 0.2 / 0.1', zh: '约为 0.7 / 0.2 / 0.1' },
  presetOverflow: { en: 'Overflow', zh: '溢出' },
  presetNegative: { en: 'Negative sum', zh: '和为负数' },
  temperature: { en: 'Temperature T', zh: '温度 T' },
  temperatureHint: {
    en: 'Below 1 sharpens the distribution towards the argmax; above 1 flattens it towards uniform.',
    zh: '小于 1 时分布向最大值集中；大于 1 时分布趋于均匀。',
  },
  argmaxLine: {
    en: 'argmax: class {i} ({name} = {value}). Softmax keeps the order of the logits at every temperature.',
    zh: 'argmax：第 {i} 类（{name} = {value}）。在任何温度下 softmax 都保持 logits 的大小顺序。',
  },
  outSoftmax: { en: 'Softmax', zh: 'Softmax' },
  outSoftmaxSub: { en: 'stable: subtracts max z first', zh: '稳定版：先减去最大的 z' },
  outPercent: { en: 'Plain percentages', zh: '简单百分比' },
  outPercentSub: { en: 'z divided by the sum of z', zh: 'z 除以 z 的总和' },
  outNaive: { en: 'Naive softmax', zh: '朴素 softmax' },
  outNaiveSub: { en: 'exp as written, in float32', zh: '照公式直接求 exp（float32）' },
  outLog: { en: 'Log-softmax', zh: 'Log-softmax' },
  outLogSub: { en: 'what cross-entropy uses', zh: '交叉熵使用的形式' },
  percentNoT: { en: 'Percentages ignore the temperature.', zh: '百分比与温度无关。' },
  percentUndefined: {
    en: 'Not defined here: z / Σz needs a positive sum. The core says:',
    zh: '此处无定义：z / Σz 要求总和为正。内核的信息：',
  },
  naiveOk: { en: 'Fine for small logits.', zh: 'logits 较小时没有问题。' },
  naiveOverflow: {
    en: 'exp(z) overflows float32 above z ≈ 88.7 and becomes ∞; ∞ / ∞ is NaN. The stable softmax subtracts the largest z first and gets the right answer.',
    zh: 'z 大于约 88.7 时 exp(z) 超出 float32 范围变成 ∞，而 ∞ / ∞ 得 NaN。稳定版 softmax 先减去最大的 z，因此结果正确。',
  },
  jacobianTitle: { en: 'Jacobian ∂p/∂z', zh: '雅可比矩阵 ∂p/∂z' },
  jacobianHint: {
    en: 'Row i, column j: how pᵢ moves when zⱼ grows. Blue is positive (the diagonal), orange negative; every row sums to 0 because the probabilities always sum to 1.',
    zh: '第 i 行第 j 列：zⱼ 增大时 pᵢ 的变化。蓝色为正（对角线），橙色为负；因为概率之和恒为 1，每一行之和都为 0。',
  },
  jacobianSummary: {
    en: 'Heatmap of the softmax Jacobian ∂pᵢ/∂zⱼ for {n} logits. Diagonal: {diag}. Every row sums to 0.',
    zh: '{n} 个 logit 的 softmax 雅可比矩阵 ∂pᵢ/∂zⱼ 热力图。对角线：{diag}。每行之和为 0。',
  },
  jacobianAxisX: { en: 'logit zⱼ (column j)', zh: 'logit zⱼ（第 j 列）' },
  jacobianAxisY: { en: 'probability pᵢ (row i)', zh: '概率 pᵢ（第 i 行）' },
  jacobianAlt: { en: 'Heatmap of the {n} × {n} softmax Jacobian', zh: '{n} × {n} softmax 雅可比矩阵热力图' },
  ceTitle: { en: 'Cross-entropy', zh: '交叉熵' },
  ceTarget: { en: 'True class t', zh: '真实类别 t' },
  ceHint: {
    en: 'The gradient p − y is negative for the true class (its logit should rise) and positive for the others; it vanishes only when p is one-hot.',
    zh: '梯度 p − y 在真实类别上为负（其 logit 应该增大），在其他类别上为正；只有 p 变成独热向量时梯度才为零。',
  },
} as const satisfies Record<string, Record<Lang, string>>;
