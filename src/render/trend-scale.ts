// The value axis of a service standard's trend chart, shared by the HTML and PDF renderers so the
// two draw the same scale.

/** A value axis around the figures and the target, with round steps and some room at each end. */
export function valueRange(min: number, max: number): { low: number; high: number; step: number } {
  const span = Math.max(max - min, Math.abs(max) * 0.05, 1);
  const step = niceStep(span / 4);
  const low = Math.max(min >= 0 ? 0 : -Infinity, Math.floor((min - step / 2) / step) * step);
  const high = Math.ceil((max + step / 2) / step) * step;
  return { low, high: high > low ? high : low + step, step };
}

function niceStep(rough: number): number {
  const mag = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) if (m * mag >= rough) return m * mag;
  return 10 * mag;
}
