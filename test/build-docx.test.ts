import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { obfuscate } from "../src/render/docx/docx-fonts.js";
import { buildDocxFixture, DOCX_EPOCH } from "./helpers/docx-fixture.js";
import { runCse } from "./helpers/run-cli.js";
import { readZip, textParts, type ZipEntryRead } from "./helpers/zip-read.js";

let dir: string;
let bytes: Buffer;
let entries: ZipEntryRead[];
let parts: Map<string, string>;
let document: string;

// Built once for every test (a build takes a second or two); the folder outlives single tests.
beforeAll(async () => {
  dir = await buildDocxFixture();
  bytes = fs.readFileSync(path.join(dir, "out/submission.docx"));
  entries = await readZip(bytes);
  parts = textParts(entries);
  document = parts.get("word/document.xml")!;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => m[1]!);

describe("cse build --format docx", () => {
  it("uses Word's built-in heading styles, so the navigation pane and the contents work", () => {
    const styles = parts.get("word/styles.xml")!;
    for (const n of [1, 2, 3, 4])
      expect(styles).toContain(`w:styleId="Heading${n}"><w:name w:val="Heading ${n}"/>`);
    const used = new Set(all(/<w:pStyle w:val="(Heading\d)"\/>/g, document));
    expect([...used].sort()).toEqual(expect.arrayContaining(["Heading1", "Heading2", "Heading3"]));
  });

  it("bookmarks every section and links every mention and reference to a bookmark that exists", () => {
    const bookmarks = new Set(all(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g, document));
    for (const anchor of [
      "el-1.1.1",
      "el-1.1.2",
      "el-1.2.1",
      "el-2.1.1",
      "el-2.1.2",
      "ev-E001",
      "ev-E002",
      "cs-CS01",
    ])
      expect(bookmarks).toContain(anchor);
    const targets = all(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g, document);
    expect(targets.length).toBeGreaterThan(10);
    for (const t of targets) expect(bookmarks).toContain(t);
    // The Markdown's own mentions: E002 and 1.2.1 inside E001's description.
    expect(targets).toContain("ev-E002");
    expect(targets).toContain("el-1.2.1");
  });

  it("makes web links clickable through external relationships", () => {
    const rels = parts.get("word/_rels/document.xml.rels")!;
    const id =
      /Id="([^"]+)" Type="[^"]+\/hyperlink" Target="https:\/\/example.org\/survey" TargetMode="External"/.exec(
        rels,
      )?.[1];
    expect(id).toBeDefined();
    expect(document).toContain(`<w:hyperlink w:history="1" r:id="${id}">`);
  });

  it("has a table of contents field that Word and LibreOffice update", () => {
    expect(document).toMatch(/<w:docPartGallery w:val="Table of Contents"\/>/);
    expect(document).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(parts.get("word/settings.xml")).toContain("<w:updateFields");
  });

  it("repeats each table's header row and keeps short rows on one page", () => {
    const tables = document.split("<w:tbl>").slice(1);
    expect(tables.length).toBeGreaterThan(2);
    for (const t of tables) {
      const firstRow = t.slice(0, t.indexOf("</w:tr>"));
      expect(firstRow).toContain("<w:tblHeader/>");
    }
    expect(document).toContain("<w:cantSplit/>");
  });

  it("writes lists, emphasis and numbered lists from the Markdown", () => {
    expect(parts.get("word/numbering.xml")).toMatch(/w:numFmt w:val="decimal"/);
    expect(parts.get("word/numbering.xml")).toMatch(/w:numFmt w:val="bullet"/);
    expect(document).toMatch(
      /<w:i\/>(?:<w:iCs\/>)?(?:<w:lang[^>]*>)?<\/w:rPr><w:t xml:space="preserve">in short<\/w:t>/,
    );
    expect(document).toContain(">First point</w:t>");
  });

  it("puts the chart in as a picture (SVG with a PNG) described by its alternative text", () => {
    const media = entries.map((e) => e.name).filter((n) => n.startsWith("word/media/"));
    expect(media.some((n) => n.endsWith(".png"))).toBe(true);
    expect(media.some((n) => n.endsWith(".svg"))).toBe(true);
    const png = entries.find((e) => e.name.endsWith(".png"))!.bytes;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const descr = /<wp:docPr [^>]*descr="([^"]+)"/.exec(document)?.[1];
    expect(descr).toMatch(/criterion/i);
  });

  it("declares the title, the organisation as author, and the language", () => {
    const core = parts.get("docProps/core.xml")!;
    expect(core).toContain("<dc:title>Pecyn prawf</dc:title>");
    expect(core).toContain("<dc:creator>Test Service</dc:creator>");
    expect(core).toContain("<dc:language>cy</dc:language>");
    expect(core).toMatch(/<dcterms:created [^>]*>2015-01-11T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified [^>]*>2015-01-11T00:00:00Z<\/dcterms:modified>/);
    expect(parts.get("word/styles.xml")).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="cy"\/>/);
  });

  it("marks a passage in another language (a Pandoc span) with w:lang on its runs", () => {
    const run = /<w:r>((?:(?!<\/w:r>).)*?)<w:t[^>]*>Read in English too<\/w:t>/.exec(document);
    expect(run?.[1]).toMatch(/<w:lang w:val="en-GB"\/>/);
    // The text around it keeps the pack's own language, declared once in the default style.
    expect(parts.get("word/styles.xml")).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="cy"\/>/);
  });

  it("has the organisation and title in the header and page X of Y in the footer", () => {
    const headers = [...parts].filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => x);
    expect(headers.some((h) => h.includes("Test Service") && h.includes("Pecyn prawf"))).toBe(true);
    const footers = [...parts].filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, x]) => x);
    const footer = footers.find((f) => f.includes("PAGE"));
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it("embeds the PDF's fonts, obfuscated as Word does, with a common fallback named", () => {
    const table = parts.get("word/fontTable.xml")!;
    expect(table).toMatch(
      /<w:font w:name="Noto Sans"><w:altName w:val="Arial"\/>.*<w:embedRegular .*<w:embedBold .*<w:embedItalic .*<w:embedBoldItalic /,
    );
    const rels = parts.get("word/_rels/fontTable.xml.rels")!;
    const id = /<w:font w:name="Noto Sans">.*?<w:embedRegular r:id="([^"]+)" w:fontKey="\{([^}]+)\}"/.exec(
      table,
    )!;
    const target = new RegExp(`Id="${id[1]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    const odttf = entries.find((e) => e.name === `word/${target}`)!.bytes;
    const original = fs.readFileSync(path.join(import.meta.dirname, "../fonts/NotoSans-Regular.ttf"));
    expect(obfuscate(odttf, id[2]!).equals(original)).toBe(true);
    expect(odttf.subarray(0, 32).equals(original.subarray(0, 32))).toBe(false);
    expect(parts.get("word/settings.xml")).toContain("<w:embedTrueTypeFonts/>");
  });

  it("is a sound package: every part has a content type and every relationship's target exists", () => {
    const types = parts.get("[Content_Types].xml")!;
    const defaults = new Set(all(/<Default [^>]*Extension="([^"]+)"/g, types));
    const overrides = new Set(all(/<Override [^>]*PartName="\/([^"]+)"/g, types));
    for (const e of entries)
      if (e.name !== "[Content_Types].xml")
        expect(overrides.has(e.name) || defaults.has(e.name.slice(e.name.lastIndexOf(".") + 1))).toBe(true);
    for (const [name, xml] of parts) {
      if (!name.endsWith(".rels")) continue;
      const base = path.posix.dirname(path.posix.dirname(name));
      for (const m of xml.matchAll(/<Relationship [^>]*Target="([^"]+)"(?: TargetMode="(\w+)")?/g)) {
        if (m[2] === "External") continue;
        const target = m[1]!.startsWith("/") ? m[1]!.slice(1) : path.posix.join(base, m[1]!);
        expect(parts.has(target), `${name} → ${target}`).toBe(true);
      }
    }
  });

  it("gives the same bytes for the same input and SOURCE_DATE_EPOCH, every entry dated that day", async () => {
    const r = await runCse(["build", "--format", "docx", "--out", "again"], { cwd: dir, env: DOCX_EPOCH });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "again/submission.docx")).equals(bytes)).toBe(true);
    // DOS date of 2015-01-11: (2015 - 1980) << 9 | 1 << 5 | 11, at midnight.
    for (const e of entries) expect([e.dosDate, e.dosTime]).toEqual([(35 << 9) | (1 << 5) | 11, 0]);
    expect(entries[0]!.name).toBe("[Content_Types].xml");
  });
});
