import { describe, expect, it } from "vitest";
import { padEnd, shorten, widthOf } from "./text-width.js";

describe("terminal widths", () => {
  it("counts wide characters as two columns and combining marks as none", () => {
    expect(widthOf("Dŵr yfed")).toBe(8);
    expect(widthOf("图书馆")).toBe(6);
    expect(widthOf("🎉 ok")).toBe(5);
    expect(widthOf("e\u0301")).toBe(1);
  });

  it("counts every emoji a terminal draws wide as two columns, a joined family as one emoji", () => {
    for (const emoji of ["🚀", "✅", "☕", "🎉"]) expect(widthOf(emoji), emoji).toBe(2);
    expect(widthOf("👨‍👩‍👧‍👦")).toBe(2);
    expect(widthOf("🇬🇧")).toBe(2);
  });

  it("never cuts a joined emoji or a letter from its accent", () => {
    const family = "👨‍👩‍👧‍👦";
    const cut = shorten(`${family}${family}${family} end`, 5);
    expect(cut).toBe(`${family}${family}…`);
    expect(shorten("e\u0301e\u0301e\u0301e\u0301", 3)).toBe("e\u0301e\u0301…");
  });

  it("shortens and pads by columns, so wide text keeps a table inside 80 columns", () => {
    const cut = shorten("图书馆客户服务卓越标准提交材料", 9);
    expect(widthOf(cut)).toBeLessThanOrEqual(9);
    expect(cut.endsWith("…")).toBe(true);
    expect(widthOf(padEnd("图书", 6))).toBe(6);
    expect(shorten("short", 10)).toBe("short");
  });
});
