import { describe, expect, it } from "vitest";
import { heapGrowingPercentFor, PDF_HEAP, WORD_HEAP } from "../src/util/collect-garbage.js";

const heapGrowingPercent = (live: number) => heapGrowingPercentFor(live, WORD_HEAP);

const MB = 1024 * 1024;

describe("the Word build's heap growing percent", () => {
  it("stays at 30% for a small pack, where V8's own step already lets the heap grow enough", () => {
    for (const live of [0, 20, 60, 100]) expect(heapGrowingPercent(live * MB)).toBe(30);
  });

  it("rises with what is live, so a large pack is not collected more often for its size", () => {
    expect(heapGrowingPercent(145 * MB)).toBe(42);
    expect(heapGrowingPercent(367 * MB)).toBe(59);
    expect(heapGrowingPercent(200 * MB)).toBeLessThan(heapGrowingPercent(367 * MB));
  });

  it("keeps the heap's limit within its budget for a pack larger still, and never goes below 30%", () => {
    const live = 450;
    const percent = heapGrowingPercent(live * MB);
    expect(live * (1 + percent / 100) + 40).toBeLessThanOrEqual(720.5);
    expect(heapGrowingPercent(520 * MB)).toBe(31);
    expect(heapGrowingPercent(2000 * MB)).toBe(30);
  });
});

describe("the PDF build's heap growing percent", () => {
  const pdfPercent = (live: number) => heapGrowingPercentFor(live * MB, PDF_HEAP);

  it("stays at 20% for a small pack (up to 100 MB live as rendering starts; 3,000 items about 70 MB)", () => {
    for (const live of [0, 40, 80, 100]) expect(pdfPercent(live)).toBe(20);
    expect(pdfPercent(120)).toBeGreaterThan(20);
  });

  it("rises for a larger pack, within the heap budget that keeps the build under 1 GiB", () => {
    expect(pdfPercent(300)).toBe(47);
    for (const live of [300, 400, 500, 600]) {
      const percent = pdfPercent(live);
      expect(percent).toBeGreaterThanOrEqual(20);
      if (percent > 20) expect(live * (1 + percent / 100) + 40).toBeLessThanOrEqual(720.5);
    }
  });
});
