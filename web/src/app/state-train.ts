// The studio's URL keys <-> TrainState, beside the page's keys in state.ts and
// with the same helpers and the same Problem type. Values from the URL are
// data: each is checked against its allowed set or range, and a bad one becomes
// a Problem (shown as text) while the field keeps its default. Only values that
// differ from the defaults are written. The allowed sets, ranges and defaults
// are the core's (TrainRules: engine.configSchema()), so the codec runs once
// the engine has loaded.
import type { FeatureName } from '../engine/engine';
import { MAX_COMPARE, MAXOUT, SPEEDS, cloneState, defaultTrainState, type LayerSpec, type TrainState } from '../views/train/model/train-state';
import {
  inLimit, limitRange, optimizerChoices, optionsOf, type LimitKey, type TrainRules,
} from '../views/train/model/train-rules';
import { MAX_LINK_CHARS, MAX_LINK_POINTS, formatPoints, parsePoints } from '../views/train/model/custom-points';
import { NAME, num, numText as fmt, shorten, type Problem, type ProblemReason } from './url-values';

export type { ActivationCatalog, TrainRules } from '../views/train/model/train-rules';

/** The keys this view reads and writes; a host page must not use them for anything else. */
export { TRAIN_PARAM_KEYS } from './train-keys';

/** URL key → the numeric state field it holds. */
type NumericField = Exclude<LimitKey, 'units' | 'pieces'>;
const NUMERIC: readonly (readonly [string, NumericField])[] = [
  ['pts', 'samples'], ['noise', 'noise'], ['split', 'trainFraction'], ['k', 'classes'], ['dseed', 'dataSeed'],
  ['sigma', 'initSigma'], ['bias', 'biasInit'], ['seed', 'seed'], ['lr', 'learningRate'], ['mom', 'momentum'],
  ['dsteps', 'decaySteps'], ['drate', 'decayRate'], ['bs', 'batchSize'], ['l1', 'l1'], ['l2', 'l2'],
  ['drop', 'dropout'], ['clipn', 'clipNorm'], ['clipv', 'clipValue'],
];
/** URL key → the named state field and its allowed values (the core's, but for the page's speed). */
const CHOICES = [
  ['data', 'data', (r) => optionsOf(r.schema, 'data')], ['head', 'head', (r) => optionsOf(r.schema, 'head')],
  ['init', 'init', (r) => optionsOf(r.schema, 'init')], ['opt', 'optimizer', (r) => optimizerChoices(r.schema)],
  ['sched', 'schedule', (r) => optionsOf(r.schema, 'schedule')], ['speed', 'speed', () => SPEEDS],
] as const satisfies readonly (readonly [string, keyof TrainState, (r: TrainRules) => readonly string[]])[];
const FLAGS = [['disc', 'discretize'], ['test', 'showTest']] as const;

const MAX_VALUE = 400;

/** "8:tanh", "8:leaky_relu:a0.2", "8:rrelu:l0.1:u0.3", "4:maxout3". */
function parseLayer(item: string, rules: TrainRules): LayerSpec | undefined {
  const [unitsText, act, ...rest] = item.split(':');
  const units = num(unitsText ?? '');
  if (units === undefined || !inLimit(rules.schema, 'units', units) || act === undefined) return undefined;
  const maxout = /^maxout(\d{1,3})$/.exec(act);
  if (maxout) {
    const pieces = Number(maxout[1]);
    return rest.length === 0 && inLimit(rules.schema, 'pieces', pieces) ? { units, activation: MAXOUT, pieces } : undefined;
  }
  const catalog = rules.activations;
  if (!NAME.test(act) || act === MAXOUT || !optionsOf(rules.schema, 'activation').includes(act) || (catalog && !catalog.names.includes(act))) return undefined;
  const layer: LayerSpec = { units, activation: act, pieces: 2 };
  for (const p of rest) {
    const name = ({ a: 'alpha', l: 'lower', u: 'upper' } as const)[p[0] as 'a' | 'l' | 'u'];
    const v = num(p.slice(1));
    if (!name || v === undefined || layer[name] !== undefined) return undefined;
    const range = catalog ? catalog.paramRange(act, name) : ([-Infinity, Infinity] as const);
    if (!range || v < range[0] || v > range[1]) return undefined;
    layer[name] = v;
  }
  if (layer.lower !== undefined && layer.upper !== undefined && layer.lower > layer.upper) return undefined;
  return layer;
}

function layerText(l: LayerSpec): string {
  if (l.activation === MAXOUT) return `${l.units}:maxout${l.pieces}`;
  const params = [
    l.alpha !== undefined ? `a${fmt(l.alpha)}` : '',
    l.lower !== undefined ? `l${fmt(l.lower)}` : '',
    l.upper !== undefined ? `u${fmt(l.upper)}` : '',
  ].filter((p) => p !== '');
  return [String(l.units), l.activation, ...params].join(':');
}

export function trainStateFromParams(
  params: URLSearchParams,
  rules: TrainRules,
): { state: TrainState; notices: Problem[] } {
  const { schema } = rules;
  const catalog = rules.activations;
  const state = defaultTrainState(schema);
  const features = optionsOf(schema, 'features');
  const maxLayers = schema.maxHiddenLayers;
  const notices: Problem[] = [];
  const get = (key: string): string | null => {
    const v = params.get(key);
    // Clicked points take more room than any other value.
    if (v !== null && v.length > (key === 'cpts' ? MAX_LINK_CHARS : MAX_VALUE)) {
      notices.push({ key, value: shorten(v), reason: 'tooLong', fallback: defaultText(key, schema) });
      return null;
    }
    return v;
  };
  const bad = (key: string, value: string, reason: ProblemReason = 'badValue', range?: readonly [number, number]) =>
    notices.push({ key, value: shorten(value), reason, fallback: defaultText(key, schema), ...(range ? { range } : {}) });

  for (const [key, field, allowed] of CHOICES) {
    const v = get(key);
    if (v === null) continue;
    if (allowed(rules).includes(v)) (state as unknown as Record<string, string>)[field] = v;
    else bad(key, v);
  }
  for (const [key, field] of NUMERIC) {
    const text = get(key);
    if (text === null) continue;
    const v = num(text);
    if (v === undefined) bad(key, text);
    else if (!inLimit(schema, field, v)) bad(key, text, 'range', limitRange(schema, field));
    else state[field] = v;
  }
  for (const [key, field] of FLAGS) {
    const v = get(key);
    if (v === null) continue;
    if (v === '1' || v === '0') state[field] = v === '1';
    else bad(key, v);
  }
  const feat = get('feat');
  if (feat !== null) {
    const items = feat.split(',').filter((f) => f !== '');
    const good = features.filter((f) => items.includes(f));
    for (const f of items) if (!features.includes(f) || items.indexOf(f) !== items.lastIndexOf(f)) bad('feat', f, 'droppedItem');
    if (good.length > 0) state.features = good as FeatureName[];
    else bad('feat', feat);
  }
  const net = get('net');
  if (net !== null) {
    const items = net === '' || net === 'none' ? [] : net.split(',');
    const layers = items.map((item) => parseLayer(item, rules));
    if (items.length > maxLayers) bad('net', net, 'range', [0, maxLayers]);
    else if (layers.every((l) => l !== undefined)) state.layers = layers as LayerSpec[];
    else items.forEach((item, i) => layers[i] === undefined && bad('net', item, 'badLayer'));
  }
  const cmp = get('cmp');
  if (cmp !== null) {
    const items = cmp.split(',').filter((c) => c !== '');
    const ok = items.filter((c, i) => NAME.test(c) && (!catalog || catalog.names.includes(c)) && items.indexOf(c) === i);
    for (const c of items) if (!ok.includes(c)) bad('cmp', c, 'droppedItem');
    if (ok.length >= 2) state.compare = ok.slice(0, MAX_COMPARE);
    else if (ok.length > 0 || items.length > 0) bad('cmp', cmp, 'range', [2, MAX_COMPARE]);
  }
  const cpts = get('cpts');
  if (cpts !== null) {
    const parsed = parsePoints(cpts);
    for (const item of parsed.bad) bad('cpts', item, 'droppedItem');
    if (parsed.truncated) bad('cpts', cpts, 'truncated', [0, MAX_LINK_POINTS]);
    state.customPoints = parsed.points;
  }
  return { state, notices };
}

/** What a bad value falls back to, as a link writes it ("lr=0.03"; '' for none). */
function defaultText(key: string, schema: TrainRules['schema']): string {
  const d = defaultTrainState(schema);
  const choice = CHOICES.find(([k]) => k === key);
  if (choice) return `${key}=${d[choice[1]]}`;
  const numeric = NUMERIC.find(([k]) => k === key);
  if (numeric) return `${key}=${fmt(d[numeric[1]])}`;
  const flag = FLAGS.find(([k]) => k === key);
  if (flag) return `${key}=${d[flag[1]] ? 1 : 0}`;
  if (key === 'feat') return `feat=${d.features.join(',')}`;
  if (key === 'net') return `net=${d.layers.map(layerText).join(',')}`;
  return '';
}

export function trainStateToParams(s: TrainState, schema: TrainRules['schema']): URLSearchParams {
  const d = defaultTrainState(schema);
  const out = new URLSearchParams();
  for (const [key, field] of CHOICES) if (s[field] !== d[field]) out.set(key, s[field]);
  for (const [key, field] of NUMERIC) if (s[field] !== d[field]) out.set(key, fmt(s[field]));
  for (const [key, field] of FLAGS) if (s[field] !== d[field]) out.set(key, s[field] ? '1' : '0');
  if (s.features.join(',') !== d.features.join(',')) out.set('feat', s.features.join(','));
  const net = s.layers.length === 0 ? 'none' : s.layers.map(layerText).join(',');
  if (net !== d.layers.map(layerText).join(',')) out.set('net', net);
  if (s.compare.length >= 2) out.set('cmp', s.compare.join(','));
  if (s.data === 'custom' && s.customPoints.length > 0) out.set('cpts', formatPoints(s.customPoints));
  return out;
}

/** A state equal to s after a URL round trip (numbers rounded as written). */
export function normalizeState(s: TrainState, rules: TrainRules): TrainState {
  return cloneState(trainStateFromParams(trainStateToParams(s, rules.schema), rules).state);
}

