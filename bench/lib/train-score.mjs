// From timed rows to the training benchmark's results, the same for the Node
// run (bench/training.mjs) and the Chromium run (bench/training-browser.mjs):
// GFLOP/s, ratios to plain JS and tfjs-wasm, the loss check, the fraction of
// the measured peak, and the method notes both results share.
import { bracketPeak } from './peak.mjs';
import { PLAIN_TRAINER_NOTES } from './train-plain.mjs';
import { LOSS_RTOL } from './train-report.mjs';
import { evalLoss, flopsPerStep, maxWeightDiff } from './train-setup.mjs';

// Completes one net's rows (train-timing.mjs's timedRow, plus any row made
// elsewhere in that shape) in place and drops their weights; returns the
// net's description for the result's `nets`.
export function scoreNet(net, setup, rows) {
  const flops = flopsPerStep(setup);
  const js = rows.find((r) => r.contender === 'plain-js');
  const tf = rows.find((r) => r.contender === 'tfjs-wasm');
  for (const r of rows) {
    if (r.steps_per_s == null) continue;
    r.gflop_per_s = (r.steps_per_s * flops) / 1e9;
    r.ratio_to_plain_js = js?.steps_per_s ? r.steps_per_s / js.steps_per_s : null;
    r.ratio_to_tfjs_wasm = tf?.steps_per_s ? r.steps_per_s / tf.steps_per_s : null;
    r.loss_after_check = evalLoss(setup, r.final);
  }
  for (const r of rows) {
    if (r.steps_per_s == null) continue;
    if (js?.final) {
      r.loss_rel_diff_vs_plain_js = Math.abs(r.loss_after_check - js.loss_after_check) / js.loss_after_check;
      r.max_weight_diff_vs_plain_js = maxWeightDiff(r.final, js.final);
      r.agrees = r.loss_rel_diff_vs_plain_js <= LOSS_RTOL;
    }
  }
  for (const r of rows) delete r.final;
  return { title: net.title, flops_per_step: flops, check_steps: net.checkSteps, initial_loss: evalLoss(setup, setup.layers), config: net.config };
}

// The machine's peak, measured before and after the nets (bench/lib/peak.mjs's
// bracketPeak): sets every row's fraction_of_peak; returns the peak record.
export function applyPeak(rows, before, after) {
  const peak = bracketPeak(before, after);
  for (const r of rows) if (r.gflop_per_s != null) r.fraction_of_peak = r.gflop_per_s / peak.gflop_per_s;
  return peak;
}

// What the Node and the Chromium results say alike about their method.
export const SHARED_METHOD = {
  data: 'nnplay generates the spiral (seed 1, noise 0) and splits it 50/50; the training half, in the order ' +
    'nnplay visits it with train.shuffle false, is every contender\'s data; batch k = samples (k·batch + r) mod n',
  weights: 'the initial weights of an nnplay trainer (seed 7; net A xavier_uniform, net B he_uniform), exported as ' +
    'model JSON; nnplay wasm and native import that JSON, the others copy the numbers',
  math: 'plain SGD (no momentum, no penalties), mean loss over the batch; A: tanh output, ½(out − t)², t = ±1; ' +
    'B: softmax cross-entropy. Every contender computes its batch loss each step',
  agreement: `after the check steps each contender's weights are scored by one float64 evaluator (mean loss over ` +
    `the training set); agrees = |loss − loss_plain_js| ≤ ${LOSS_RTOL} · loss_plain_js`,
  gflop_per_s: 'steps/s × 6·batch·Σ fan_in·fan_out (matmul FLOPs of forward and backward) / 1e9',
  fraction_of_peak: 'gflop_per_s / peak.gflop_per_s (bench/lib/peak.mjs, measured in this run before and after the nets)',
  nnplay: 'train.evalEvery 10000 (metrics evaluation on the full sets is not training); "step(1)": the same, one step per call; ' +
    '"defaults": train.evalEvery left at its default (what createTrainer gives a caller who sets nothing)',
  plain_js: PLAIN_TRAINER_NOTES,
};
