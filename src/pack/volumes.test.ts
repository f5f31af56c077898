import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../../test/helpers/minimal.js";
import { packOf } from "../../test/helpers/pack-document.js";
import type { PackDocument, Section } from "./document-model.js";
import { splitByCriterion, volumeElsewhere } from "./volumes.js";

// The minimal submission with three more evidence items and two more case studies, so that
// small limits cut the evidence index and the case studies into parts.
function docOf(): PackDocument {
  const files: Record<string, string> = { ...minimalSubmission() };
  for (const id of ["E003", "E004", "E005"])
    files[`evidence/${id}.yaml`] =
      `id: ${id}\ntitle: Item ${id}\ndescription: An item.\ntype: report\ndate: 2014-06-01\nelements: ["1.1.1"]\n`;
  for (const id of ["CS02", "CS03"])
    files[`evidence/case-studies/${id}.yaml`] = [
      `id: ${id}`,
      `title: Story ${id}`,
      "date: 2014-09-01",
      "summary: A story.",
      "narrative: It went well.",
      'elements: ["2.1.1"]\n',
    ].join("\n");
  return packOf(files).doc;
}

function anchorsOf(sections: readonly Section[]): string[] {
  return sections.flatMap((s) => [s.anchor, ...anchorsOf(s.children)]);
}

describe("splitByCriterion", () => {
  const doc = docOf();

  it("gives the contents, the front matter, one volume per criterion and the back parts, in order", () => {
    const files = splitByCriterion(doc).map((v) => v.volume!.volumes[v.volume!.number]!.file);
    expect(files).toEqual([
      "00-contents",
      "01-front-matter",
      "02-criterion-1",
      "03-criterion-2",
      "04-case-studies",
      "05-evidence-index",
      "06-appendices",
    ]);
  });

  it("puts every anchor of the pack in exactly one volume, and the map says which", () => {
    const volumes = splitByCriterion(doc);
    const body = volumes.slice(1).flatMap((v) => anchorsOf(v.sections));
    expect([...body].sort()).toEqual(anchorsOf(doc.sections).sort());
    for (const v of volumes)
      for (const a of anchorsOf(v.sections)) {
        expect(v.volume!.anchors[a]).toBe(v.volume!.number);
        expect(volumeElsewhere(v, a)).toBeNull();
      }
    const crit1 = volumes[2]!;
    expect(volumeElsewhere(crit1, "ev-E001")?.file).toBe("05-evidence-index");
    expect(volumeElsewhere(crit1, "el-2.1.1")?.file).toBe("03-criterion-2");
    // Anchors that are no section of the pack (the volume's own contents) stay where they are.
    expect(volumeElsewhere(crit1, "contents")).toBeNull();
    expect(volumeElsewhere(doc, "ev-E001")).toBeNull();
  });

  it("cuts long case studies and evidence indexes into numbered parts, each entry in one", () => {
    const volumes = splitByCriterion(doc, { caseStudies: 2, evidence: 2 });
    const titles = volumes.map((v) => v.volume!.volumes[v.volume!.number]!.title);
    const evidence = volumes.filter((v) => v.sections[0]!.kind === "evidence-index");
    expect(evidence.map((v) => v.volume!.volumes[v.volume!.number]!.file)).toEqual([
      "06-evidence-index-1",
      "07-evidence-index-2",
      "08-evidence-index-3",
    ]);
    expect(titles).toContain("Evidence index, part 2 of 3: E003 to E004");
    expect(titles).toContain("Evidence index, part 3 of 3: E005");
    // The first part keeps the heading and the index table; later parts hold the entries only.
    expect(evidence[0]!.sections[0]!.anchor).toBe("evidence-index");
    expect(evidence[0]!.sections[0]!.blocks.length).toBeGreaterThan(0);
    expect(evidence[1]!.sections[0]!.blocks).toHaveLength(1); // the note on the way back only
    expect(evidence.flatMap((v) => v.sections[0]!.children.map((c) => c.anchor))).toEqual(
      ["E001", "E002", "E003", "E004", "E005"].map((id) => `ev-${id}`),
    );
    // The index table's row of an item in another part opens that part.
    expect(volumeElsewhere(evidence[0]!, "ev-E005")?.file).toBe("08-evidence-index-3");
    expect(titles).toContain("Case studies, part 2 of 2: CS03");
    // A part's contents list only its own entries: the first part keeps the section's anchor,
    // but not the case studies that went on to the second (the PDF found no page for them).
    for (const v of volumes.slice(1)) {
      const inside = new Set(anchorsOf(v.sections));
      const listed = (entries: PackDocument["contents"]): string[] =>
        entries.flatMap((e) => [e.anchor, ...listed(e.children)]);
      for (const anchor of listed(v.contents)) expect(inside, anchor).toContain(anchor);
    }
    const body = volumes.slice(1).flatMap((v) => anchorsOf(v.sections));
    expect(new Set(body).size).toBe(body.length);
  });

  it("lists every volume in the contents volume, and names each volume on its cover", () => {
    const volumes = splitByCriterion(doc);
    const contents = volumes[0]!;
    expect(contents.sections.map((s) => s.anchor)).toEqual(["volumes"]);
    expect(contents.sections[0]!.children.map((c) => c.title)).toEqual(
      volumes
        .slice(1)
        .map((v) => `Volume ${v.volume!.number}: ${v.volume!.volumes[v.volume!.number]!.title}`),
    );
    // Each volume opens with a note linking to the list of every volume, in the contents volume.
    for (const v of volumes.slice(1)) {
      const note = v.sections[0]!.blocks[0]!;
      expect(note).toMatchObject({ type: "paragraph", role: "note" });
      expect(note.type === "paragraph" && note.content).toContainEqual({
        type: "ref",
        anchor: "volumes",
        text: "Every volume",
      });
      expect(volumeElsewhere(v, "volumes")?.file).toBe("00-contents");
    }
    expect(volumes[2]!.cover.facts[0]).toEqual({
      term: "Volume",
      value: [{ type: "text", text: "2 of 6: Criterion 1: Customer Insight", strong: false }],
    });
  });
});
