// A canvas's backing store is its CSS size times the device pixel ratio, so
// lines and text stay sharp on high-density screens.
export function sizeCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): void {
  const dpr = devicePixelRatio || 1;
  canvas.width = Math.round(cssWidth * dpr);
  canvas.height = Math.round(cssHeight * dpr);
}
