// The studio's panel registry (web/src/views/train/panels/registry.ts) is the
// one list the layout, the tabs, hide=, the draw loop, the export menu and the
// text alternatives read. No DOM here: entries and panels are stand-ins.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HIDEABLE } from '../../web/src/app/state-schema';
import { ENTRIES } from '../../web/src/views/train/panels/registry';
import { altTargets, arrange, drawParts } from '../../web/src/views/train/panels/arrange';
import { exportCharts } from '../../web/src/views/train/panels/export-charts';
import { panel, type DrawFrame, type PanelEntry, type PanelKit } from '../../web/src/views/train/panels/panel-types';

const STUDIO = join(__dirname, '../../web/src/views/train');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

describe('hide= ids and the registry', () => {
  const studioIds = HIDEABLE.filter((id) => id.startsWith('train-'));

  test('every entry hides under an id the URL accepts (state-schema.ts HIDEABLE)', () => {
    for (const [id, e] of Object.entries(ENTRIES)) expect(studioIds, id).toContain(e.hide);
  });

  test('every studio id in HIDEABLE is an entry\'s, or names a part a panel marks itself', () => {
    const registered = new Set(Object.values(ENTRIES).map((e) => e.hide));
    const text = sources(STUDIO).filter((f) => !f.endsWith('registry.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const unused = studioIds.filter((id) => !registered.has(id) && !text.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });
});

describe('one registry line is a new panel', () => {
  // A stand-in panel and canvas: what the layout would mount.
  const canvas = { width: 10, height: 10, getClientRects: () => [{}] } as unknown as HTMLCanvasElement;
  const node = (name: string) => ({ name }) as unknown as HTMLElement;
  const drawn: DrawFrame[] = [];
  const gauge = panel({
    hide: 'train-layers', title: 'tab_layers',
    mount: () => ({ root: node('gauge'), canvas }),
    at: (p) => ({ tab: p.root }),
    rate: 250, heavy: true,
    draw: (_p, f) => void drawn.push(f),
    charts: (p) => [{ id: 'gauge', title: 'Gauge', canvas: p.canvas }],
    alts: (p) => [{ box: p.root, describe: () => ({ summary: 'gauge', table: () => ({ caption: '', head: [], rows: [] }) }) }],
  });
  const other = panel({ hide: 'train-data', title: 'data', mount: () => node('data'), at: (p) => ({ data: p }) });
  const entries: Record<string, PanelEntry<unknown>> = { other, gauge };
  const kit = {} as PanelKit;
  const mounted = { other: other.mount(kit), gauge: gauge.mount(kit) };

  test('it sits where its entry says, under its hide= id and title (a tab)', () => {
    const at = arrange(entries, mounted);
    expect(at.tab).toEqual([{ id: 'gauge', hide: 'train-layers', title: 'tab_layers', node: mounted.gauge.root }]);
    expect(at.data.map((x) => x.id)).toEqual(['other']);
    expect(at.out).toEqual([]);
  });

  test('it redraws at its rate, taking turns as a heavy panel', () => {
    const parts = drawParts(entries, mounted);
    expect(parts.map(({ id, rate, heavy }) => ({ id, rate, heavy }))).toEqual([{ id: 'gauge', rate: 250, heavy: true }]);
    const frame = { trainer: null, metrics: null, store: {} as DrawFrame['store'], running: true, quiet: false };
    parts[0].draw(frame);
    // Without the layout's tabs it counts as open.
    expect(drawn).toEqual([{ ...frame, open: true }]);
    drawn.length = 0;
  });

  test('in a closed tab it is not on screen, and is drawn (told its tab is open) once the tab opens', () => {
    let open = 'other';
    const [part] = drawParts(entries, mounted, arrange(entries, mounted), { open: () => open });
    expect(part.shown()).toBe(false);
    open = 'gauge';
    expect(part.shown()).toBe(true);
    const frame = { trainer: null, metrics: null, store: {} as DrawFrame['store'], running: false, quiet: true };
    part.draw(frame);
    expect(drawn).toEqual([{ ...frame, open: true }]);
    drawn.length = 0;
  });

  test('a panel also placed outside the tabs stays on screen with its tab closed, and is told so', () => {
    const both = panel({ ...gauge, at: (p) => ({ tab: p.root, loss: p.canvas as unknown as HTMLElement }) });
    const two = { other, gauge: both };
    const [part] = drawParts(two, mounted, arrange(two, mounted), { open: () => '' });
    expect(part.shown()).toBe(true);
    const frame = { trainer: null, metrics: null, store: {} as DrawFrame['store'], running: false, quiet: true };
    part.draw(frame);
    expect(drawn).toEqual([{ ...frame, open: false }]);
    drawn.length = 0;
  });

  test('its charts are in the export menu and have text alternatives', () => {
    expect(exportCharts(entries, mounted, kit).map((c) => c.id)).toEqual(['gauge']);
    expect(altTargets(entries, mounted, kit).map((a) => a.box)).toEqual([mounted.gauge.root]);
  });

  test('a chart not on screen is left out of the menu', () => {
    const hidden = { ...canvas, getClientRects: () => [] } as unknown as HTMLCanvasElement;
    expect(exportCharts(entries, { ...mounted, gauge: { root: mounted.gauge.root, canvas: hidden } }, kit)).toEqual([]);
  });
});
