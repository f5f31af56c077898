import { describe, expect, it } from "vitest";
import { isStale, oldestCurrentDate, staleReason, visitDayOf } from "./staleness.js";

const item = (date: string, expires: string | null = null) => ({ date, expires });

describe("staleness on the visit day", () => {
  it("follows FORMAT.md's example: visit 2015-03-10, 36 months", () => {
    expect(oldestCurrentDate("2015-03-10", 36)).toBe("2012-03-10");
    expect(isStale(item("2012-03-10"), "2015-03-10", 36)).toBe(false);
    expect(isStale(item("2012-03-09"), "2015-03-10", 36)).toBe(true);
    expect(staleReason(item("2012-03-09"), "2015-03-10", 36)).toBe("too-old");
  });

  it("clamps to the month's last day", () => {
    expect(oldestCurrentDate("2015-03-31", 1)).toBe("2015-02-28");
    expect(isStale(item("2015-02-28"), "2015-03-31", 1)).toBe(false);
    expect(isStale(item("2015-02-27"), "2015-03-31", 1)).toBe(true);
    expect(oldestCurrentDate("2015-05-31", 1)).toBe("2015-04-30");
  });

  it("knows leap years", () => {
    expect(oldestCurrentDate("2016-03-31", 1)).toBe("2016-02-29");
    expect(isStale(item("2016-02-29"), "2016-03-31", 1)).toBe(false);
    expect(isStale(item("2016-02-28"), "2016-03-31", 1)).toBe(true);
    expect(oldestCurrentDate("2016-02-29", 12)).toBe("2015-02-28");
    expect(oldestCurrentDate("2016-02-29", 48)).toBe("2012-02-29");
    expect(oldestCurrentDate("2000-03-31", 1)).toBe("2000-02-29");
    expect(oldestCurrentDate("2100-03-31", 1)).toBe("2100-02-28");
  });

  it("crosses year ends", () => {
    expect(oldestCurrentDate("2015-01-15", 1)).toBe("2014-12-15");
    expect(oldestCurrentDate("2015-01-31", 13)).toBe("2013-12-31");
  });

  it("counts an item expiring on the visit day as current, and the day before as stale", () => {
    expect(isStale(item("2014-06-01", "2015-03-10"), "2015-03-10", 36)).toBe(false);
    expect(staleReason(item("2014-06-01", "2015-03-09"), "2015-03-10", 36)).toBe("expired");
  });

  it("judges on the as-of date when it is later than the visit", () => {
    expect(visitDayOf("2015-03-10", "2015-02-01")).toBe("2015-03-10");
    expect(visitDayOf("2015-03-10", "2015-03-10")).toBe("2015-03-10");
    expect(visitDayOf("2015-03-10", "2015-06-01")).toBe("2015-06-01");
    expect(visitDayOf(null, "2015-06-01")).toBe("2015-06-01");
    const day = visitDayOf("2015-03-10", "2015-06-01");
    // Current on the visit, stale by the later as-of date.
    expect(isStale(item("2012-03-10"), "2015-03-10", 36)).toBe(false);
    expect(isStale(item("2012-03-10"), day, 36)).toBe(true);
    expect(isStale(item("2014-06-01", "2015-03-10"), day, 36)).toBe(true);
  });
});
