// The network card: the diagram (hover a unit or link to read it, click to
// edit a weight or bias) and the layer editor. A hovered hidden unit shows its
// map large in the output panel.
import type { Engine, Trainer } from '../../../engine/engine';
import { hideable } from '../../../ui/dom';
import { NetworkDiagram, type DiagramHover } from '../charts/network-diagram';
import { ParamEditor, paramTarget } from '../controls/param-editor';
import { inputMaps } from '../model/input-maps';
import { featureText } from '../model/train-rules';
import type { TrainState } from '../model/train-state';
import { card, el, setText, type Localizer } from '../ui';
import { sci } from './divergence-banner';
import type { LayoutActions } from './layout-actions';
import { NetworkEditor } from './network-editor';
import type { OutputPanel } from './output-panel';

export interface NetworkContext {
  readonly output: OutputPanel;
  /** Display names of every layer (hidden, then output). */
  readonly layerNames: () => readonly string[];
  readonly state: () => TrainState | null;
}

export class NetworkPanel {
  readonly root: HTMLElement;
  /** The card's head: the diagram's text alternative sits there (no extra line on a phone). */
  readonly head: HTMLElement;
  readonly editor: NetworkEditor;
  readonly diagram: NetworkDiagram;
  readonly paramEditor: ParamEditor;
  readonly #L: Localizer;
  readonly #engine: Engine;
  readonly #ctx: NetworkContext;
  readonly #tip: HTMLElement;
  #hiddenLayers = 0;

  constructor(L: Localizer, engine: Engine, act: LayoutActions, ctx: NetworkContext) {
    this.#L = L;
    this.#engine = engine;
    this.#ctx = ctx;
    this.editor = new NetworkEditor(L, engine, act.change);
    this.#tip = el('p', { cls: 'nt-diagram-tip', attrs: { 'aria-live': 'polite' } });
    this.diagram = new NetworkDiagram((h) => this.#hover(h), L);
    L.attr(this.diagram.canvas, 'aria-label', 'diagramLabel');
    this.paramEditor = new ParamEditor(L, (t, v) => act.setParameter(t.layer, t.unit, t.from, v));
    this.diagram.onPick = (h) => this.paramEditor.open(paramTarget(h, this.#pickLabel(h)));
    const net = card(L, 'network', 'nt-network');
    net.body.append(
      hideable(el('div', { cls: 'nt-slot' }, [this.diagram.root, this.#tip, this.paramEditor.root]), 'train-diagram'),
      hideable(this.editor.root, 'train-editor'),
    );
    this.root = net.root;
    this.head = net.head;
    L.text(this.#tip, 'editTip');
  }

  /** A new network: the diagram follows its shape (and, on 2-D data, shows each input's map). */
  configure(t: Trainer | null, s: TrainState, units: readonly number[], plane: boolean): void {
    const feats = plane ? inputMaps(this.#engine, s.features) : null;
    this.diagram.reset(t?.shape.inputs ?? 2, [...units], feats);
    this.paramEditor.close();
    this.#ctx.output.plot.setNeuron(null);
    this.diagram.resize();
    this.#hiddenLayers = units.length - 1;
  }

  /** The input the diagram shows activations for. */
  probeInput(): Float32Array | null {
    const o = this.#ctx.output;
    if (o.mode === 'digits') return o.pad.cells;
    if (o.mode === 'none') return o.sample.input;
    return o.mode === 'plane' && o.probe ? Float32Array.of(o.probe.x, o.probe.y) : null;
  }

  destroy(): void {
    this.diagram.destroy();
  }

  #name(l: number): string {
    return this.#ctx.layerNames()[l] ?? '';
  }

  #hover(h: DiagramHover): void {
    const L = this.#L;
    this.#enlarge(h);
    if (!h) setText(this.#tip, L.t('editTip'));
    else if (h.kind === 'unit') setText(this.#tip, L.t('unitTip', { layer: this.#name(h.layer), unit: String(h.unit + 1), bias: sci(h.bias), value: sci(h.value) }));
    else setText(this.#tip, L.t('linkTip', { w: sci(h.weight), ...this.#ends(h) }));
  }

  /** A hovered hidden unit shows its map large in the output (2-D data); anything else the output again. */
  #enlarge(h: DiagramHover): void {
    const output = this.#ctx.output;
    const plot = output.plot;
    const hidden = h?.kind === 'unit' && h.layer < this.#hiddenLayers && output.mode === 'plane';
    const next = hidden ? { layer: h.layer, neuron: h.unit, label: this.#L.t('unitMapLabel', { layer: this.#name(h.layer), unit: String(h.unit + 1) }) } : null;
    if ((plot.canvas.dataset.neuron ?? '') === (next ? `${next.layer}:${next.neuron}` : '')) return;
    plot.setNeuron(next);
    output.update();
  }

  #ends(h: { layer: number; from: number; to: number }): { from: string; to: string } {
    const feature = this.#ctx.state()?.features[h.from];
    const input = this.#ctx.output.mode === 'plane' && feature ? featureText(this.#engine.configSchema(), feature) : `x${h.from + 1}`;
    return { from: h.layer === 0 ? input : `${this.#name(h.layer - 1)} #${h.from + 1}`, to: `${this.#name(h.layer)} #${h.to + 1}` };
  }

  #pickLabel(h: NonNullable<DiagramHover>): string {
    return h.kind === 'link'
      ? this.#L.t('editWeight', this.#ends(h))
      : this.#L.t('editBias', { layer: this.#name(h.layer), unit: String(h.unit + 1) });
  }
}
