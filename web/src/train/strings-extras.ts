// Strings of the studio's export/import card, the per-unit curves of the 1-D
// fit and the custom-points link, English and 中文 (merged in strings.ts).
export const EXTRA_STRINGS = {
  exportTitle: ['Export and import', '导出与导入'],
  exportHint: [
    'Save a chart as a PNG, the training history as CSV, or the model (config, weights and step) as JSON. Load a model file to continue from it.',
    '把图表保存为 PNG、训练历史保存为 CSV，或把模型（配置、权重和步数）保存为 JSON。载入模型文件即可从那里继续。',
  ],
  exportChart: ['Chart', '图表'],
  exportPng: ['Download PNG', '下载 PNG'],
  exportCsv: ['History (CSV)', '训练历史（CSV）'],
  exportJson: ['Model (JSON)', '模型（JSON）'],
  exportGroup: ['Download', '下载'],
  importModel: ['Import a model…', '导入模型…'],
  importModelLabel: ['Model file (JSON) to import', '要导入的模型文件（JSON）'],
  exportSaved: ['Saved {file}.', '已保存 {file}。'],
  exportNothing: ['There is no model yet: add data or fix the network first.', '还没有模型：请先添加数据或修正网络。'],
  exportNoChart: ['No chart is shown right now.', '当前没有可导出的图表。'],
  importedModel: ['Loaded {name}: step {step}. The settings now match the model.', '已载入 {name}：第 {step} 步。设置已与模型一致。'],
  importModelFailed: ['{name} was not loaded: {message} The current model is unchanged.', '{name} 未载入：{message} 当前模型保持不变。'],
  importTooBig: ['the file is larger than {mb} MB.', '文件超过 {mb} MB。'],
  importNeedPoints: [
    'this model was trained on your own data; add at least two points (or load the CSV) first.',
    '这个模型是用你自己的数据训练的；请先添加至少两个点（或载入 CSV）。',
  ],
  chart_boundary: ['Decision boundary', '决策边界'],
  chart_diagram: ['Network diagram', '网络示意图'],
  chart_units: ['Hidden units over x', '隐藏单元随 x 的输出'],
  // Per-unit curves of the 1-D fit
  unitsTitle: ['Each hidden unit', '每个隐藏单元'],
  unitsLayer: ['Show the units of', '显示哪一层的单元'],
  unitsOff: ['none', '不显示'],
  unitsHint: [
    'Thin lines: what each unit of the layer outputs for every x. A ReLU unit is a straight line with one kink; a tanh unit is a smooth S-curve. The network adds them up into f(x).',
    '细线：这一层每个单元对每个 x 的输出。ReLU 单元是带一个拐点的折线；tanh 单元是平滑的 S 形曲线。网络把它们加起来得到 f(x)。',
  ],
  unitsLabel: ['Outputs of the {n} units of layer {layer} over x', '第 {layer} 层 {n} 个单元随 x 的输出'],
  // Custom points in the link
  cptsTruncated: ['The link keeps the first {max} of the {n} points.', '链接只保存前 {max} 个点（共 {n} 个）。'],
  notice_truncated: ['{param}: only the first {max} items were kept.', '{param}：只保留了前 {max} 项。'],
  cptsFile: ['A loaded CSV file is not kept in the link.', '载入的 CSV 文件不会保存在链接里。'],
} as const;
