import { describe, expect, it } from "vitest";
import { breakLines, type Line } from "./line-breaker.js";
import type { Run } from "./runs.js";

// Every character is one unit wide, so widths are easy to read.
const measure = (text: string) => [...text].length;
const plain = (text: string): Run => ({ text, style: "regular", link: null });
const texts = (lines: Line[]) => lines.map((l) => l.fragments.map((f) => f.text).join(""));

describe("breakLines", () => {
  it("fills lines greedily and breaks at spaces, which never start or end a line", () => {
    const lines = breakLines([plain("the quick brown fox jumps  over the lazy dog")], 15, measure);
    expect(texts(lines)).toEqual(["the quick brown", "fox jumps over", "the lazy dog"]);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(15);
  });

  it("breaks after a slash or a hyphen inside a long word", () => {
    expect(
      texts(breakLines([plain("see https://example.org/library/opening-hours now")], 24, measure)),
    ).toEqual(["see https://example.org/", "library/opening-hours", "now"]);
  });

  it("follows the Unicode line-breaking rules inside a word: no break in a range of numbers", () => {
    expect(texts(breakLines([plain("see pages 12-15")], 13, measure))).toEqual(["see pages", "12-15"]);
    expect(texts(breakLines([plain("a self-assessment")], 10, measure))).toEqual(["a self-", "assessment"]);
  });

  it("splits a word wider than the line into chunks of about equal width", () => {
    const hash = "0123456789abcdef".repeat(4);
    const lines = breakLines([{ text: hash, style: "code", link: null }], 40, measure);
    expect(texts(lines)).toEqual([hash.slice(0, 32), hash.slice(32)]);
  });

  it("keeps runs of different styles and links on one line as separate fragments", () => {
    const link = { kind: "dest" as const, anchor: "el-1.1.1" };
    const lines = breakLines(
      [
        plain("Element "),
        { text: "1.1.1", style: "regular", link },
        { text: ": text", style: "bold", link: null },
      ],
      80,
      measure,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fragments.map((f) => [f.text, f.x, f.link?.kind ?? null])).toEqual([
      ["Element ", 0, null],
      ["1.1.1", 8, "dest"],
      [": text", 13, null],
    ]);
  });

  it("does not break between runs that touch without a space", () => {
    const lines = breakLines(
      [plain("aaaa "), { text: "bold", style: "bold", link: null }, plain(", then")],
      9,
      measure,
    );
    expect(texts(lines)).toEqual(["aaaa", "bold,", "then"]);
  });

  it("breaks at a forced line break, and gives one empty line for no text", () => {
    expect(texts(breakLines([plain("one\ntwo")], 80, measure))).toEqual(["one", "two"]);
    expect(texts(breakLines([], 80, measure))).toEqual([""]);
  });

  it("breaks lines by a page number's stand-in and sets the number itself, whole", () => {
    const cite = (shown: string): Run[] => [
      plain("see the survey, p.\u00a0"),
      { text: "0000", shown, style: "regular", link: null },
      plain(" and the notes"),
    ];
    const standIn = breakLines(cite("0000"), 26, measure);
    const real = breakLines(cite("7"), 26, measure);
    // "see the survey, p. 7 and" would fit in 26, but the lines break where the stand-in's did.
    expect(texts(standIn)).toEqual(["see the survey, p.\u00a00000", "and the notes"]);
    expect(texts(real)).toEqual(["see the survey, p.\u00a07", "and the notes"]);
    expect(real[0]!.width).toBe(20);
    // A column too narrow for the number's word breaks around it, never inside it.
    const narrow = breakLines(
      [plain("p.\u00a0"), { text: "0000", shown: "12", style: "regular", link: null }],
      4,
      measure,
    );
    expect(texts(narrow)).toEqual(["p.\u00a0", "12"]);
  });
});
