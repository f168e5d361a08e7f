// The export and import card: any chart shown as a PNG, the training history
// as CSV, the model as JSON, and a model file loaded back. Every outcome,
// good or bad, is said in place (a bad file names its problem and the current
// model stays as it was).
import type { TrainingExport } from '../model/session';
import { hideable } from '../../../ui/dom';
import { canvasBlob, composeChart, downloadBlob, downloadText } from '../../../charts/png-export';
import type { ExportChart } from './panel-types';
import { MAX_MODEL_MB, ModelFileError } from '../model/model-io';
import { SelectField, button, card, el, setText, uid, type Localizer } from '../ui';

export interface ExportActions {
  charts: () => ExportChart[];
  /** The model shown and its history (session.exported()). */
  trained: () => TrainingExport | null;
  /** Loads the text of a model file; resolves to its step, throws on a bad file. */
  importModel: (text: string) => Promise<number>;
}

export class ExportPanel {
  readonly root: HTMLElement;
  /** The card in a band under the stage that a phone shows closed (one tap opens it). */
  readonly band: HTMLDetailsElement;
  readonly #L: Localizer;
  readonly #act: ExportActions;
  readonly #pick: SelectField<string>;
  readonly #msg: HTMLElement;
  #charts: ExportChart[] = [];

  constructor(L: Localizer, act: ExportActions) {
    this.#L = L;
    this.#act = act;
    const c = card(L, 'exportTitle', 'nt-export');
    this.root = hideable(c.root, 'train-export');
    this.#pick = new SelectField<string>(L, 'exportChart', [], () => undefined, 'nt-export-pick');
    // The list follows what is on screen when the menu is opened.
    this.#pick.select.addEventListener('focus', () => this.refresh());
    this.#pick.select.addEventListener('pointerdown', () => this.refresh());
    const png = button(L, 'exportPng', () => void this.#png());
    png.classList.add('nt-export-png');
    const csv = button(L, 'exportCsv', () => void this.#csv());
    csv.classList.add('nt-export-csv');
    const json = button(L, 'exportJson', () => this.#json());
    json.classList.add('nt-export-json');
    const fileId = uid('model');
    const file = el('input', { cls: 'visually-hidden nt-model-file', attrs: { type: 'file', id: fileId, accept: '.json,application/json' } });
    L.attr(file, 'aria-label', 'importModelLabel');
    const fileLabel = L.text(el('label', { cls: 'nt-btn', attrs: { for: fileId } }), 'importModel');
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      file.value = '';
      if (f) void this.#import(f);
    });
    this.#msg = el('p', { cls: 'nt-import-msg nt-export-msg', attrs: { role: 'status' } });
    const files = el('div', { cls: 'nt-btn-row', attrs: { role: 'group' } }, [csv, json, file, fileLabel]);
    L.attr(files, 'aria-label', 'exportGroup');
    c.body.append(
      L.text(el('p', { cls: 'nt-card-hint' }), 'exportHint'),
      el('div', { cls: 'nt-export-actions' }, [el('div', { cls: 'nt-export-row' }, [this.#pick.root, png]), files]),
      this.#msg,
    );
    this.band = el('details', { cls: 'nt-export-band' }, [L.text(el('summary', { cls: 'nt-export-summary' }), 'exportTitle'), this.root]);
    this.band.open = !matchMedia('(max-width: 759px)').matches;
    L.onChange(() => this.refresh());
  }

  /** Re-reads the charts on screen into the menu (keeping the choice if it is still there). */
  refresh(): void {
    this.#charts = this.#act.charts();
    this.#pick.setChoices(this.#charts.map((c) => ({ value: c.id, label: { text: c.title } })));
  }

  #say(text: string, error = false): void {
    setText(this.#msg, text);
    this.#msg.classList.toggle('nt-error', error);
    this.#msg.setAttribute('role', error ? 'alert' : 'status');
  }

  #stem(): string {
    const step = this.#act.trained()?.step ?? 0;
    return `step${step}`;
  }

  async #png(): Promise<void> {
    const id = this.#pick.value;
    this.refresh();
    const chart = this.#charts.find((c) => c.id === id) ?? this.#charts[0];
    if (!chart) {
      this.#say(this.#L.t('exportNoChart'), true);
      return;
    }
    const name = `nnplay-${chart.id}-${this.#stem()}.png`;
    try {
      downloadBlob(await canvasBlob(composeChart(chart.canvas, chart.title, chart.legend)), name);
      this.#say(this.#L.t('exportSaved', { file: name }));
    } catch (err) {
      this.#say(err instanceof Error ? err.message : String(err), true);
    }
  }

  async #csv(): Promise<void> {
    const t = this.#act.trained();
    if (!t) return this.#say(this.#L.t('exportNothing'), true);
    const name = `nnplay-history-${this.#stem()}.csv`;
    downloadText(await t.historyCsv(), name, 'text/csv');
    this.#say(this.#L.t('exportSaved', { file: name }));
  }

  #json(): void {
    const t = this.#act.trained();
    if (!t) return this.#say(this.#L.t('exportNothing'), true);
    const name = `nnplay-model-${this.#stem()}.json`;
    downloadText(JSON.stringify(t.model()), name, 'application/json');
    this.#say(this.#L.t('exportSaved', { file: name }));
  }

  async #import(f: File): Promise<void> {
    const L = this.#L;
    try {
      if (f.size > MAX_MODEL_MB * 1024 * 1024) throw new ModelFileError('importTooBig');
      const step = await this.#act.importModel(await f.text());
      this.#say(L.t('importedModel', { name: f.name, step: String(step) }));
    } catch (err) {
      const message = err instanceof ModelFileError ? L.t(err.key, { mb: String(MAX_MODEL_MB) })
        : err instanceof Error ? err.message : String(err);
      this.#say(L.t('importModelFailed', { name: f.name, message: sentence(message) }), true);
    }
  }
}

/** Ends an engine message with a full stop, so the "unchanged" sentence reads on. */
function sentence(text: string): string {
  return /[.。!?]$/.test(text) ? text : `${text}.`;
}
