import { describe, expect, it } from "vitest";
import type { PackDocument } from "../../pack/document-model.js";
import { standInPage } from "./render-pdf.js";

/** A pack with `ids` ids that can be cited, and, as a volume, `here` of its anchors in it. */
function pack(ids: number, volume?: { here: number; elsewhere: number }): PackDocument {
  const mentions = Array.from({ length: ids }, (_, i) => ({ id: `E${i}`, anchor: `ev-${i}` }));
  const anchors: Record<string, number> = {};
  if (volume) {
    for (let i = 0; i < volume.here; i++) anchors[`here-${i}`] = 3;
    for (let i = 0; i < volume.elsewhere; i++) anchors[`other-${i}`] = 1 + (i % 2) * 3;
  }
  return {
    mentions,
    ...(volume ? { volume: { number: 3, volumes: [], anchors } } : {}),
  } as unknown as PackDocument;
}

describe("the stand-in a dry pass sets for a page number", () => {
  it("has three digits at least", () => {
    expect(standInPage(pack(0))).toBe("000");
    expect(standInPage(pack(120))).toBe("000");
  });

  it("has as many as the pages are likely to need, with about 0.9 pages an id at least", () => {
    expect(standInPage(pack(1_111))).toBe("000"); // 999 pages at least: still three
    expect(standInPage(pack(1_112))).toBe("0000");
    expect(standInPage(pack(3_400))).toBe("0000");
    expect(standInPage(pack(33_000))).toBe("00000");
  });

  it("counts, in a volume, only the anchors it holds", () => {
    expect(standInPage(pack(40_000, { here: 2_000, elsewhere: 30_000 }))).toBe("0000");
    expect(standInPage(pack(40_000, { here: 500, elsewhere: 30_000 }))).toBe("000");
  });
});
