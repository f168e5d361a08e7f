// The studio's export/import card, the per-unit curves of the 1-D fit and
// the custom-points link, English and 中文.
import type { Lang } from '../app/lang';

export const TRAIN_EXTRA_STRINGS = {
  exportTitle: { en: 'Export and import', zh: '导出与导入' },
  exportHint: {
    en: 'Save a chart in view as a PNG, the training history as CSV (the last 20,000 steps: the history is bounded), or the model (config, weights and step) as JSON. Load a model file to continue from it.',
    zh: '把当前显示的图表保存为 PNG、训练历史保存为 CSV（最近 20,000 步：历史长度有上限），或把模型（配置、权重和步数）保存为 JSON。载入模型文件即可从那里继续。',
  },
  exportChart: { en: 'Chart', zh: '图表' },
  exportPng: { en: 'Download PNG', zh: '下载 PNG' },
  exportCsv: { en: 'History (CSV)', zh: '训练历史（CSV）' },
  exportJson: { en: 'Model (JSON)', zh: '模型（JSON）' },
  exportGroup: { en: 'Download', zh: '下载' },
  importModel: { en: 'Import a model…', zh: '导入模型…' },
  importModelLabel: { en: 'Model file (JSON) to import', zh: '要导入的模型文件（JSON）' },
  exportSaved: { en: 'Saved {file}.', zh: '已保存 {file}。' },
  exportNothing: { en: 'There is no model yet: add data or fix the network first.', zh: '还没有模型：请先添加数据或修正网络。' },
  exportNoChart: { en: 'No chart is shown right now.', zh: '当前没有可导出的图表。' },
  importedModel: { en: 'Loaded {name}: step {step}. The settings now match the model.', zh: '已载入 {name}：第 {step} 步。设置已与模型一致。' },
  importModelFailed: { en: '{name} was not loaded: {message} The current model is unchanged.', zh: '{name} 未载入：{message} 当前模型保持不变。' },
  importTooBig: { en: 'the file is larger than {mb} MB.', zh: '文件超过 {mb} MB。' },
  importNeedPoints: {
    en: 'this model was trained on your own data; add at least two points (or load the CSV) first.',
    zh: '这个模型是用你自己的数据训练的；请先添加至少两个点（或载入 CSV）。',
  },
  // Axis titles of the canvas charts (charts/canvas-chart.ts draws them).
  axisX1: { en: 'x₁', zh: 'x₁' },
  axisX2: { en: 'x₂', zh: 'x₂' },
  axisX: { en: 'x', zh: 'x' },
  axisY: { en: 'y', zh: 'y' },
  axisUnitOut: { en: 'unit output a(x)', zh: '单元输出 a(x)' },
  axisPreact: { en: 'pre-activation z', zh: '预激活 z' },
  axisWeight: { en: 'weight w', zh: '权重 w' },
  axisActivation: { en: 'activation f(z)', zh: '激活值 f(z)' },
  axisCount: { en: 'count', zh: '个数' },
  histOutside: {
    en: '◂n / n▸: how many values fell below {lo} / above {hi}, outside the drawn range.',
    zh: '◂n / n▸：低于 {lo} / 高于 {hi}、落在绘制范围之外的值的个数。',
  },
  diagramInputs: { en: 'inputs', zh: '输入' },
  diagramLayer: { en: 'layer {n}', zh: '第 {n} 层' },
  diagramOutput: { en: 'output', zh: '输出' },
  chart_boundary: { en: 'Decision boundary', zh: '决策边界' },
  chart_diagram: { en: 'Network diagram', zh: '网络示意图' },
  chart_units: { en: 'Hidden units over x', zh: '隐藏单元随 x 的输出' },
  // Per-unit curves of the 1-D fit
  unitsTitle: { en: 'Each hidden unit', zh: '每个隐藏单元' },
  unitsLayer: { en: 'Show the units of', zh: '显示哪一层的单元' },
  unitsOff: { en: 'none', zh: '不显示' },
  unitsHint: {
    en: 'Thin lines: what each unit of the layer outputs for every x. A ReLU unit is a straight line with one kink; a tanh unit is a smooth S-curve. The network adds them up into f(x).',
    zh: '细线：这一层每个单元对每个 x 的输出。ReLU 单元是带一个拐点的折线；tanh 单元是平滑的 S 形曲线。网络把它们加起来得到 f(x)。',
  },
  unitsLabel: { en: 'Outputs of the {n} units of layer {layer} over x', zh: '第 {layer} 层 {n} 个单元随 x 的输出' },
  // Custom points in the link
  cptsTruncated: { en: 'The link keeps the first {max} of the {n} points.', zh: '链接只保存前 {max} 个点（共 {n} 个）。' },
  noticeTruncated: { en: '{key}: only the first {max} items were kept.', zh: '{key}：只保留了前 {max} 项。' },
  cptsFile: { en: 'A loaded CSV file is not kept in the link.', zh: '载入的 CSV 文件不会保存在链接里。' },
} as const satisfies Record<string, Record<Lang, string>>;
