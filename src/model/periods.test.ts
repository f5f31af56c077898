import { describe, expect, it } from "vitest";
import {
  latestCompletePeriod,
  parsePeriod,
  periodEnd,
  periodName,
  periodsUpTo,
  periodText,
} from "./periods.js";

const latest = (kind: "month" | "quarter" | "year", asOf: string) =>
  periodText(latestCompletePeriod(kind, asOf));

describe("periods", () => {
  it("reads the three forms and nothing else", () => {
    expect(parsePeriod("2026-09")).toEqual({ kind: "month", year: 2026, index: 9 });
    expect(parsePeriod("2026-Q3")).toEqual({ kind: "quarter", year: 2026, index: 3 });
    expect(parsePeriod("2026")).toEqual({ kind: "year", year: 2026, index: 1 });
    for (const bad of ["2026-13", "2026-Q5", "2026-9", "26", "2026-09-01", "2026Q3"])
      expect(parsePeriod(bad)).toBeNull();
  });

  it("ends months, quarters and years on their last day, leap years included", () => {
    expect(periodEnd(parsePeriod("2024-02")!)).toBe("2024-02-29");
    expect(periodEnd(parsePeriod("2026-02")!)).toBe("2026-02-28");
    expect(periodEnd(parsePeriod("2026-Q1")!)).toBe("2026-03-31");
    expect(periodEnd(parsePeriod("2026-Q3")!)).toBe("2026-09-30");
    expect(periodEnd(parsePeriod("2026")!)).toBe("2026-12-31");
  });

  it("takes the latest complete period as the last that ended before the as-of day", () => {
    // A period ending on the as-of day is not yet complete.
    expect(latest("month", "2026-11-30")).toBe("2026-10");
    expect(latest("month", "2026-12-01")).toBe("2026-11");
    expect(latest("month", "2027-01-01")).toBe("2026-12");
    expect(latest("quarter", "2026-09-30")).toBe("2026-Q2");
    expect(latest("quarter", "2026-10-01")).toBe("2026-Q3");
    expect(latest("quarter", "2027-01-01")).toBe("2026-Q4");
    expect(latest("year", "2026-12-31")).toBe("2025");
    expect(latest("year", "2027-01-01")).toBe("2026");
  });

  it("counts back across year ends", () => {
    expect(periodsUpTo(parsePeriod("2027-02")!, 4).map(periodText)).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
    ]);
    expect(periodsUpTo(parsePeriod("2027-Q1")!, 3).map(periodText)).toEqual([
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
    ]);
  });

  it("names periods in words", () => {
    expect(periodName(parsePeriod("2026-11")!)).toBe("November 2026");
    expect(periodName(parsePeriod("2026-Q3")!)).toBe("July to September 2026 (Q3)");
  });
});
