// Your own data, as the controller applies it: clicked points, clearing,
// starting from the last generated set, a CSV file. After each change the
// state's link copy of the points (cpts=) follows the session's CustomData.
import { MAX_LINK_POINTS, roundPoint } from '../model/custom-points';
import type { DataPanel } from './data-panel';
import type { CustomPoint } from '../model/data-source';
import type { Session } from '../model/session';
import type { TrainState } from '../model/train-state';
import type { Localizer } from '../ui';

/** What these actions use of the controller (named here, so the two modules do not import each other). */
export interface CustomHost {
  readonly session: Session;
  readonly state: TrainState;
  readonly panels: { readonly parts: { readonly data: DataPanel }; readonly L: Localizer };
  readonly lastPlane: TrainState | null;
  change(edit: (s: TrainState) => void): void;
  rebuild(keepWeights?: boolean): Promise<void>;
}

/** The points the link holds for the session's custom data. */
export function linkPoints(c: CustomHost): CustomPoint[] {
  const custom = c.session.custom;
  return custom.editable ? custom.points.slice(0, MAX_LINK_POINTS).map(roundPoint) : [];
}

/** Copies the session's points into the state (a view change: no rebuild, the URL follows). */
function syncPoints(c: CustomHost): void {
  const pts = linkPoints(c);
  if (JSON.stringify(pts) !== JSON.stringify(c.state.customPoints)) c.change((s) => (s.customPoints = pts));
}

export function addPoint(c: CustomHost, x: number, y: number): void {
  const custom = c.session.custom;
  if (c.state.data !== 'custom' || !custom.editable) return;
  // Rounded as the link stores it, so a reload trains on the very same points.
  custom.add(roundPoint({ x, y, label: c.panels.parts.data.addClass }));
  syncPoints(c);
  void c.rebuild(true);
}

export function clearPoints(c: CustomHost): void {
  c.session.custom.clear();
  syncPoints(c);
  void c.rebuild();
}

/** Your own data, starting from the points of the last 2-D set shown. */
export function copyPoints(c: CustomHost): void {
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

export function importCsv(c: CustomHost, text: string, regression: boolean, message: (err: unknown) => string): void {
  const p = c.panels;
  try {
    const r = c.session.custom.importCsv(c.session.engine, text, regression);
    p.parts.data.setImportMessage(p.L.t('imported', { n: String(r.rows), d: String(r.inputs) }), false);
  } catch (err) {
    p.parts.data.setImportMessage(p.L.t('importFailed', { message: message(err) }), true);
    return;
  }
  toCustom(c);
}

/** Shows the custom data: a rebuild if it is already shown, else a switch to it. */
function toCustom(c: CustomHost): void {
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
