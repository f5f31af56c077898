import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  activeElementScanner,
  CONTENT_SECURITY_POLICY,
  findActiveElement,
  withContentSecurityPolicy,
} from "./page-safety.js";

const META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;

describe("withContentSecurityPolicy", () => {
  it("puts the policy first in a plainly written head", () => {
    const page = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">';
    expect(withContentSecurityPolicy(page)).toBe(
      `<!DOCTYPE html>\n<html lang="en">\n<head>\n${META}\n<meta charset="utf-8">`,
    );
  });

  it.each([
    [`<html data-x="><head>"><head><script>x()</script>`],
    [`<html data-x='><head>'><head><script>x()</script>`],
    [`<!doctype html><html data-x=<head>><head><title>t</title>`],
    [`<!-- <head> --><html><head>`],
    [`<script>x()</script><html><head>`],
  ])("puts it before everything when the start is not plain: %s", (page) => {
    const out = withContentSecurityPolicy(page);
    expect(out.startsWith(`<!DOCTYPE html>\n${META}\n`)).toBe(true);
    expect(out.indexOf(META)).toBeLessThan(out.indexOf("<html"));
  });
});

describe("findActiveElement", () => {
  it("accepts the built-in head's metas and ordinary markup", () => {
    const page =
      '<meta charset="utf-8"><meta name="viewport" content="width=device-width"><p><a href="#x">x</a></p>';
    expect(findActiveElement(page)).toBeNull();
    expect(findActiveElement("&lt;iframe src=x&gt; <metadata> <linked>")).toBeNull();
  });

  it.each([
    ['<meta http-equiv="refresh" content="0;url=https://e.test/">', "meta http-equiv"],
    ['<META content=">" HTTP-EQUIV="refresh">', "meta http-equiv"],
    ["<meta\nhttp-equiv=refresh content=0>", "meta http-equiv"],
    ['<iframe src="https://e.test/">', "iframe"],
    ["<IFRAME/src=https://e.test/>", "iframe"],
    ['<frameset><frame src="x">', "frameset"],
    ['<object data="x">', "object"],
    ['<embed src="x">', "embed"],
    ['<base href="https://e.test/">', "base"],
    ['<link rel="dns-prefetch" href="//e.test">', "link"],
    ["<script>x()</script>", "script"],
    ['<portal src="x">', "portal"],
  ])("refuses %s", (markup, element) => {
    expect(findActiveElement(`<p>before</p>${markup}`)).toBe(element);
  });
});

describe("activeElementScanner: the page in pieces", () => {
  const scanInPieces = (html: string, cuts: number[]): string | null => {
    const scanner = activeElementScanner();
    let from = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      const found = scanner.push(html.slice(from, Math.max(from, cut)));
      if (found !== null) return found;
      from = Math.max(from, cut);
    }
    return scanner.push(html.slice(from)) ?? scanner.end();
  };

  it("gives findActiveElement's answer however the page is cut", () => {
    const pieces = [
      "<p>text</p>",
      '<meta charset="utf-8">',
      '<meta name="x" content="y">',
      '<meta http-equiv="refresh" content="0">',
      "<script>",
      "<linkage>",
      "<iframe src=x>",
      "x".repeat(5000),
      "<base href=/>",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (parts, cuts) => {
          const html = parts.join("");
          expect(
            scanInPieces(
              html,
              cuts.map((c) => c % (html.length + 1)),
            ),
          ).toBe(findActiveElement(html));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds an element cut in two, and a refresh meta whose attributes come in the next piece", () => {
    expect(scanInPieces("<p>a</p><scr" + "ipt>", [11])).toBe("script");
    const meta = '<meta name="a" http-equiv="refresh" content="0">';
    expect(scanInPieces(meta, [6, 20])).toBe("meta http-equiv");
    expect(scanInPieces('<meta charset="utf-8">' + "x".repeat(9000), [8, 5000])).toBeNull();
  });
});
