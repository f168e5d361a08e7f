// Embedding strings: the "embed code" dialog on the page, the embed page's
// small footer, and the notices of the <nn-playground> element.
import type { Lang } from '../app/lang';

export const EMBED_STRINGS = {
  embedButton: { en: 'Embed', zh: '嵌入' },
  embedButtonLabel: { en: 'Embed code for a course page', zh: '获取课程页面的嵌入代码' },
  embedTitle: { en: 'Embed this view in a course page', zh: '把当前视图嵌入课程页面' },
  embedIntro: {
    en: 'Both snippets reproduce what you see now. Host the built files on the same site as the course page: its Content-Security-Policy then allows them.',
    zh: '两段代码都会重现你现在看到的内容。请把构建出的文件放在与课程页面相同的站点上，这样它的内容安全策略（CSP）才会允许加载。',
  },
  embedElementHead: { en: 'Custom element (resizes itself, sends events)', zh: '自定义元素（自动调整高度，并发送事件）' },
  embedIframeHead: { en: 'Plain iframe', zh: '普通 iframe' },
  embedCopy: { en: 'Copy', zh: '复制' },
  embedCopied: { en: 'Copied to the clipboard.', zh: '已复制到剪贴板。' },
  embedCopyManual: {
    en: 'The clipboard is not available here: the text is selected, press Ctrl+C (⌘C) to copy it.',
    zh: '此处无法使用剪贴板：文字已选中，请按 Ctrl+C（⌘C）复制。',
  },
  embedClose: { en: 'Close', zh: '关闭' },
  embedOpenFull: { en: 'Open in nnplay ↗', zh: '在 nnplay 中打开 ↗' },
  embedFallbackLink: { en: 'Open the nnplay playground ↗', zh: '打开 nnplay 实验场 ↗' },
  embedNotReady: {
    en: 'The playground has not started here yet. It may be blocked by this page or still loading.',
    zh: '实验场尚未在此处启动，可能被本页面拦截，或仍在加载中。',
  },
  embedLessonSrcFailed: {
    en: 'lesson-src = “{value}” could not be loaded ({reason}).',
    zh: 'lesson-src = “{value}” 无法载入（{reason}）。',
  },
  embedLessonSrcRule: { en: 'it must be a .json file of this site', zh: '必须是本站点上的 .json 文件' },
  embedFrameTitle: { en: 'nnplay activation-function playground', zh: 'nnplay 激活函数实验场' },
  embedNoticeHead: {
    en: 'Some attributes of this embedding were not understood, so defaults are used:',
    zh: '此嵌入的部分属性无法识别，已改用默认值：',
  },
  embedBadAttr: {
    en: '{key} = “{value}” is not a valid value; using {fallback}.',
    zh: '{key} = “{value}” 不是有效的值；改用 {fallback}。',
  },
  embedBadItem: {
    en: '{key}: “{value}” is not allowed here and was left out.',
    zh: '{key}：“{value}” 在这里不被允许，已略去。',
  },
} as const satisfies Record<string, Record<Lang, string>>;
