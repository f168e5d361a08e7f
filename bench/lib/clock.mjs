// The benchmarks' clocks. A clock runs fn once and returns (or resolves to)
// {ms: the measure, wall: wall time}, both in milliseconds; `measure` names
// what ms is, for the results' method notes. No Node imports: pages load
// this file too.
import { median } from './stats.mjs';

// Node: CPU time of the process, so that other jobs on a shared machine count less.
export function cpuClock(fn) {
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const t1 = performance.now();
  const u = process.cpuUsage(u0);
  return { ms: (u.user + u.system) / 1000, wall: t1 - t0 };
}
cpuClock.measure = 'CPU time of the process (process.cpuUsage)';

const EMPTY_CALLS = 21;

// A page: no web API gives CPU time, but the DevTools protocol does
// (Performance.getMetrics' ThreadTime, the CPU time of the renderer's main
// thread, with timeDomain threadTicks). readMs() asks the driver for it,
// which itself costs the main thread about a millisecond (measured on this
// machine), so the median cost of timing an empty call is measured once and
// subtracted from every call.
export async function mainThreadClock(readMs) {
  const raw = async (fn) => {
    const c0 = await readMs();
    const t0 = performance.now();
    fn();
    const wall = performance.now() - t0;
    return { ms: (await readMs()) - c0, wall };
  };
  const empty = [];
  for (let i = 0; i < EMPTY_CALLS; i++) empty.push((await raw(() => {})).ms);
  const overheadMs = median(empty);
  const clock = async (fn) => {
    const t = await raw(fn);
    return { ms: Math.max(0, t.ms - overheadMs), wall: t.wall };
  };
  clock.overheadMs = overheadMs;
  clock.measure = 'CPU time of the page\'s main thread (DevTools protocol Performance.getMetrics ThreadTime, timeDomain ' +
    `threadTicks, read before and after each call), less ${overheadMs.toFixed(3)} ms, the median of ${EMPTY_CALLS} timed empty calls`;
  return clock;
}
