// Targets (docs/TARGETS.md, "Kernels on 1M floats") and the printed table.
const SIMD = 'nnplay-wasm-simd';
const SCALAR = 'nnplay-wasm-scalar';
const EXP_BASED = ['sigmoid', 'tanh', 'gelu', 'elu', 'swish', 'softmax'];

const find = (rows, kernel, op, contender) =>
  rows.find((r) => r.kernel === kernel && r.op === op && r.contender === contender);

// One target: value vs threshold; `met` only when every row it uses computed
// the right thing (a placeholder kernel that copies x to y cannot meet a target).
function target(name, value, threshold, unit, used) {
  const missing = used.find((r) => !r || r.gelems_per_s == null);
  const wrong = used.find((r) => r && r.agrees === false);
  const t = { target: name, value, threshold, unit };
  if (missing || value == null) return { ...t, value: null, met: false, note: 'not measured' };
  t.margin = value / threshold; // > 1: met with room; < 1: the factor still missing
  t.met = value >= threshold && !wrong;
  if (wrong) t.note = `${wrong.contender} output disagrees with plain JS (placeholder kernel?)`;
  return t;
}

export function evaluateTargets(rows) {
  const out = [];
  {
    const s = find(rows, 'sigmoid', 'forward', SIMD);
    const t = find(rows, 'sigmoid', 'forward', 'tfjs-wasm');
    const v = s?.gelems_per_s && t?.gelems_per_s ? s.gelems_per_s / t.gelems_per_s : null;
    out.push(target('sigmoid forward: nnplay-wasm-simd / tfjs-wasm', v, 1.5, 'x', [s, t]));
  }
  for (const k of EXP_BASED) {
    const s = find(rows, k, 'forward', SIMD);
    out.push(target(`${k} forward: nnplay-wasm-simd, fraction of the measured peak`, s?.fraction_of_peak ?? null, 0.5, 'of peak', [s]));
  }
  for (const k of EXP_BASED) {
    for (const op of k === 'softmax' ? ['forward'] : ['forward', 'derivative']) {
      const s = find(rows, k, op, SIMD);
      const c = find(rows, k, op, SCALAR);
      const v = s?.gelems_per_s && c?.gelems_per_s ? s.gelems_per_s / c.gelems_per_s : null;
      out.push(target(`${k} ${op}: nnplay-wasm-simd / nnplay-wasm-scalar`, v, 3, 'x', [s, c]));
    }
  }
  return out;
}

const fmt = (v, d) => (v == null ? '—' : typeof v === 'string' ? v : v.toFixed(d));
const fmtDiff = (v) => (v == null ? '—' : typeof v === 'string' ? v : v === 0 ? '0' : v.toExponential(1));

function table(header, body) {
  const w = header.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((c, i) => String(c).padEnd(w[i])).join(' | ') + ' |';
  return [line(header), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...body.map(line)].join('\n');
}

export function printTable(result) {
  const m = result.machine;
  console.log(`\nnnplay kernel benchmark — ${result.date}`);
  const load = `load ${m.loadavg_at_start.join(' ')} → ${m.loadavg_at_end.join(' ')}`;
  console.log(`node ${m.node}, ${m.cpu} × ${m.cores}, ${m.platform}, ${load}`);
  console.log(`${result.method.elements} float32, ${result.method.input}; ${result.method.timing}`);
  console.log(`tfjs: ${result.method.tfjs_wasm}`);
  const p = result.peak;
  console.log(`peak (bench/lib/peak.mjs): ${p.gflop_per_s.toFixed(1)} GFLOP/s (before ${p.gflop_per_s_before.toFixed(1)}, after ${p.gflop_per_s_after.toFixed(1)})\n`);
  const body = result.rows.map((r) => [
    r.kernel,
    r.op,
    r.contender,
    fmt(r.median_ms, 3),
    fmt(r.gelems_per_s, 3),
    r.fraction_of_peak == null ? '—' : `${(100 * r.fraction_of_peak).toFixed(1)}% (${r.flops_per_element} flop)`,
    r.ratio_to_plain_js == null ? '—' : `${r.ratio_to_plain_js.toFixed(2)}x`,
    r.ratio_to_tfjs_wasm == null ? '—' : `${r.ratio_to_tfjs_wasm.toFixed(2)}x`,
    fmtDiff(r.max_abs_diff_vs_plain_js),
    r.gelems_per_s == null ? r.note : r.agrees ? 'ok' : 'DISAGREES',
  ]);
  console.log(table(['kernel', 'op', 'contender', 'ms (CPU)', 'Gelem/s', 'of peak', 'vs plain JS', 'vs tfjs', 'max|Δ| vs JS', 'check'], body));
  console.log('\nTargets:');
  const tb = result.targets.map((t) => [
    t.target,
    t.value == null ? '—' : `${t.value.toFixed(2)}${t.unit === 'x' ? 'x' : ' ' + t.unit}`,
    `>= ${t.threshold}${t.unit === 'x' ? 'x' : ' ' + t.unit}`,
    t.value == null ? 'not run' : t.met ? 'met' : 'MISSED',
    t.margin == null ? '—' : `${t.margin.toFixed(2)} of target`,
    t.note ?? '',
  ]);
  console.log(table(['target', 'value', 'needs', 'status', 'margin', 'note'], tb));
}
