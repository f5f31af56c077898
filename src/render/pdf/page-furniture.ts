import { measure, textAt } from "./fonts.js";
import type { Flow } from "./flow.js";
import { COLOUR, PAGE, TEXT_WIDTH } from "./theme.js";

/**
 * Running head (organisation on the left, the pack's title on the right) and foot (the section
 * on the left, "Page X of Y" on the right) for every page but the cover, as Pagination artifacts
 * so assistive technology skips them. Pages are written out as they are finished, so the page
 * count (`total`) comes from an earlier layout pass; the returned function draws one page's
 * furniture while that page is still the current one. X is the page's place in the file, so it
 * matches the viewer's page number and the contents.
 */
export function pageFurniture(
  flow: Flow,
  organisation: string,
  title: string,
  total: number,
): (page: number, section: string) => void {
  const doc = flow.doc;
  const size = 8;
  const headBaseline = PAGE.headerY + 8;
  const footBaseline = PAGE.height - PAGE.footerY + 8;
  const right = PAGE.left + TEXT_WIDTH;
  // Organisation and title share the head: each gets at most its half, shortened with "…" if need be.
  const half = TEXT_WIDTH / 2 - 10;
  const org = fit(organisation, half, size);
  const ttl = fit(title, half, size);
  const ttlX = right - width(ttl, size);
  return (i, sectionTitle) => {
    if (i === 0) return;
    const page = `Page ${i + 1} of ${total}`;
    const section = fit(sectionTitle, TEXT_WIDTH - 100, size);
    doc.save();
    flow.artifact(() => {
      textAt(doc, org, PAGE.left, headBaseline, size, COLOUR.muted);
      textAt(doc, ttl, ttlX, headBaseline, size, COLOUR.muted);
      doc
        .moveTo(PAGE.left, headBaseline + 6)
        .lineTo(right, headBaseline + 6)
        .lineWidth(0.5)
        .strokeColor(COLOUR.rule)
        .stroke();
      doc
        .moveTo(PAGE.left, footBaseline - 12)
        .lineTo(right, footBaseline - 12)
        .lineWidth(0.5)
        .strokeColor(COLOUR.rule)
        .stroke();
      textAt(doc, section, PAGE.left, footBaseline, size, COLOUR.muted);
      textAt(doc, page, right - width(page, size), footBaseline, size, COLOUR.text);
    }, "Pagination");
    doc.restore();
  };
}

/**
 * The width of running-head text, from the word widths cse keeps (fonts.ts `measure`): measured
 * by pdfkit, each page's "Page X of Y" and section title were laid out by fontkit again, their
 * numbers new on every page (0.6 s of the 3,000-item build).
 */
function width(s: string, size: number): number {
  return measure(s, "regular", size);
}

/** The text, cut at a word and ended with "…" when it is wider than `max`. */
function fit(s: string, max: number, size: number): string {
  if (width(s, size) <= max) return s;
  const words = s.split(" ");
  while (words.length > 1) {
    words.pop();
    const cut = `${words.join(" ")}…`;
    if (width(cut, size) <= max) return cut;
  }
  let chars = [...s];
  while (chars.length > 1 && width(`${chars.join("")}…`, size) > max) chars = chars.slice(0, -1);
  return `${chars.join("")}…`;
}
