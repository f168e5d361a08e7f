// Where the training data comes from: the shipped real sets (fetched from the
// page's own origin as Vite assets; digits is gunzipped in the browser with
// DecompressionStream) and the user's own points or CSV file.
import type { Dataset, Engine } from '../../../engine/engine';
import type { DataSpec } from './worker-protocol';
import digitsUrl from '../../../../../data/digits.csv.gz?url';
import irisUrl from '../../../../../data/iris.csv?url';

const URLS = { digits: digitsUrl, iris: irisUrl } as const;
export type RealKind = keyof typeof URLS;

const cache = new Map<RealKind, Promise<string>>();

async function gunzipIfNeeded(buffer: ArrayBuffer): Promise<string> {
  const bytes = new Uint8Array(buffer);
  // A server may already have decoded it (Content-Encoding: gzip): check the magic.
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([buffer]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** The bytes of a data: URL, without fetch (a file:// page may not fetch). */
function dataUrlBytes(url: string): ArrayBuffer {
  const comma = url.indexOf(',');
  const body = url.slice(comma + 1);
  if (!url.slice(0, comma).endsWith(';base64')) return new TextEncoder().encode(decodeURIComponent(body)).buffer;
  const text = atob(body);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}

/**
 * Starts fetching the shipped data set a link names (data=digits or iris)
 * while the engine is still loading; the studio's later request reuses it.
 */
export function prefetchRealCsv(params: URLSearchParams): void {
  const kind = params.get('data');
  if (kind === 'digits' || kind === 'iris') fetchRealCsv(kind).catch(() => undefined);
}

/** The CSV text of a shipped data set (fetched once per page). */
export function fetchRealCsv(kind: RealKind): Promise<string> {
  let p = cache.get(kind);
  if (!p) {
    const url = URLS[kind];
    // The single-file build (vite.single.config.mjs) inlines the sets as data: URLs.
    p = url.startsWith('data:')
      ? gunzipIfNeeded(dataUrlBytes(url))
      : fetch(url).then(async (res) => {
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return gunzipIfNeeded(await res.arrayBuffer());
        });
    p.catch(() => cache.delete(kind));
    cache.set(kind, p);
  }
  return p;
}

/**
 * The shipped sets a session has loaded, each built once and kept with its
 * CSV (the training worker builds its own copy from the text).
 */
export class RealSets {
  readonly #sets = new Map<RealKind, { data: Dataset; csv: string }>();

  constructor(private readonly engine: Engine) {}

  /** The data set, loaded on first use. */
  async load(kind: RealKind): Promise<Dataset> {
    const have = this.get(kind);
    if (have) return have;
    const csv = await fetchRealCsv(kind);
    const again = this.get(kind);
    if (again) return again;
    const data = this.engine.loadDataset(kind, csv);
    this.#sets.set(kind, { data, csv });
    return data;
  }

  has(kind: RealKind): boolean {
    return this.#sets.has(kind);
  }

  get(kind: RealKind): Dataset | undefined {
    const d = this.#sets.get(kind)?.data;
    return d && !d.disposed ? d : undefined;
  }

  csv(kind: RealKind): string | undefined {
    return this.#sets.get(kind)?.csv;
  }

  dispose(): void {
    for (const d of this.#sets.values()) d.data.dispose();
    this.#sets.clear();
  }
}

export interface CustomPoint {
  x: number;
  y: number;
  label: number;
}

export const CUSTOM_CLASSES = 5;

/**
 * The user's data: points added by clicking (2-D, classes 0..4) or a CSV
 * file. Clicked points and a 2-D classification file merge into one list;
 * any other file (more inputs, or a regression target) is used as it is.
 */
export class CustomData {
  points: CustomPoint[] = [];
  /** A file that is not 2-D classification: used verbatim. */
  file: { text: string; regression: boolean; inputs: number; rows: number } | null = null;
  /** Bumped on every change, so a view can tell its picture is stale. */
  version = 0;

  get inputs(): number {
    return this.file ? this.file.inputs : 2;
  }

  get size(): number {
    return this.file ? this.file.rows : this.points.length;
  }

  get editable(): boolean {
    return this.file === null;
  }

  add(p: CustomPoint): void {
    this.points.push(p);
    this.version += 1;
  }

  clear(): void {
    this.points = [];
    this.file = null;
    this.version += 1;
  }

  setPoints(points: CustomPoint[]): void {
    this.points = points;
    this.file = null;
    this.version += 1;
  }

  /** Parses a file; throws the engine's CoreError (it names the line) and keeps the old data. */
  importCsv(engine: Engine, text: string, regression: boolean): { rows: number; inputs: number } {
    const d = engine.loadDataset('custom', text, { regression });
    try {
      const rows = d.size;
      const inputs = d.inputs;
      if (inputs === 2 && !d.regression && d.classes <= CUSTOM_CLASSES) {
        const x = d.x();
        const y = d.y();
        this.setPoints(Array.from({ length: rows }, (_, i) => ({ x: x[2 * i], y: x[2 * i + 1], label: y[i] })));
      } else {
        this.file = { text, regression, inputs, rows };
        this.points = [];
        this.version += 1;
      }
      return { rows, inputs };
    } finally {
      d.dispose();
    }
  }

  /** The data as CSV text for engine.loadDataset('custom', …), or null with fewer than 2 samples. */
  csv(): { text: string; regression: boolean } | null {
    if (this.file) return { text: this.file.text, regression: this.file.regression };
    if (this.points.length < 2) return null;
    const lines = this.points.map((p) => `${p.x},${p.y},${p.label}`);
    return { text: `${lines.join('\n')}\n`, regression: false };
  }

  /** A Dataset for a trainer (caller disposes), or null with fewer than 2 samples. */
  toDataset(engine: Engine): Dataset | null {
    const c = this.csv();
    return c ? engine.loadDataset('custom', c.text, { regression: c.regression }) : null;
  }
}

/** What the training worker needs to build the same data set (null: one it generates itself). */
export function dataSpec(real: RealSets, custom: CustomData, kind: string): DataSpec | null {
  if (kind === 'digits' || kind === 'iris') {
    const csv = real.csv(kind);
    return csv === undefined ? null : { kind, csv, regression: false };
  }
  const c = kind === 'custom' ? custom.csv() : null;
  return c ? { kind: 'custom', csv: c.text, regression: c.regression } : null;
}

/** The data set a trainer is built on; null for a generated set, or custom data with too few points. The caller disposes a custom one. */
export function dataFor(kind: string, real: RealSets, custom: CustomData, engine: Engine): Dataset | null {
  if (kind === 'digits' || kind === 'iris') {
    const d = real.get(kind);
    if (!d) throw new Error(`${kind} is not loaded yet`);
    return d;
  }
  return kind === 'custom' ? custom.toDataset(engine) : null;
}
