// Your own data, as the controller applies it: clicked points, clearing,
// starting from the last generated set, a CSV file. After each change the
// state's link copy of the points (cpts=) follows the session's CustomData.
import type { TrainController } from './train-controller';
import { MAX_LINK_POINTS, roundPoint } from './custom-points';
import type { CustomPoint } from './data-source';

/** The points the link holds for the session's custom data. */
export function linkPoints(c: TrainController): CustomPoint[] {
  const custom = c.session.custom;
  return custom.editable ? custom.points.slice(0, MAX_LINK_POINTS).map(roundPoint) : [];
}

/** Copies the session's points into the state (a view change: no rebuild, the URL follows). */
function syncPoints(c: TrainController): void {
  const pts = linkPoints(c);
  if (JSON.stringify(pts) !== JSON.stringify(c.state.customPoints)) c.change((s) => (s.customPoints = pts));
}

export function addPoint(c: TrainController, x: number, y: number): void {
  const custom = c.session.custom;
  if (c.state.data !== 'custom' || !custom.editable) return;
  // Rounded as the link stores it, so a reload trains on the very same points.
  custom.add(roundPoint({ x, y, label: c.panels.data.addClass }));
  syncPoints(c);
  void c.rebuild(true);
}

export function clearPoints(c: TrainController): void {
  c.session.custom.clear();
  syncPoints(c);
  void c.rebuild();
}

/** Your own data, starting from the points of the last 2-D set shown. */
export function copyPoints(c: TrainController): void {
  const from = c.lastPlane;
  if (from) {
    const d = c.session.engine.generateDataset({
      kind: from.data, samples: from.samples, noise: from.noise, classes: from.classes, seed: from.dataSeed,
    });
    try {
      const x = d.x();
      const pts = Array.from(d.y(), (label, i) => roundPoint({ x: x[2 * i], y: x[2 * i + 1], label }));
      c.session.custom.setPoints(pts.filter((q) => q.label < 5));
    } finally {
      d.dispose();
    }
  }
  toCustom(c);
}

export function importCsv(c: TrainController, text: string, regression: boolean, message: (err: unknown) => string): void {
  const p = c.panels;
  try {
    const r = c.session.custom.importCsv(c.session.engine, text, regression);
    p.data.setImportMessage(p.L.t('imported', { n: String(r.rows), d: String(r.inputs) }), false);
  } catch (err) {
    p.data.setImportMessage(p.L.t('importFailed', { message: message(err) }), true);
    return;
  }
  toCustom(c);
}

/** Shows the custom data: a rebuild if it is already shown, else a switch to it. */
function toCustom(c: TrainController): void {
  if (c.state.data === 'custom') {
    syncPoints(c);
    void c.rebuild();
  } else {
    c.change((s) => {
      s.data = 'custom';
      s.customPoints = linkPoints(c);
    });
  }
}
