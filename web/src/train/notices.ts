// URL notices as plain sentences in either language (shown with textContent).
import { t, type Lang } from '../i18n';
import type { TrainNotice } from './train-params';

export function noticeText(n: TrainNotice, lang: Lang): string {
  const vars = {
    param: n.param,
    value: n.value,
    min: n.range ? String(n.range[0]) : '',
    max: n.range ? String(n.range[1]) : '',
  };
  return t(lang, `notice_${n.reason}`, vars);
}
