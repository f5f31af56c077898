import { describe, expect, it } from "vitest";
import { padEnd, shorten, widthOf } from "./text-width.js";

describe("terminal widths", () => {
  it("counts wide characters as two columns and combining marks as none", () => {
    expect(widthOf("Dŵr yfed")).toBe(8);
    expect(widthOf("图书馆")).toBe(6);
    expect(widthOf("🎉 ok")).toBe(5);
    expect(widthOf("e\u0301")).toBe(1);
  });

  it("shortens and pads by columns, so wide text keeps a table inside 80 columns", () => {
    const cut = shorten("图书馆客户服务卓越标准提交材料", 9);
    expect(widthOf(cut)).toBeLessThanOrEqual(9);
    expect(cut.endsWith("…")).toBe(true);
    expect(widthOf(padEnd("图书", 6))).toBe(6);
    expect(shorten("short", 10)).toBe("short");
  });
});
