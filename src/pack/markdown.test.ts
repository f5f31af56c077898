import { describe, expect, it } from "vitest";
import { markdownTokens, renderMarkdownHtml } from "./markdown.js";

const mentions = [
  { text: "1.2.3", anchor: "el-1.2.3" },
  { text: "E001", anchor: "ev-E001" },
];

describe("renderMarkdownHtml", () => {
  it("shows raw HTML as text", () => {
    const html = renderMarkdownHtml("<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> b");
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("keeps only http, https and mailto links", () => {
    const html = renderMarkdownHtml(
      "[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) [d](/local) <javascript:x> " +
        "[e](https://e.test) [f](mailto:f@e.test) <g@e.test>",
    );
    expect(html.match(/href="([^"]*)"/g)).toEqual([
      'href="https://e.test"',
      'href="mailto:f@e.test"',
      'href="mailto:g@e.test"',
    ]);
    expect(html).toContain("[a](javascript:alert(1))");
  });

  it("makes no image (it would be a network request)", () => {
    expect(renderMarkdownHtml("![chart](https://e.test/x.png)")).not.toContain("<img");
  });

  it("does not link bare URLs", () => {
    expect(renderMarkdownHtml("see https://e.test")).not.toContain("<a");
  });

  it("links whole mentions of ids, not parts of other words, nor inside links and code", () => {
    const html = renderMarkdownHtml(
      "1.2.3, 1.2.30, v1.2.3, E0011, (E001). [E001](https://e.test) `E001` **1.2.3**",
      { mentions },
    );
    expect(html.match(/href="#[^"]*"/g)).toEqual(['href="#el-1.2.3"', 'href="#ev-E001"', 'href="#el-1.2.3"']);
    expect(html).toContain("1.2.30, v1.2.3, E0011");
  });

  it("shifts headings so they nest under their section, up to h6", () => {
    expect(renderMarkdownHtml("# A\n\n### B\n\n###### C", { headingShift: 3 })).toBe(
      "<h4>A</h4>\n<h6>B</h6>\n<h6>C</h6>\n",
    );
  });
});

describe("markdownTokens", () => {
  it("gives shifted heading tags and internal links for mentions", () => {
    const tokens = markdownTokens("## Title\n\nSee E001.", { headingShift: 2, mentions });
    expect(tokens[0]!.tag).toBe("h4");
    const link = tokens.flatMap((t) => t.children ?? []).find((t) => t.type === "link_open");
    expect(link?.attrGet("href")).toBe("#ev-E001");
  });
});

describe("language of parts and abbreviations (FORMAT.md v2)", () => {
  it("renders [text]{lang=cy} as a span and ::: {lang=cy} as a block, each with lang", () => {
    const html = renderMarkdownHtml("Say [Croeso *i chi*]{lang=cy}.\n\n::: {lang=cy}\nDiolch.\n:::\n");
    expect(html).toBe(
      '<p>Say <span lang="cy">Croeso <em>i chi</em></span>.</p>\n<div lang="cy">\n<p>Diolch.</p>\n</div>\n',
    );
  });

  it("leaves braces holding anything but lang as text", () => {
    expect(renderMarkdownHtml('[x]{lang=cy class=y} [z]{lang="no tag"}')).toBe(
      "<p>[x]{lang=cy class=y} [z]{lang=‘no tag’}</p>\n",
    );
  });

  it("marks a term's first use outside links as an abbreviation", () => {
    const html = renderMarkdownHtml("[NSS](https://a.example) then NSS and NSS.", {
      abbreviations: [{ term: "NSS", expansion: "National <Student> Survey" }],
    });
    expect(html).toBe(
      [
        '<p><a href="https://a.example">NSS</a> then',
        '<abbr title="National &lt;Student&gt; Survey">NSS</abbr> and NSS.</p>\n',
      ].join(" "),
    );
  });
});
