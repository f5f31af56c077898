import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseCoverage } from "../../src/analyse/analyse-coverage.js";
import { renderHtmlPack } from "../../src/cli/actions/build-html.js";
import { renderPdfPack } from "../../src/cli/actions/build-pdf.js";
import type { SourceTree } from "../../src/load/source-tree.js";
import { readSubmission } from "../../src/model/read-submission.js";
import { buildDocument } from "../../src/pack/build-document.js";
import { formatGapsCsv } from "../../src/output/gaps-csv.js";
import { formatGapsJson } from "../../src/output/gaps-json.js";
import { formatGapsMarkdown } from "../../src/output/gaps-markdown.js";
import { formatGapsTable } from "../../src/output/gaps-table.js";
import type { MemoryTree } from "../helpers/memory-tree.js";
import { fuzzParameters, fuzzTimeout, SAMPLE_AS_OF, sampleTree } from "./harness.js";
import { hostileLinkArb, hostileTextArb, replaceTextField } from "./hostile-text.js";

// Property tests of issue 9's injection bullet: hostile text in any text field of a valid
// submission comes out of gaps and the pack as text. Tags, attributes and link targets of the
// HTML are checked against what the templates and the Markdown renderer may write.

/** Tags the Markdown renderer writes (raw HTML is off, so these are all it can make). */
const MARKDOWN_TAGS = [
  "p",
  "em",
  "strong",
  "code",
  "pre",
  "a",
  "ul",
  "ol",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "hr",
  "br",
];

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

/** The start tags of an HTML page, with their attributes (values unescaped enough to check). */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  // Only the style element's content is raw text; everything else is markup or escaped text.
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, "<style></style>");
  for (const m of body.matchAll(
    /<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g,
  )) {
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g))
      attrs.set(a[1]!.toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? ""));
    tags.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return tags;
}

function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** What may appear in the pack: the tags and attribute names of the unmutated sample's pack, and Markdown's. */
async function baseline(tree: SourceTree): Promise<{ tags: Set<string>; attrs: Set<string> }> {
  const html = await renderPack(tree);
  const tags = startTags(html!);
  return {
    tags: new Set([...tags.map((t) => t.name), ...MARKDOWN_TAGS]),
    attrs: new Set(tags.flatMap((t) => [...t.attrs.keys()])),
  };
}

async function renderPack(tree: SourceTree, pdf = false): Promise<string | null> {
  const checked = readSubmission(tree, { asOf: SAMPLE_AS_OF });
  if (checked.errorCount > 0) return null;
  const doc = buildDocument(checked.submission, {
    introduction: null,
    attachments: new Map(),
    build: {
      date: SAMPLE_AS_OF,
      commit: null,
      uncommitted: false,
      includeDrafts: true,
      asOf: SAMPLE_AS_OF,
      generator: "cse fuzz",
    },
  });
  if (pdf) return Buffer.from(await renderPdfPack(doc, { tree, opts: {} })).toString("latin1");
  return new TextDecoder().decode(await renderHtmlPack(doc, { tree, opts: {} }));
}

/** A case: which YAML file, which of its text fields, what to write there, and maybe a link. */
const caseArb = fc.record({
  edits: fc.array(
    fc.record({
      file: fc.nat(),
      field: fc.nat(),
      value: hostileTextArb,
      link: fc.option(hostileLinkArb, { freq: 4 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

function applyCase(
  tree: MemoryTree,
  c: { edits: { file: number; field: number; value: string; link: string | null }[] },
): MemoryTree {
  const yamlFiles = [...tree.files.keys()].filter((f) => /\.ya?ml$/.test(f)).sort();
  const changes: Record<string, string> = {};
  for (const e of c.edits) {
    const file = e.file % 4 === 0 ? "cse.yaml" : yamlFiles[e.file % yamlFiles.length]!;
    const text = changes[file] ?? new TextDecoder().decode(tree.files.get(file));
    changes[file] = replaceTextField(text, e.field, e.value, e.link);
  }
  return tree.with(changes);
}

describe("hostile text in a valid submission comes out as text", () => {
  it(
    "in gaps: CSV cells never start a formula, and every format is produced",
    () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          const tree = applyCase(sampleTree(), c);
          const checked = readSubmission(tree, { asOf: SAMPLE_AS_OF });
          fc.pre(checked.errorCount === 0);
          const report = analyseCoverage(checked.submission, { asOf: SAMPLE_AS_OF });
          for (const row of parseCsv(formatGapsCsv(report, { color: false })).slice(1)) {
            for (const cell of row)
              expect(cell, `CSV cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
          }
          expect(JSON.parse(formatGapsJson(report, { color: false })).elements.length).toBe(
            checked.submission.elements.length,
          );
          formatGapsTable(report, { color: true });
          formatGapsMarkdown(report, { color: false });
        }),
        fuzzParameters(60),
      );
    },
    fuzzTimeout(60),
  );

  it(
    "in the HTML pack: no tag, attribute or link target the templates and Markdown do not write",
    async () => {
      const allowed = await baseline(sampleTree());
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          const html = await renderPack(applyCase(sampleTree(), c));
          fc.pre(html !== null);
          for (const tag of startTags(html)) {
            expect(allowed.tags.has(tag.name), `tag <${tag.name}>`).toBe(true);
            for (const [name, value] of tag.attrs) {
              expect(
                allowed.attrs.has(name) && !name.startsWith("on"),
                `attribute ${name} on <${tag.name}>`,
              ).toBe(true);
              if (name === "href" || name === "src" || name === "action" || name === "xlink:href")
                expect(value, `${name} on <${tag.name}>`).toMatch(/^(#|https?:\/\/|mailto:)/i);
            }
          }
          expect(html).not.toMatch(/<x-inj|<script|javascript:alert\(\d+\)"/i);
        }),
        fuzzParameters(20),
      );
    },
    fuzzTimeout(20) * 3,
  );

  it(
    "in the PDF pack: no script, launch or form action, and links only to the web",
    async () => {
      const base = (await renderPack(sampleTree(), true))!;
      const ACTIONS = [
        "/JavaScript",
        "/JS",
        "/Launch",
        "/SubmitForm",
        "/ImportData",
        "/GoToR",
        "/GoToE",
        "/RichMedia",
        "/OpenAction",
        "/AA",
      ];
      // Names are looked for in the PDF's own syntax: not inside strings (a title may say
      // "/JS (app.alert(1))" as text) nor in compressed streams (whose bytes are anything).
      const syntax = (pdf: string) =>
        pdf.replace(/stream\r?\n[\s\S]*?endstream/g, "").replace(/\((?:\\[\s\S]|[^\\()])*\)/g, "()");
      const present = (pdf: string) =>
        ACTIONS.filter((a) => new RegExp(`${a.replace("/", "\\/")}[\\s/<(\\[]`).test(syntax(pdf)));
      // The detector itself: it finds an action, and not a title that merely mentions one.
      expect(present("1 0 obj << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj")).toEqual([
        "/JavaScript",
        "/JS",
      ]);
      expect(present("<< /Title (/JS \\(app.alert\\(1\\)\\)) >>")).toEqual([]);
      const allowedActions = present(base);
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          const pdf = await renderPack(applyCase(sampleTree(), c), true);
          fc.pre(pdf !== null);
          expect(present(pdf)).toEqual(allowedActions);
          for (const m of pdf.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g))
            expect(pdfString(m[1]!)).toMatch(/^(https?:\/\/|mailto:)/i);
        }),
        fuzzParameters(4),
      );
    },
    fuzzTimeout(4) * 20,
  );
});

/** A PDF literal string's text: escapes undone, UTF-16BE (with its byte-order mark) decoded. */
function pdfString(raw: string): string {
  const bytes = raw.replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) =>
    /^[0-7]/.test(e)
      ? String.fromCharCode(parseInt(e, 8))
      : (({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" } as Record<string, string>)[e] ?? e),
  );
  if (!bytes.startsWith("\u00fe\u00ff")) return bytes;
  return new TextDecoder("utf-16be").decode(Uint8Array.from(bytes.slice(2), (c) => c.charCodeAt(0)));
}

/** RFC 4180 CSV into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
