import { describe, expect, it } from "vitest";
import { isCalendarDate, subtractMonths, today } from "./dates.js";

describe("dates", () => {
  it("knows which dates exist", () => {
    expect(isCalendarDate("2014-02-28")).toBe(true);
    expect(isCalendarDate("2014-02-29")).toBe(false);
    expect(isCalendarDate("2016-02-29")).toBe(true);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("2014-13-01")).toBe(false);
    expect(isCalendarDate("2014-1-01")).toBe(false);
    expect(isCalendarDate("2014-04-31")).toBe(false);
  });

  it("subtracts calendar months, clamping to the month's end (FORMAT.md's examples)", () => {
    expect(subtractMonths("2015-03-10", 36)).toBe("2012-03-10");
    expect(subtractMonths("2015-03-31", 1)).toBe("2015-02-28");
    expect(subtractMonths("2016-03-31", 1)).toBe("2016-02-29");
    expect(subtractMonths("2015-01-15", 1)).toBe("2014-12-15");
    expect(subtractMonths("2015-05-31", 12)).toBe("2014-05-31");
  });

  it("gives today's local date", () => {
    expect(today(new Date(2026, 10, 28, 23, 59))).toBe("2026-11-28");
  });
});
