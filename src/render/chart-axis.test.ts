import { describe, expect, it } from "vitest";
import { chartAxis } from "./chart-axis.js";

describe("chartAxis", () => {
  it("steps by 1, 2 or 5 times a power of ten, about five ticks, with a top at or above the largest value", () => {
    expect(chartAxis([])).toEqual({ step: 1, top: 1 });
    expect(chartAxis([0, 0])).toEqual({ step: 1, top: 1 });
    expect(chartAxis([3])).toEqual({ step: 1, top: 3 });
    expect(chartAxis([7, 2])).toEqual({ step: 2, top: 8 });
    expect(chartAxis([23])).toEqual({ step: 5, top: 25 });
    expect(chartAxis([62])).toEqual({ step: 20, top: 80 });
    expect(chartAxis([480])).toEqual({ step: 100, top: 500 });
  });
});
