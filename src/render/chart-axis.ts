/** The value axis of a bar chart: its step between ticks and its top, a whole number of steps. */
export interface ChartAxis {
  step: number;
  top: number;
}

/**
 * The value axis for `values`, shared by the HTML and PDF charts so they draw the same ticks: a
 * round step (1, 2 or 5 times a power of ten, never below 1) giving about five ticks, and a top
 * at or above the largest value (at least 1, so an empty chart still has an axis).
 */
export function chartAxis(values: readonly number[]): ChartAxis {
  const max = Math.max(1, ...values);
  const rough = max / 5;
  const pow = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? 10 * pow;
  return { step, top: Math.ceil(max / step) * step };
}
