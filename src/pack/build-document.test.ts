import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../../test/helpers/minimal.js";
import { packFixture } from "../../test/helpers/pack-fixture.js";
import { packOf } from "../../test/helpers/pack-document.js";
import type { Block, Inline, PackDocument, Section } from "./document-model.js";

function docOf(files: Record<string, string>, includeDrafts = false): PackDocument {
  return packOf(files, { includeDrafts, introduction: "# Welcome\n\nAbout us, see 1.1.1.\n\n## Team\n" }).doc;
}

function allSections(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.children)]);
}

function inlinesOf(blocks: Block[]): Inline[] {
  return blocks.flatMap((b) => {
    if (b.type === "paragraph") return b.content;
    if (b.type === "facts") return b.items.flatMap((i) => i.value);
    if (b.type === "list") return b.items.flatMap(inlinesOf);
    if (b.type === "table") return b.rows.flat(2);
    return [];
  });
}

describe("buildDocument", () => {
  const doc = docOf(minimalSubmission());
  const sections = allSections(doc.sections);

  it("puts the sections in the pack's order", () => {
    expect(doc.sections.map((s) => s.anchor)).toEqual([
      "introduction",
      "organisation",
      "at-a-glance",
      "progress",
      "crit-1",
      "crit-2",
      "case-studies",
      "evidence-index",
      "build-record",
    ]);
    expect(doc.sections[0]!.title).toBe("Welcome");
    expect(sections.filter((s) => s.kind === "element").map((s) => s.anchor)).toEqual([
      "el-1.1.1",
      "el-1.1.2",
      "el-1.2.1",
      "el-2.1.1",
      "el-2.1.2",
    ]);
  });

  it("gives every section a unique anchor and every reference a target", () => {
    const anchors = sections.map((s) => s.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    const refs = [
      ...sections.flatMap((s) => inlinesOf(s.blocks)),
      ...doc.cover.facts.flatMap((f) => f.value),
    ].filter((i) => i.type === "ref");
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) expect(anchors).toContain(r.anchor);
  });

  it("links both ways: an element to its evidence, the evidence back to the element", () => {
    const el = sections.find((s) => s.anchor === "el-1.1.2")!;
    expect(inlinesOf(el.blocks)).toContainEqual({
      type: "cite",
      anchor: "ev-E001",
      id: "E001",
      title: "Customer profile",
      attachment: null,
    });
    const ev = sections.find((s) => s.anchor === "ev-E001")!;
    expect(inlinesOf(ev.blocks)).toContainEqual({ type: "ref", anchor: "el-1.1.2", text: "1.1.2" });
    const cs = sections.find((s) => s.anchor === "cs-CS01")!;
    expect(inlinesOf(cs.blocks)).toContainEqual(expect.objectContaining({ type: "cite", anchor: "ev-E002" }));
  });

  it("lists the elements the latest finding rated below the standard", () => {
    const progress = doc.sections.find((s) => s.anchor === "progress")!;
    expect(progress.children.map((s) => s.anchor)).toEqual(["progress-1.2.1"]);
    const cells = inlinesOf(progress.children[0]!.blocks).map((i) => ("text" in i ? i.text : ""));
    expect(cells).toContain("Open, overdue");
  });

  it("counts coverage from the items in the pack", () => {
    const glance = doc.sections.find((s) => s.kind === "at-a-glance")!;
    const paragraphs = glance.blocks.flatMap((b) =>
      b.type === "paragraph" ? [b.content.map((i) => ("text" in i ? i.text : "")).join("")] : [],
    );
    expect(paragraphs.some((p) => /^4 of 5 elements \(80%\) are covered/.test(p))).toBe(true);
  });

  it("shifts the introduction's headings under its own", () => {
    const intro = doc.sections[0]!.blocks[0];
    expect(intro).toMatchObject({ type: "markdown", headingShift: 1 });
  });

  it("is plain data: a JSON round trip changes nothing", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("leaves drafts out unless asked", () => {
    const files = {
      ...minimalSubmission(),
      "evidence/E003.yaml":
        'id: E003\ntitle: Draft\ndescription: d\ntype: other\ndate: 2014-01-01\nstatus: draft\nelements: ["2.1.2"]\n',
    };
    expect(allSections(docOf(files).sections).some((s) => s.anchor === "ev-E003")).toBe(false);
    const withDrafts = docOf(files, true);
    expect(allSections(withDrafts.sections).some((s) => s.anchor === "ev-E003")).toBe(true);
    expect(withDrafts.cover.notice).toMatch(/draft/);
    expect(withDrafts.mentions.map((m) => m.text)).toContain("E003");
  });
});

describe("buildDocument: the pack an assessor wants (FORMAT.md v2)", () => {
  const doc = docOf(packFixture());
  const sections = allSections(doc.sections);
  const section = (anchor: string) => sections.find((s) => s.anchor === anchor)!;
  const plain = (inlines: Inline[]) =>
    inlines.map((i) => ("text" in i ? i.text : i.type === "cite" ? `${i.id} ${i.title}` : "")).join("");
  const tables = (s: Section) => s.blocks.filter((b) => b.type === "table");

  it("counts the self-ratings from the data, beside the latest finding's", () => {
    const files = packFixture();
    const self = files["assessment/self.yaml"]!;
    const expected = (id: string) => (self.match(new RegExp(`rating: ${id}\\n`, "g")) ?? []).length;
    const numbers = tables(section("at-a-glance"))[0]!;
    const rows = numbers.rows.map((r) => r.map(plain));
    expect(rows).toContainEqual(["Compliance Plus", String(expected("compliance-plus")), "0"]);
    expect(rows).toContainEqual(["Partial Compliance", String(expected("partial-compliance")), "1"]);
    // The finding rates every unlisted element compliance: 5 elements, one listed.
    expect(rows).toContainEqual(["Compliance", String(expected("compliance")), "4"]);
    expect(rows).toContainEqual(["Not rated", "2", "0"]);
    expect(numbers.rows[0]![0]).toEqual([{ type: "badge", shape: "star", text: "Compliance Plus" }]);
  });

  it("lists the elements below the standard with their open actions, and the best claims with their reasons", () => {
    const glance = section("at-a-glance");
    const lists = glance.blocks.filter((b) => b.type === "list");
    const below = JSON.stringify(lists[0]);
    expect(below).toContain("el-1.2.1");
    expect(below).toContain("Review engagement");
    expect(below).not.toContain("Survey the visitors"); // done, so not open
    const claims = JSON.stringify(lists[1]);
    expect(claims).toContain("We know our customers very well.");
    expect(claims).not.toContain("agree");
    expect(claims).toContain("no case study shows this element");
  });

  it("has one matrix row per element with a page column for paged output", () => {
    const matrix = tables(section("at-a-glance")).find((t) => t.caption.startsWith("Every element"))!;
    expect(matrix.rows.map((r) => plain(r[0]!))).toEqual(["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.1.2"]);
    expect(matrix.columns.at(-1)).toMatchObject({ label: "Page", paged: true });
    expect(matrix.rows[0]!.at(-1)).toEqual([{ type: "page", anchor: "el-1.1.1" }]);
  });

  it("says plainly when an element claimed as meeting the standard has no evidence", () => {
    const alerts = section("el-2.1.2").blocks.filter((b) => b.type === "paragraph" && b.role === "alert");
    expect(alerts.map((b) => plain((b as { content: Inline[] }).content))).toEqual([
      "Missing: No evidence is cited for this element.",
    ]);
    expect(section("el-1.1.1").blocks.some((b) => b.type === "paragraph" && b.role === "alert")).toBe(false);
  });

  it("shows progress: done actions with the day they were finished and the evidence", () => {
    const done = tables(section("progress"))[0]!;
    expect(done.rows.map((r) => r.map(plain))).toEqual([
      ["1.2.1", "Survey the visitors", "20 January 2015", "E002 Customer strategy"],
    ]);
  });

  it("carries document control, the organisation, the customer groups and the glossary", () => {
    expect(doc.sections[0]!.anchor).toBe("document-control");
    const facts = doc.sections[0]!.blocks[0] as { items: { term: string; value: Inline[] }[] };
    expect(facts.items.map((f) => [f.term, plain(f.value)])).toEqual([
      ["Version", "1.2"],
      ["Status", "Final"],
      ["Approved by", "Ann Example"],
      ["Approved on", "5 January 2015"],
      ["Contact for the assessor", "Bob Example, IT Services"],
    ]);
    const customers = tables(section("customers"))[0]!;
    expect(customers.rows.map((r) => plain(r[2]!))).toEqual(["E001 Customer profile", "none yet"]);
    expect(section("glossary").blocks[0]).toEqual({
      type: "facts",
      items: [{ term: "NSS", value: [{ type: "text", text: "National Student Survey", strong: false }] }],
    });
    expect(section("build-record").title).toMatch(/^Appendix/);
  });

  it("marks a term's first use in each section only", () => {
    const e003 = section("ev-E003");
    const md = e003.blocks.find((b) => b.type === "markdown")!;
    expect(md).toMatchObject({ abbreviations: [{ term: "NSS", expansion: "National Student Survey" }] });
    const e002 = section("ev-E002").blocks.find((b) => b.type === "markdown")!;
    expect(e002).toMatchObject({ abbreviations: [{ term: "NSS" }] });
    // In the model's own text (the index's title cell): the first use only, the rest plain.
    const index = inlinesOf(section("evidence-index").blocks);
    expect(index.filter((i) => i.type === "abbr")).toEqual([
      { type: "abbr", text: "NSS", expansion: "National Student Survey" },
    ]);
    expect(index).toContainEqual({ type: "text", text: " minutes, with NSS notes", strong: false });
  });

  it("labels an internal link as internal and does not offer it as a link", () => {
    const e003 = section("ev-E003");
    const inl = inlinesOf(e003.blocks);
    expect(inl.some((i) => i.type === "link")).toBe(false);
    expect(inl).toContainEqual({ type: "code", text: "https://intranet.example/minutes" });
    expect(JSON.stringify(e003.blocks)).toContain("works only inside the organisation");
  });

  it("writes dates in the pack's language", () => {
    const files = packFixture();
    files["cse.yaml"] += "build:\n  language: cy\n";
    const cy = docOf(files);
    expect(cy.cover.facts[0]).toEqual({
      term: "Visit day",
      value: [{ type: "text", text: "10 Mawrth 2015", strong: false }],
    });
  });
});
