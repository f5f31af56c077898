import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markdownTokens, renderMarkdownHtml } from "./markdown.js";
import { setDashes } from "./markdown-typography.js";
import { firstSentence } from "./plain-text.js";

const html = (s: string) => renderMarkdownHtml(s).trim();

describe("typographic quotes and dashes", () => {
  it("sets quotations in British quotes: single outside, double inside, and curly apostrophes", () => {
    expect(html(`She said "we'll call you" and 'that was "today"'.`)).toBe(
      "<p>She said ‘we’ll call you’ and “that was ‘today’”.</p>",
    );
  });

  it("sets en dashes in year ranges but not in a year and month or a date", () => {
    expect(setDashes("the plan 2025-2028 for 2025-26")).toBe("the plan 2025\u20132028 for 2025\u201326");
    expect(setDashes("from 2026-07, due 2025-12-01, 2028-2025")).toBe(
      "from 2026-07, due 2025-12-01, 2028-2025",
    );
  });

  it("sets an en dash for a spaced hyphen and an em dash for three hyphens", () => {
    expect(setDashes("now - not later -- or never --- ever")).toBe(
      "now \u2013 not later \u2013 or never \u2014 ever",
    );
    expect(setDashes("a well-known, check-in")).toBe("a well-known, check-in");
  });

  it("leaves code spans, code blocks, links and addresses as written", () => {
    expect(html('`"2025-26" -- x` and [a "2025-26" link](https://e.test/2025-26)')).toBe(
      '<p><code>&quot;2025-26&quot; -- x</code> and <a href="https://e.test/2025-26">a ‘2025-26’ link</a></p>',
    );
    expect(html('```\nsay "hi" - 2025-26\n```')).toContain("say &quot;hi&quot; - 2025-26");
    expect(setDashes("see https://e.test/2025-26 or www.e.test/a--b")).toBe(
      "see https://e.test/2025-26 or www.e.test/a--b",
    );
  });

  it("sets the dashes that setting them word by word, every word, would set", () => {
    // The first way dashes were set (every word split out and tried), kept as the reference.
    const wordByWord = (text: string) =>
      text
        .split(/(\s+)/)
        .map((word) =>
          /:\/\/|^www\.|@|\//.test(word)
            ? word
            : word
                .replace(
                  /(?<![\p{L}\p{N}-])((?:19|20)\d\d)-(\d\d(?:\d\d)?)(?![\p{L}\p{N}]|-\d)/gu,
                  (m, from: string, to: string) =>
                    (to.length === 4 ? Number(to) > Number(from) : Number(to) > Number(from) % 100)
                      ? `${from}\u2013${to}`
                      : m,
                )
                .replace(/^---$/, "\u2014")
                .replace(/^--?$/, "\u2013")
                .replace(/(?<=[\p{L}\p{N}])---(?=[\p{L}\p{N}])/gu, "\u2014"),
        )
        .join("");
    const pieces = fc.constantFrom(
      "-",
      "--",
      "---",
      " ",
      "\u00a0",
      "\n",
      "2025",
      "26",
      "2028",
      "19",
      "a",
      "é",
      "/",
      "@",
      "://",
      "www.",
      ".",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => {
        const text = parts.join("");
        expect(setDashes(text)).toBe(wordByWord(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps (c) and (tm) as written", () => {
    expect(html("options (a), (b) or (c)")).toBe("<p>options (a), (b) or (c)</p>");
  });

  it("gives the PDF and Word renderers the same text", () => {
    const inline = markdownTokens('"Plan" 2025-26').find((t) => t.type === "inline")!;
    expect(inline.children!.map((c) => c.content).join("")).toBe("‘Plan’ 2025\u201326");
  });
});

describe("first sentences after the typographer", () => {
  it("ends a sentence before one opening with a quotation", () => {
    expect(firstSentence('We asked. "Why?" they said.')).toBe("We asked.");
  });
});
