// Page frame strings: masthead, status, tabs, notices, footer.
import type { Lang } from '../app/lang';

export const SHELL_STRINGS = {
  pageTitle: { en: 'nnplay — activation functions', zh: 'nnplay — 激活函数' },
  tagline: {
    en: 'Activation functions, computed live in your browser by a WebAssembly core',
    zh: '激活函数——由浏览器中的 WebAssembly 内核实时计算',
  },
  langLabel: { en: 'Language', zh: '语言' },
  themeDark: { en: 'Dark theme', zh: '深色主题' },
  loading: { en: 'Loading the WebAssembly core…', zh: '正在加载 WebAssembly 内核…' },
  statusSimd: { en: 'WebAssembly SIMD', zh: 'WebAssembly SIMD' },
  statusScalar: { en: 'Scalar fallback (no SIMD)', zh: '标量回退（无 SIMD）' },
  statusSimdHint: {
    en: 'Your browser runs the SIMD build: four numbers per instruction.',
    zh: '浏览器正在运行 SIMD 版本：每条指令同时计算四个数。',
  },
  statusScalarHint: {
    en: 'Your browser lacks WebAssembly SIMD, so the scalar build runs. The numbers are the same.',
    zh: '浏览器不支持 WebAssembly SIMD，因此运行标量版本，计算结果相同。',
  },
  loadFailed: { en: 'The WebAssembly core could not be loaded:', zh: 'WebAssembly 内核加载失败：' },
  computeFailed: { en: 'The core refused this input:', zh: '内核拒绝了这个输入：' },
  tabsLabel: { en: 'Views', zh: '视图' },
  tabExplore: { en: 'Activation explorer', zh: '激活函数探索' },
  tabSoftmax: { en: 'Softmax lab', zh: 'Softmax 实验室' },
  noticeUrlHead: {
    en: 'Some settings in this link were not understood, so defaults are used for them:',
    zh: '链接中的部分设置无法识别，已改用默认值：',
  },
  noticeBadValue: {
    en: '{key} = “{value}” is not a valid value; using {fallback}.',
    zh: '{key} = “{value}” 不是有效的值；改用 {fallback}。',
  },
  noticeUnknownKey: {
    en: '“{key}” is not a setting this page knows; it was ignored.',
    zh: '“{key}” 不是本页面的设置项，已忽略。',
  },
  noticeTooLong: {
    en: 'The value of {key} is too long to be read; using {fallback}.',
    zh: '{key} 的值过长，无法读取；改用 {fallback}。',
  },
  noticeDroppedItem: {
    en: '{key}: “{value}” is not allowed here and was left out.',
    zh: '{key}：“{value}” 在这里不被允许，已略去。',
  },
  noticeUnavailable: {
    en: 'The “{value}” view is not part of this version yet; showing the activation explorer.',
    zh: '此版本尚未包含“{value}”视图；改为显示激活函数探索。',
  },
  noticeMore: { en: '…and {n} more.', zh: '……另有 {n} 项。' },
  noticeCoreDefaults: { en: 'the core’s default parameters', zh: '内核的默认参数' },
  noticeNothing: { en: 'nothing', zh: '无' },
  noticeScalar: {
    en: 'Your browser does not support WebAssembly SIMD, so the scalar build of the core runs. Every number is the same; only speed differs.',
    zh: '浏览器不支持 WebAssembly SIMD，因此运行内核的标量版本。所有数值都相同，只是速度不同。',
  },
  noticeDismiss: { en: 'Dismiss', zh: '关闭' },
  footer: {
    en: 'Every number on this page was computed by the nnplay core {version} ({build} build) in WebAssembly.',
    zh: '本页的每个数值都由 nnplay 内核 {version}（{build} 版本）在 WebAssembly 中计算。',
  },
  buildSimd: { en: 'SIMD', zh: 'SIMD' },
  buildScalar: { en: 'scalar', zh: '标量' },
} as const satisfies Record<string, Record<Lang, string>>;
