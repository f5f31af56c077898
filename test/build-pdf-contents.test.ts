import { describe, expect, it } from "vitest";
import type { PackDocument, Section } from "../src/pack/document-model.js";
import { renderPdf } from "../src/render/pdf/render-pdf.js";
import { contentsRows, destinationPage, joined, openPdf, pageTexts } from "./helpers/pdf-read.js";

// A pack whose contents run over several pages: 160 case studies, some with titles long enough
// to take two lines in the contents. Built straight from a document model (no submission).
function longPack(): PackDocument {
  const studies: Section[] = Array.from({ length: 160 }, (_, i) => {
    const id = `CS${String(i + 1).padStart(3, "0")}`;
    const title = `${id}: ${i % 7 === 0 ? "A case study with a title long enough to need a second line in the contents, and then some more words" : "Listening to students"}`;
    const blocks = Array.from({ length: 1 + (i % 4) * 6 }, () => ({
      type: "paragraph" as const,
      role: "plain" as const,
      content: [
        { type: "text" as const, text: "We listened, and changed what we do. ".repeat(12), strong: false },
      ],
    }));
    return {
      anchor: `cs-${id}`,
      kind: "case-study",
      level: 3,
      title,
      shortTitle: id,
      inContents: true,
      blocks,
      children: [],
    };
  });
  const top: Section = {
    anchor: "case-studies",
    kind: "case-studies",
    level: 2,
    title: "Case studies",
    shortTitle: "Case studies",
    inContents: true,
    blocks: [],
    children: studies,
  };
  return {
    language: "en-GB",
    title: "Long pack",
    organisation: "Test Service",
    build: {
      date: "2015-01-01",
      commit: null,
      uncommitted: false,
      includeDrafts: false,
      asOf: "2015-01-01",
      generator: "cse test",
    },
    cover: {
      title: "Long pack",
      organisation: "Test Service",
      subtitle: "Customer Service Excellence",
      facts: [],
      notice: null,
    },
    contents: [
      {
        anchor: top.anchor,
        title: top.title,
        children: studies.map((s) => ({ anchor: s.anchor, title: s.title, children: [] })),
      },
    ],
    sections: [top],
    mentions: [],
    attachments: [],
  };
}

describe("the PDF's contents", () => {
  it("numbers every entry right when the contents run over several pages", async () => {
    const pdf = await openPdf(await renderPdf(longPack()));
    const texts = await pageTexts(pdf);
    const outline = await pdf.getOutline();
    expect(outline[0]!.title).toBe("Contents");
    const first = (await destinationPage(pdf, outline[0]!.dest as string))!;
    const body = (await destinationPage(pdf, outline[1]!.dest as string))!;
    expect(first).toBe(1);
    expect(body - first).toBeGreaterThanOrEqual(3); // the contents take three pages or more
    const rows = [];
    for (let p = first; p < body; p++) {
      expect(joined(texts[p]!)).toContain(`Page ${p + 1} of ${pdf.numPages}`);
      rows.push(...(await contentsRows(pdf, p, texts[p]!)));
    }
    expect(rows.map((r) => r.dest)).toEqual([
      "case-studies",
      ...Array.from({ length: 160 }, (_, i) => `cs-CS${String(i + 1).padStart(3, "0")}`),
    ]);
    for (const row of rows) expect(row.printed, row.dest).toBe(row.target! + 1);
    expect(rows.at(-1)!.printed).toBeGreaterThan(160);
  });
});
