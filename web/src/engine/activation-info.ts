// Typed activation metadata, parsed from the JSON the core writes
// (activation_info_json). The JSON has no infinity, so unbounded ranges come as
// null and are mapped back to ±Infinity here.

export interface Localized {
  en: string;
  zh: string;
}

export interface ParamInfo {
  name: 'alpha' | 'lower' | 'upper';
  default: number;
  min: number;
  max: number;
  step: number;
  label: Localized;
}

export type Saturation = 'none' | 'negative' | 'positive' | 'both';

export interface ActivationInfo {
  name: string;
  display: Localized;
  tex: { f: string; df: string };
  params: ParamInfo[];
  properties: {
    rangeMin: number;
    rangeMax: number;
    zeroCentred: boolean;
    saturates: Saturation;
    monotonic: boolean;
    smooth: boolean;
    derivativeAtZero: number;
    derivativeMax: number;
  };
}

type Json = Record<string, unknown>;

function obj(v: unknown, where: string): Json {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Json;
  throw new Error(`activation info: ${where} is not an object`);
}
function str(o: Json, k: string): string {
  if (typeof o[k] === 'string') return o[k];
  throw new Error(`activation info: ${k} is not a string`);
}
function num(o: Json, k: string, ifNull = NaN): number {
  if (o[k] === null) return ifNull;
  if (typeof o[k] === 'number') return o[k];
  throw new Error(`activation info: ${k} is not a number`);
}
function bool(o: Json, k: string): boolean {
  if (typeof o[k] === 'boolean') return o[k];
  throw new Error(`activation info: ${k} is not a boolean`);
}
function oneOf<T extends string>(o: Json, k: string, allowed: readonly T[]): T {
  const v = str(o, k);
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new Error(`activation info: ${k} = ${v} is not one of ${allowed.join(', ')}`);
}
function localized(v: unknown, where: string): Localized {
  const o = obj(v, where);
  return { en: str(o, 'en'), zh: str(o, 'zh') };
}

/** Parses and checks the core's JSON; a mismatch is a build error, so it throws. */
export function parseActivationInfo(json: string): ActivationInfo {
  const o = obj(JSON.parse(json) as unknown, 'root');
  const tex = obj(o.tex, 'tex');
  const props = obj(o.properties, 'properties');
  if (!Array.isArray(o.params)) throw new Error('activation info: params is not an array');
  const params = (o.params as unknown[]).map((p, i): ParamInfo => {
    const q = obj(p, `params[${i}]`);
    return {
      name: oneOf(q, 'name', ['alpha', 'lower', 'upper'] as const),
      default: num(q, 'default'),
      min: num(q, 'min'),
      max: num(q, 'max'),
      step: num(q, 'step'),
      label: localized(q.label, 'label'),
    };
  });
  return {
    name: str(o, 'name'),
    display: localized(o.display, 'display'),
    tex: { f: str(tex, 'f'), df: str(tex, 'df') },
    params,
    properties: {
      rangeMin: num(props, 'rangeMin', -Infinity),
      rangeMax: num(props, 'rangeMax', Infinity),
      zeroCentred: bool(props, 'zeroCentred'),
      saturates: oneOf(props, 'saturates', ['none', 'negative', 'positive', 'both'] as const),
      monotonic: bool(props, 'monotonic'),
      smooth: bool(props, 'smooth'),
      derivativeAtZero: num(props, 'derivativeAtZero'),
      derivativeMax: num(props, 'derivativeMax'),
    },
  };
}
