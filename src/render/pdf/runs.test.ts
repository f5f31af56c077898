import { describe, expect, it } from "vitest";
import { withFallback } from "./runs.js";

describe("withFallback", () => {
  const has = (cp: number) => cp < 0x2000;

  it("moves characters the text face lacks into symbol runs, keeping link and span", () => {
    const link = { kind: "url" as const, href: "https://e.test" };
    expect(withFallback([{ text: "\u25cf Met \u2192 yes", style: "bold", link }], has)).toEqual([
      { text: "\u25cf", style: "symbol", link },
      { text: " Met ", style: "bold", link },
      { text: "\u2192", style: "symbol", link },
      { text: " yes", style: "bold", link },
    ]);
  });

  it("keeps a character beyond the Basic Multilingual Plane whole, and drops empty runs", () => {
    const runs = withFallback(
      [
        { text: "", style: "regular", link: null },
        { text: "ok \u{1F600}\u{1F600} ok", style: "italic", link: null },
        { text: "\u2192", style: "regular", link: null },
      ],
      has,
    );
    expect(runs.map((r) => [r.text, r.style])).toEqual([
      ["ok ", "italic"],
      ["\u{1F600}\u{1F600}", "symbol"],
      [" ok", "italic"],
      ["\u2192", "symbol"],
    ]);
  });

  it("leaves code and covered text alone", () => {
    const runs = [
      { text: "a \u2192 b", style: "code" as const, link: null },
      { text: "Ŵy ŷ", style: "italic" as const, link: null },
    ];
    expect(withFallback(runs, has)).toEqual(runs);
  });

  it("knows Noto Sans has Welsh letters and typographic quotes but not the badge shapes", () => {
    const runs = withFallback([{ text: "ŵ ‘’ – \u2605", style: "regular", link: null }]);
    expect(runs.map((r) => r.style)).toEqual(["regular", "symbol"]);
  });
});
