import { describe, expect, it } from "vitest";
import { pageWriter } from "./render-html.js";

const TOKEN = "/*cse-styles-0123456789abcdef*/";

/** What pageWriter writes for `text` given in pieces cut at `cuts`. */
function written(text: string, cuts: number[]): string {
  const out: string[] = [];
  const w = pageWriter("CSS", TOKEN, (t) => out.push(t));
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    w.add(text.slice(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  w.add(text.slice(from));
  w.end();
  return out.join("");
}

describe("pageWriter: the page in pieces", () => {
  it("writes the same text however the page is cut, with tokens across any seam", () => {
    const body = `${"x".repeat(50)}${TOKEN}${TOKEN}x${TOKEN}${"y".repeat(90)}`;
    const page = `<!DOCTYPE html><html><head><style>${TOKEN}</style></head><body>${body}</body></html>`;
    const whole = written(page, []);
    expect(whole).toContain("<style>CSS</style>");
    expect(whole).toContain("Content-Security-Policy");
    expect(whole).not.toContain(TOKEN);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      const cuts = Array.from({ length: 1 + random(8) }, () => random(page.length + 1));
      expect(written(page, cuts)).toBe(whole);
    }
    // Every single cut, and pieces of one character.
    for (let cut = 0; cut <= page.length; cut++) expect(written(page, [cut])).toBe(whole);
    expect(
      written(
        page,
        Array.from({ length: page.length }, (_, i) => i),
      ),
    ).toBe(whole);
  });
});
