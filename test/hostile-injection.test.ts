import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isWebUrl } from "../src/model/checks/check-files-and-links.js";
import { renderMarkdownHtml } from "../src/pack/markdown.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

// Issue 9, injection: links, Markdown and templates. (Hostile text in every field, through gaps,
// the HTML and the PDF, is fuzzed in test/fuzz/pack.fuzz.test.ts; the pack in a browser is
// checked in test/build-html-browser.test.ts.)

const EPOCH = { SOURCE_DATE_EPOCH: "1800000000" };
const EVIDENCE = (links: string[]) =>
  `id: E050\ntitle: Links\ndescription: x\ntype: report\ndate: 2014-01-01\nelements: ["1.1.1"]\nlinks:\n${links.map((l) => `  - ${JSON.stringify(l)}`).join("\n")}\n`;

describe("links in `links`", () => {
  const BAD = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://e.test/%0Aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//e.test/protocol-relative",
    "/relative/path",
    "mailto:someone@e.test",
    "http:/e.test",
    "https://",
    "e.test",
  ];

  it.each(BAD)("%j is bad-link", (link) => {
    expect(isWebUrl(link)).toBe(false);
  });

  it("every one of them is reported at its place by cse validate, and http(s) ones are not", async () => {
    const dir = testdir({
      ...minimalSubmission(),
      "evidence/E050.yaml": EVIDENCE(["https://e.test/ok", ...BAD, "http://e.test/?q=<script>"]),
    });
    const r = await runCse(["validate", "--as-of", "2015-01-10", "--format", "json"], { cwd: dir });
    const diagnostics = JSON.parse(r.stdout).diagnostics as { line: number; code: string }[];
    expect(diagnostics.map((d) => d.code)).toEqual(BAD.map(() => "bad-link"));
    expect(diagnostics.map((d) => d.line)).toEqual(BAD.map((_, i) => 9 + i));
  });
});

describe("links in Markdown", () => {
  it.each([
    ["[x](javascript:alert(1))", "javascript:"],
    ["[x](JAVASCRIPT:alert(1))", "JAVASCRIPT:"],
    ["[x](data:text/html;base64,PHNjcmlwdD4=)", "data:"],
    ["[x](vbscript:msgbox)", "vbscript:"],
    ["<javascript:alert(1)>", "javascript:"],
    ['<a href="javascript:alert(1)">x</a>', "javascript:"],
    ["[x][r]\n\n[r]: javascript:alert(1)", "javascript:"],
    ["[x](&#106;avascript:alert(1))", "avascript:"],
    ["![x](https://e.test/pixel.png)", "pixel.png"],
  ])("%j stays inert text", (source, scheme) => {
    const html = renderMarkdownHtml(source);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
    expect(html).not.toMatch(/<(img|script|iframe)\b/);
    if (scheme !== "pixel.png") expect(html).not.toMatch(new RegExp(`href="[^"]*${scheme}`, "i"));
  });
});

describe("template overrides", () => {
  it("cannot take out the pack's Content-Security-Policy, which comes first in the head", async () => {
    const r = await buildWith({
      "layout.hbs": "<!DOCTYPE html><html><head><title>x</title></head><body>{{> footer}}</body></html>",
    });
    expect(r.code).toBe(0);
    expect(r.html).toMatch(
      /^<!DOCTYPE html><html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*">/,
    );
  });

  async function buildWith(
    templates: Record<string, string>,
  ): Promise<{ code: number; stderr: string; html: string }> {
    const dir = testdir({
      ...minimalSubmission(),
      ...Object.fromEntries(Object.entries(templates).map(([k, v]) => [`templates/${k}`, v])),
    });
    const r = await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH });
    const file = path.join(dir, "out/submission.html");
    return { code: r.code, stderr: r.stderr, html: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "" };
  }

  it("cannot put a refused element together from a section and the sections in it", async () => {
    // Sections are rendered one by one and the page is written as it is put together (issue 22):
    // "<scr" closes a section holding others, "ipt>" opens each of those.
    const r = await buildWith({
      "section.hbs": "{{#if children}}<p><scr{{#each children}}{{> section}}{{/each}}{{else}}ipt>{{/if}}",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("<script>");
    expect(r.html).toBe("");
  });

  it("cannot reach constructors or prototypes", async () => {
    const r = await buildWith({
      "footer.hbs":
        '<footer><p>[{{constructor.constructor}}][{{this.constructor.name}}][{{__proto__}}][{{lookup this "__proto__"}}][{{lookup (lookup this "constructor") "name"}}][{{#with this.__proto__}}in{{/with}}][{{organisation.constructor.name}}]</p></footer>',
    });
    expect(r.code).toBe(0);
    expect(r.html).toContain("<footer><p>[][][][][][][]</p></footer>");
  });

  it("the classic Handlebars code-execution payload runs nothing", async () => {
    const marker = path.join(os.tmpdir(), `cse-pwned-${process.pid}`);
    const payload = `{{#with "s" as |string|}}
  {{#with "e"}}
    {{#with split as |conslist|}}
      {{this.pop}}
      {{this.push (lookup string.sub "constructor")}}
      {{this.pop}}
      {{#with string.split as |codelist|}}
        {{this.pop}}
        {{this.push "return require('fs').writeFileSync('${marker}', 'pwned');"}}
        {{this.pop}}
        {{#each conslist}}
          {{#with (string.sub.apply 0 codelist)}}
            {{this}}
          {{/with}}
        {{/each}}
      {{/with}}
    {{/with}}
  {{/with}}
{{/with}}`;
    const r = await buildWith({ "footer.hbs": payload });
    expect(r.code).toBeLessThan(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it("cannot read a partial from outside templates/", async () => {
    const outside = testdir({ "secret.hbs": "SECRET-PARTIAL-91b" });
    const r = await buildWith({
      "footer.hbs": `<footer>{{> ${path.join(outside, "secret")}}}{{> ../../secret}}</footer>`,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/templates/);
    expect(r.stderr + r.html).not.toContain("SECRET-PARTIAL-91b");
  });

  it("a template that is a link to outside, or a templates/ folder that is, is not used", async () => {
    const outside = testdir({ "footer.hbs": "<footer>SECRET-TEMPLATE-3c1</footer>" });
    const fileLink = testdir(minimalSubmission());
    fs.mkdirSync(path.join(fileLink, "templates"));
    fs.symlinkSync(path.join(outside, "footer.hbs"), path.join(fileLink, "templates/footer.hbs"));
    const folderLink = testdir(minimalSubmission());
    fs.symlinkSync(outside, path.join(folderLink, "templates"));
    for (const dir of [fileLink, folderLink]) {
      const r = await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH });
      expect(r.code).toBeLessThan(2);
      const html = fs.existsSync(path.join(dir, "out/submission.html"))
        ? fs.readFileSync(path.join(dir, "out/submission.html"), "utf8")
        : "";
      expect(r.stdout + r.stderr + html).not.toContain("SECRET-TEMPLATE-3c1");
    }
  });

  it("styles.css cannot close its style element to start a script", async () => {
    const r = await buildWith({ "styles.css": "body{}</style><script>alert(1)</script><style>" });
    expect(r.code).toBe(0);
    // The script's text stays inside the one style element: it ends only at the template's </style>.
    const closes = [...r.html.matchAll(/<\/style/gi)].map((m) => m.index);
    expect(closes).toHaveLength(1);
    expect(r.html.indexOf("<script>")).toBeLessThan(closes[0]!);
    expect(r.html.indexOf("<script>")).toBeGreaterThan(r.html.indexOf("<style>"));
  });
});
