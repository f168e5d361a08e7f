// The height of the studio's columns on a wide screen (train-stage.css reads --nt-stage-h).
/**
 * The columns' height on a wide screen: the rest of the viewport below the
 * stage, so the page itself does not scroll. When something above takes too
 * much (an open lesson), the columns fill the viewport below the sticky
 * transport instead: scrolled to the stage, everything is in view again.
 */
export function fitStage(stage: HTMLElement, bar: HTMLElement): void {
  const top = stage.getBoundingClientRect().top + scrollY;
  let h = innerHeight - top - 12;
  if (h < 380) h = innerHeight - bar.getBoundingClientRect().height - 24;
  const v = `${Math.max(300, Math.floor(h))}px`;
  if (stage.style.getPropertyValue('--nt-stage-h') !== v) stage.style.setProperty('--nt-stage-h', v);
}
