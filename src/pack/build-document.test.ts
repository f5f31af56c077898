import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../../test/helpers/minimal.js";
import { testdir } from "../../test/helpers/testdir.js";
import { WorkTree } from "../load/source-tree.js";
import { readSubmission } from "../model/read-submission.js";
import { buildDocument } from "./build-document.js";
import type { Block, Inline, PackDocument, Section } from "./document-model.js";

function docOf(files: Record<string, string>, includeDrafts = false): PackDocument {
  const { submission, errorCount } = readSubmission(new WorkTree(testdir(files)), { asOf: "2015-02-01" });
  expect(errorCount).toBe(0);
  return buildDocument(submission, {
    introduction: "# Welcome\n\nAbout us, see 1.1.1.\n\n## Team\n",
    attachments: new Map(),
    build: {
      date: "2015-02-01",
      commit: null,
      uncommitted: false,
      includeDrafts,
      asOf: "2015-02-01",
      generator: "cse test",
    },
  });
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
      "at-a-glance",
      "crit-1",
      "crit-2",
      "progress",
      "case-studies",
      "evidence-index",
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
    expect(inlinesOf(el.blocks)).toContainEqual({ type: "ref", anchor: "ev-E001", text: "E001" });
    const ev = sections.find((s) => s.anchor === "ev-E001")!;
    expect(inlinesOf(ev.blocks)).toContainEqual({ type: "ref", anchor: "el-1.1.2", text: "1.1.2" });
    const cs = sections.find((s) => s.anchor === "cs-CS01")!;
    expect(inlinesOf(cs.blocks)).toContainEqual({ type: "ref", anchor: "ev-E002", text: "E002" });
  });

  it("lists the elements the latest finding rated below the standard", () => {
    const progress = doc.sections.find((s) => s.anchor === "progress")!;
    expect(progress.children.map((s) => s.anchor)).toEqual(["progress-1.2.1"]);
    const cells = inlinesOf(progress.children[0]!.blocks).map((i) => ("text" in i ? i.text : ""));
    expect(cells).toContain("Open, overdue");
  });

  it("counts coverage from the items in the pack", () => {
    const glance = doc.sections.find((s) => s.kind === "at-a-glance")!;
    const first = glance.blocks[0];
    expect(
      first?.type === "paragraph" && first.content.map((i) => ("text" in i ? i.text : "")).join(""),
    ).toMatch(/^4 of 5 elements \(80%\) are covered/);
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
