import { describe, expect, it } from "vitest";
import { AS_DESIGNED, fitTail, keepTogether, linesHere, TAIL_LINES, type UnitRecord } from "./keep.js";

describe("linesHere (widows and orphans)", () => {
  it("sets a paragraph whole when it fits", () => {
    expect(linesHere(5, 5, false)).toBe(5);
    expect(linesHere(5, 9.5, false)).toBe(5);
  });

  it("leaves at least two lines at the foot, else moves the paragraph", () => {
    expect(linesHere(6, 1.9, false)).toBe(0);
    expect(linesHere(6, 2, false)).toBe(2);
  });

  it("carries at least two lines to the next page", () => {
    // Five fit of six: one would be left alone at the top, so four stay.
    expect(linesHere(6, 5, false)).toBe(4);
    // Two fit of three: one would go alone, and one alone cannot stay: the paragraph moves.
    expect(linesHere(3, 2, false)).toBe(0);
  });

  it("sets at least one line on an empty page, so a paragraph taller than a page goes down", () => {
    expect(linesHere(80, 46, true)).toBe(46);
    expect(linesHere(3, 2, true)).toBe(2);
  });
});

describe("keepTogether", () => {
  it("asks for a short block whole and a long one's first lines", () => {
    expect(keepTogether(100, 30, 700)).toBe(100);
    expect(keepTogether(300, 30, 700)).toBe(30);
    expect(keepTogether(10, 30, 700)).toBe(30);
  });
});

describe("fitTail (short last pages)", () => {
  const line = 15;
  const unit = (over: Partial<UnitRecord>): UnitRecord => ({
    pages: 2,
    lastPageUsed: 2 * line,
    lines: 1200,
    gaps: 200,
    ...over,
  });

  it("leaves a unit on one page, or one whose last page holds more than a few lines", () => {
    expect(fitTail(unit({ pages: 1 }), AS_DESIGNED, line)).toEqual(AS_DESIGNED);
    expect(fitTail(unit({ lastPageUsed: (TAIL_LINES + 2) * line }), AS_DESIGNED, line)).toEqual(AS_DESIGNED);
  });

  it("sets a unit with a short tail tighter, by what the tail needs", () => {
    const fit = fitTail(unit({}), AS_DESIGNED, line);
    // Two lines and a half (37.5 pt) out of 5 % of 1200 plus half of 200 (160 pt).
    expect(fit.tight).toBeCloseTo(37.5 / 160);
    expect(fit.shorten).toBe(0);
    // Still a tail after that: tighter again, from where it was.
    expect(fitTail(unit({}), fit, line).tight).toBeCloseTo((2 * 37.5) / 160);
  });

  it("breaks the page before earlier when tightening cannot pull the tail back", () => {
    const fit = fitTail(unit({ lines: 200, gaps: 10, pages: 3 }), AS_DESIGNED, line);
    expect(fit).toEqual({ tight: 0, shorten: (TAIL_LINES + 2) * line, page: 1 });
    // and keeps that, whatever the next pass finds
    expect(fitTail(unit({}), fit, line)).toEqual(fit);
  });
});
