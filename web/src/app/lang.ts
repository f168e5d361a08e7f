// The page's two languages: a leaf module, so the string tables can name the
// type without importing i18n.ts (which imports them).
export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];
