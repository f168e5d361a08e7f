// Targets of the training benchmark (docs/TARGETS.md,
// "Training") and its printed tables.
const SIMD = 'nnplay-wasm-simd';
const NNPLAY = [SIMD, 'nnplay-wasm-scalar', 'nnplay-native'];

// Loss agreement: the training-set loss after the check run (float64
// evaluator, bench/lib/train-setup.mjs) must be within this relative
// distance of the plain-JS trainer's. float32 contenders differ from each
// other by rounding only; convnetjs computes in float64.
export const LOSS_RTOL = 1e-4;

const find = (rows, net, contender) => rows.find((r) => r.net === net && r.contender === contender);

// value/threshold → margin; for "at most" targets (grid time) threshold/value.
function target(name, contender, value, used, threshold, unit, atMost = false) {
  const t = { target: name, contender, binding: contender === SIMD, value, threshold, unit };
  const missing = used.find((r) => !r || r.steps_per_s == null);
  if (missing || value == null) return { ...t, value: null, met: false, note: 'not measured' };
  const wrong = used.find((r) => r.agrees === false);
  t.margin = atMost ? threshold / value : value / threshold; // < 1: the factor still missing
  t.met = (atMost ? value <= threshold : value >= threshold) && !wrong;
  if (wrong) t.note = `${wrong.contender} does not reach the same loss`;
  return t;
}

export function evaluateTargets(rows) {
  const out = [];
  for (const c of NNPLAY) {
    const ratio = (net, other) => {
      const a = find(rows, net, c);
      const b = find(rows, net, other);
      return [a?.steps_per_s && b?.steps_per_s ? a.steps_per_s / b.steps_per_s : null, [a, b]];
    };
    out.push(target('A: steps/s vs plain-js', c, ...ratio('A', 'plain-js'), 10, 'x'));
    out.push(target('B: steps/s vs plain-js', c, ...ratio('B', 'plain-js'), 5, 'x'));
    out.push(target('B: steps/s vs tfjs-wasm', c, ...ratio('B', 'tfjs-wasm'), 5, 'x'));
    if (c === SIMD) {
      const one = find(rows, 'A', `${SIMD} step(1)`);
      const js = find(rows, 'A', 'plain-js');
      out.push(target('A: step(1) calls vs plain-js', c, one?.steps_per_s && js?.steps_per_s ? one.steps_per_s / js.steps_per_s : null,
        [one, js], 8, 'x'));
      for (const net of ['A', 'B']) {
        const d = find(rows, net, `${SIMD} defaults`);
        const f = find(rows, net, SIMD);
        out.push(target(`${net}: default config vs evalEvery 10000`, c, d?.steps_per_s && f?.steps_per_s ? d.steps_per_s / f.steps_per_s : null,
          [d, f], 0.8, 'x'));
      }
      const b = find(rows, 'B', c);
      out.push(target('B: fraction of the measured peak', c, b?.fraction_of_peak ?? null, [b], 0.6, 'of peak'));
      const t = target('B: steps/s vs tfjs-wasm-manual', c, ...ratio('B', 'tfjs-wasm-manual'), 5, 'x');
      out.push({ ...t, binding: false, note: t.note ?? 'for information: tfjs without its autodiff tape' });
    }
    const g = find(rows, 'A', c);
    out.push(target('A: 100×100 decision grid', c, g?.grid_ms ?? null, [g], 1, 'ms', true));
  }
  return out;
}

const fmt = (v, d) => (v == null ? '—' : typeof v === 'string' ? v : v.toFixed(d));
const sig = (v, d = 3) => (v == null ? '—' : Number(v.toPrecision(d)).toLocaleString('en-US'));
const exp = (v) => (v == null ? '—' : v === 0 ? '0' : v.toExponential(1));

export function table(header, body) {
  const w = header.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((c, i) => String(c).padEnd(w[i])).join(' | ') + ' |';
  return [line(header), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...body.map(line)].join('\n');
}

export function printTable(result) {
  const m = result.machine;
  console.log(`\nnnplay ${result.benchmark} benchmark — ${result.date}`);
  console.log(`${m.browser ?? `node ${m.node}`}, ${m.cpu} × ${m.cores}, ${m.platform}, load ${m.loadavg_at_start.join(' ')} → ${m.loadavg_at_end.join(' ')}`);
  for (const [k, n] of Object.entries(result.nets)) {
    console.log(`net ${k}: ${n.title}; ${n.flops_per_step} FLOP/step; loss check after ${n.check_steps} steps, initial loss ${n.initial_loss.toFixed(6)}`);
  }
  if (result.peak) {
    const p = result.peak;
    console.log(`peak (bench/lib/peak.mjs): ${p.gflop_per_s.toFixed(1)} GFLOP/s (before the nets ${p.gflop_per_s_before.toFixed(1)}, after ${p.gflop_per_s_after.toFixed(1)}; ${p.chains} chains)`);
  }
  console.log(`timing: ${result.method.timing}\n`);
  const body = result.rows.map((r) => [
    r.net,
    r.contender,
    r.steps_per_call ?? '—',
    fmt(r.median_ms, 2),
    sig(r.steps_per_s),
    fmt(r.gflop_per_s, 3),
    r.fraction_of_peak == null ? '—' : `${(100 * r.fraction_of_peak).toFixed(1)}%`,
    r.ratio_to_plain_js == null ? '—' : `${r.ratio_to_plain_js.toFixed(2)}x`,
    r.ratio_to_tfjs_wasm == null ? '—' : `${r.ratio_to_tfjs_wasm.toFixed(2)}x`,
    r.grid_ms == null ? '—' : r.grid_ms.toFixed(3),
    r.loss_after_check == null ? '—' : r.loss_after_check.toFixed(6),
    exp(r.loss_rel_diff_vs_plain_js),
    exp(r.max_weight_diff_vs_plain_js),
    r.steps_per_s == null ? r.note : r.agrees ? 'ok' : 'DISAGREES',
  ]);
  const head = ['net', 'contender', 'steps/call', 'ms/call', 'steps/s', 'GFLOP/s', 'of peak', 'vs plain JS', 'vs tfjs',
    'grid ms', 'loss@check', 'rel Δloss', 'max|Δw|', 'check'];
  console.log(table(head, body));
  console.log(`\nTargets (binding: ${SIMD}, the build the page ships; the others for information):`);
  const tb = result.targets.map((t) => [
    t.target,
    t.contender,
    t.value == null ? '—' : `${t.value.toFixed(t.unit === 'ms' ? 3 : 2)}${t.unit === 'x' ? 'x' : ' ' + t.unit}`,
    `${t.unit === 'ms' ? '<=' : '>='} ${t.threshold}${t.unit === 'x' ? 'x' : ' ' + t.unit}`,
    t.value == null ? 'not run' : t.met ? 'met' : t.binding ? 'MISSED' : 'missed',
    t.margin == null ? '—' : `${t.margin.toFixed(2)} of target`,
    t.note ?? '',
  ]);
  console.log(table(['target', 'contender', 'value', 'needs', 'status', 'margin', 'note'], tb));
}
