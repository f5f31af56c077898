import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkTree } from "../src/load/source-tree.js";
import { readSubmission } from "../src/model/read-submission.js";
import { PAGE } from "../src/render/pdf/theme.js";
import {
  contentsRows,
  destinationPage,
  joined,
  metadataOf,
  openPdf,
  pageTexts,
  type PdfFile,
  type PdfText,
} from "./helpers/pdf-read.js";
import { runCse } from "./helpers/run-cli.js";
import { PROJECT_ROOT } from "./helpers/testdir.js";
import { sampleBuildLine, sampleCounts } from "./helpers/sample-counts.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1799539200" }; // 2027-01-10, after every date in the sample

interface OutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineItem[];
}

// The sample is built twice (the second time only to compare bytes): a build takes seconds, so
// every test reads these two builds. The folder outlives single tests, so it is not a testdir.
let dir: string;
let bytes: Buffer;
let again: Buffer;
let stdout: string;
let pdf: PdfFile;
let texts: PdfText[][];
let outline: OutlineItem[];

beforeAll(async () => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cse-pdf-")));
  for (const name of ["cse.yaml", "criteria", "evidence", "assessment", "docs"])
    fs.cpSync(path.join(PROJECT_ROOT, name), path.join(dir, name), { recursive: true });
  const r = await runCse(["build", "--format", "pdf"], { cwd: dir, env: EPOCH });
  // Only the pre-flight summary: the sample claims a few elements without enough evidence.
  expect(r.stderr).toMatch(/^(cse build: .*claimed as meeting the standard.*\n( {2}.+\n)+)?$/);
  expect(r.code).toBe(0);
  stdout = r.stdout;
  bytes = fs.readFileSync(path.join(dir, "out/submission.pdf"));
  expect((await runCse(["build", "--format", "pdf", "--out", "again"], { cwd: dir, env: EPOCH })).code).toBe(
    0,
  );
  again = fs.readFileSync(path.join(dir, "again/submission.pdf"));
  pdf = await openPdf(bytes);
  texts = await pageTexts(pdf);
  outline = await pdf.getOutline();
}, 300_000); // two builds of the whole sample, each laying the PDF out twice for its page numbers

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const textOf = (page: number) => joined(texts[page]!);
const squash = (s: string) => s.replace(/\s+/g, "");

describe("cse build --format pdf (the sample)", () => {
  it("writes out/submission.pdf and says so", () => {
    expect(stdout).toMatch(/^Wrote out\/submission\.pdf \(\d+ KiB\)\n/);
    expect(stdout.split("\n")[1]).toBe(sampleBuildLine());
    expect(bytes.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
  });

  it("numbers every page but the cover 'Page X of Y', Y being the page count", () => {
    const total = pdf.numPages;
    // The cover, the contents, at a glance, one page or more per element and case study, the index.
    const sample = sampleCounts();
    expect(total).toBeGreaterThan(sample.elements + sample.caseStudies + 3);
    expect(textOf(0)).not.toMatch(/Page \d+ of/);
    expect(textOf(1)).toContain(`Page 2 of ${total}`);
    expect(textOf(total - 1)).toContain(`Page ${total} of ${total}`);
    for (let i = 1; i < total; i++) expect(textOf(i)).toContain(`Page ${i + 1} of ${total}`);
  });

  it("has an outline: criteria, their sub-criteria and elements, case studies, the evidence index", () => {
    expect(outline.map((o) => o.title)).toEqual([
      "Contents",
      "Document control",
      "Introduction",
      "Our organisation",
      "At a glance",
      "Progress since the last assessment",
      "Criterion 1: Customer Insight",
      "Criterion 2: The Culture of the Organisation",
      "Criterion 3: Information and Access",
      "Criterion 4: Delivery",
      "Criterion 5: Timeliness and Quality of Service",
      "Case studies",
      "Evidence index",
      "Glossary",
      "Appendix: how this pack was built",
    ]);
    const criterion1 = outline[6]!;
    expect(criterion1.items.map((o) => o.title)).toEqual([
      "1.1 Customer Identification",
      "1.2 Engagement and Consultation",
      "1.3 Customer Satisfaction",
    ]);
    expect(criterion1.items[0]!.items.map((o) => o.title)).toEqual([
      "Element 1.1.1",
      "Element 1.1.2",
      "Element 1.1.3",
    ]);
    const elements = outline
      .slice(6, 11)
      .flatMap((c) => c.items.flatMap((sc) => sc.items.map((e) => e.title.replace("Element ", ""))));
    expect(elements).toEqual(elementIds());
    const sample = sampleCounts();
    const caseStudies = outline.find((o) => o.title === "Case studies")!.items.map((o) => o.title);
    // The case studies, then the case study × element table.
    expect(caseStudies).toHaveLength(sample.caseStudies + 1);
    expect(caseStudies[0]).toMatch(/^CS01: /);
    expect(caseStudies[sample.caseStudies]).toBe("Case studies and the elements they show");
    const index = outline.find((o) => o.title === "Evidence index")!.items;
    expect(index).toHaveLength(sample.evidence);
    expect(index[0]!.title).toMatch(/^E001: /);
  });

  it("holds every element's id, each under its own heading", () => {
    const all = texts.map((t) => joined(t)).join(" ");
    for (const id of elementIds()) expect(all).toContain(`Element ${id}`);
  });

  it("points every outline item at the page (and the place) where its heading is", async () => {
    for (const item of flatten(outline)) {
      const page = await destinationPage(pdf, item.dest);
      expect(page, item.title).not.toBeNull();
      if (item.title !== "Contents") expect(squash(textOf(page!)), item.title).toContain(squash(item.title));
    }
  });

  it("resolves every internal link to a destination on the page of that anchor's heading", async () => {
    const headings = new Map<string, string>();
    for (const item of flatten(outline))
      if (typeof item.dest === "string") headings.set(item.dest, item.title);
    let internal = 0;
    let web = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      for (const a of await page.getAnnotations()) {
        if (a.subtype !== "Link") continue;
        if (a.url) {
          expect(a.url).toMatch(/^(https?:|mailto:)/);
          web++;
          continue;
        }
        internal++;
        expect(typeof a.dest, `link on page ${n}`).toBe("string");
        const target = await pdf.getDestination(a.dest as string);
        expect(target, `destination ${a.dest}`).not.toBeNull();
        const targetPage = await destinationPage(pdf, target);
        const heading = headings.get(a.dest as string);
        expect(heading, `${a.dest} names a section`).toBeDefined();
        const onPage = texts[targetPage!]!;
        expect(squash(joined(onPage)), `${a.dest} on page ${targetPage! + 1}`).toContain(squash(heading!));
        // The destination's top is just above the heading's first line.
        const top = (target as [unknown, unknown, number | null, number])[3];
        const title = squash(heading!);
        const lines = onPage.filter(
          (t) =>
            squash(t.str).length >= Math.min(6, title.length) && title.startsWith(squash(t.str)) && t.y < top,
        );
        const first = lines.sort((a, b) => b.y - a.y)[0];
        expect(first, `${heading} on page ${targetPage! + 1}`).toBeDefined();
        expect(top - first!.y, heading).toBeLessThan(40);
      }
    }
    expect(internal).toBeGreaterThan(500);
    expect(web).toBeGreaterThan(0);
  });

  it("gives every contents entry the page number its section is on", async () => {
    const contents = (await destinationPage(pdf, outline[0]!.dest))!;
    const rows = await contentsRows(pdf, contents, texts[contents]!);
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(row.printed, row.dest).toBe(row.target! + 1);
  });

  it("is tagged: headings, paragraphs, lists, tables, links and a figure in the structure tree", async () => {
    const roles = new Set<string>();
    const collect = (node: { role?: string; children?: unknown[] } | null) => {
      if (!node) return;
      if (node.role) roles.add(node.role);
      for (const c of node.children ?? []) collect(c as { role?: string; children?: unknown[] });
    };
    // The contents, the front matter and at a glance (headings, lists, tables, the chart).
    for (let n = 2; n <= 20; n++) collect(await (await pdf.getPage(n)).getStructTree());
    for (const role of [
      "Document",
      "Sect",
      "H1",
      "H2",
      "H3",
      "H4",
      "P",
      "L",
      "LI",
      "Lbl",
      "LBody",
      "Table",
      "THead",
      "TBody",
      "TR",
      "TH",
      "TD",
      "Caption",
      "Link",
      "Figure",
      "TOC",
      "TOCI",
    ]) {
      expect(roles, role).toContain(role);
    }
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
  });

  it("declares the title (shown in the title bar) and the language", async () => {
    const { info, xmpTitle } = await metadataOf(pdf);
    expect(info.Title).toBe("Customer Service Excellence submission 2027");
    expect(info.Language).toBe("en-GB");
    expect(info.Author).toBe("Northmoor University Library, IT and Archives");
    expect(xmpTitle).toBe("Customer Service Excellence submission 2027");
    expect(await pdf.getViewerPreferences()).toMatchObject({ DisplayDocTitle: true });
  });

  it("extracts Welsh text intact", () => {
    const all = texts.map((t) => joined(t)).join(" ");
    expect(all).toContain("Croeso i Dŷ’r Llyfrgell");
    expect(all).toContain("Dŵr yfed / Drinking water");
    expect(all).toContain("Cŵn cymorth yn unig");
  });

  it("keeps all text inside the text column (a wide table inside the outer margins)", () => {
    texts.forEach((items, i) => {
      for (const t of items) {
        if (t.str.trim() === "") continue;
        const where = `"${t.str}" on page ${i + 1}`;
        expect(t.x, where).toBeGreaterThanOrEqual(PAGE.outer - 0.5);
        expect(t.x + t.width, where).toBeLessThanOrEqual(PAGE.width - PAGE.outer + 0.5);
        expect(t.y, where).toBeGreaterThan(PAGE.footerY - 10);
        expect(t.y, where).toBeLessThan(PAGE.height - PAGE.headerY);
      }
    });
  });

  it("gives byte-identical files for the same input and SOURCE_DATE_EPOCH", () => {
    expect(again.equals(bytes)).toBe(true);
  });
});

function elementIds(): string[] {
  return readSubmission(new WorkTree(dir), { asOf: "2027-01-10" }).submission.elements.map((e) => e.id);
}

function flatten(items: OutlineItem[]): OutlineItem[] {
  return items.flatMap((i) => [i, ...flatten(i.items)]);
}
