import type { PackDocument } from "../../pack/document-model.js";
import { renderFacts } from "./blocks.js";
import type { Flow } from "./flow.js";
import type { StructElement } from "./pdfkit-extras.js";
import { COLOUR, PAGE, TEXT_WIDTH } from "./theme.js";

/**
 * The cover: a band of colour, the title (H1), the organisation, the subtitle, the facts of the
 * build, and the drafts notice when there is one. It carries no running head or page number.
 */
export function renderCover(flow: Flow, doc: PackDocument, parent: StructElement): void {
  const pdf = flow.doc;
  flow.artifact(() => pdf.rect(0, 0, PAGE.width, 14).fill(COLOUR.band));
  const box = { x: PAGE.left, width: TEXT_WIDTH };
  const sect = flow.struct(parent, "Sect");
  flow.y = 190;
  flow.paragraph(
    [{ text: doc.organisation, style: "regular", link: null }],
    box,
    { size: 14, leading: 1.3, color: COLOUR.muted },
    sect,
  );
  flow.y += 10;
  flow.paragraph(
    [{ text: doc.cover.title, style: "bold", link: null }],
    box,
    { size: 27, leading: 1.18, color: COLOUR.heading },
    sect,
    "H1",
  );
  flow.y += 12;
  flow.paragraph(
    [{ text: doc.cover.subtitle, style: "regular", link: null }],
    box,
    { size: 13, leading: 1.35, color: COLOUR.text },
    sect,
  );
  const ruleY = flow.y + 22;
  flow.artifact(() =>
    pdf
      .moveTo(box.x, ruleY)
      .lineTo(box.x + 90, ruleY)
      .lineWidth(2.5)
      .strokeColor(COLOUR.seriesB)
      .stroke(),
  );
  flow.y = ruleY + 26;
  renderFacts(flow, { type: "facts", items: doc.cover.facts }, box, sect, 10.5);
  if (doc.cover.notice) {
    flow.y += 24;
    const inner = { x: box.x + 12, width: box.width - 24 };
    const lines = flow.lines([{ text: doc.cover.notice, style: "bold", link: null }], inner.width, 10.5);
    const height = lines.length * 10.5 * 1.4 + 20;
    const y = flow.y;
    flow.artifact(() =>
      pdf
        .rect(box.x, y, box.width, height)
        .fill(COLOUR.noticeBack)
        .rect(box.x, y, 4, height)
        .fill(COLOUR.notice),
    );
    flow.y += 10;
    flow.paragraph(
      [{ text: doc.cover.notice, style: "bold", link: null }],
      inner,
      { size: 10.5, leading: 1.4, color: COLOUR.notice },
      sect,
    );
  }
  sect.end();
}
