// Strings of the accessibility helpers (web/src/ui/): chart text alternatives
// and their tables.

export const A11Y_STRINGS = {
  chartShowTable: { en: 'Show as table', zh: '以表格显示' },
  chartHideTable: { en: 'Hide table', zh: '隐藏表格' },
  // The languages spelled out rather than i18n's Lang: importing it back would close a cycle.
} as const satisfies Record<string, Record<'en' | 'zh', string>>;
