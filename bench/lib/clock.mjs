// The benchmarks' clocks. A clock runs fn once and returns {ms: the measure,
// wall: wall time}, both in milliseconds; `measure` names what ms is, for the
// results' method notes. No Node imports: pages load this file too.

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

// A page has no CPU-time clock (Chromium exposes none): wall time it is.
export function wallClock(fn) {
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  return { ms, wall: ms };
}
wallClock.measure = 'wall time (performance.now; a page has no CPU-time clock)';
