import type { ContentsEntry } from "../../pack/document-model.js";
import { type Flow, lineHeight, type TextSetting } from "./flow.js";
import type { Line } from "./line-breaker.js";
import { linkToDestination, type StructElement } from "./pdfkit-extras.js";
import { COLOUR, PAGE, TEXT_WIDTH } from "./theme.js";

/** One planned line group of the contents: an entry, where it goes, and its broken title. */
interface Row {
  entry: ContentsEntry;
  depth: number;
  lines: Line[];
  setting: TextSetting;
  /** Contents page (0-based) and top `y` on it. */
  page: number;
  y: number;
}

/** The contents laid out before the body exists: how many pages it needs, and every row's place. */
export interface ContentsPlan {
  rows: Row[];
  pages: number;
}

const TITLE = { size: 19, leading: 1.25, after: 14 };
const NUMBER_WIDTH = 42;
const INDENT = 18;

/**
 * Lays the contents out first, so its pages can be reserved after the cover. A page number
 * only ever occupies the fixed right-hand column, so the layout cannot change once the numbers
 * are known: the pages reserved are exactly the pages needed, however long the contents run.
 */
export function planContents(flow: Flow, entries: readonly ContentsEntry[]): ContentsPlan {
  const rows: Row[] = [];
  let page = 0;
  let y = PAGE.top + TITLE.size * TITLE.leading + TITLE.after;
  const visit = (entry: ContentsEntry, depth: number) => {
    const setting: TextSetting = depth === 0 ? { size: 10.5, leading: 1.4 } : { size: 9.8, leading: 1.4 };
    const style = depth === 0 ? "bold" : "regular";
    const lines = flow.lines(
      [{ text: entry.title, style, link: null }],
      TEXT_WIDTH - depth * INDENT - NUMBER_WIDTH,
      setting.size,
    );
    const height = lines.length * lineHeight(setting);
    let before = depth === 0 ? 8 : 1.5;
    if (y + before + height > flow.bottom) {
      page++;
      y = PAGE.top;
      before = 0;
    }
    y += before;
    rows.push({ entry, depth, lines, setting, page, y });
    y += height;
    for (const child of entry.children) visit(child, depth + 1);
  };
  for (const entry of entries) visit(entry, 0);
  return { rows, pages: page + 1 };
}

/**
 * Draws the planned contents on the current page and the pages after it, starting each of its
 * pages as the last is done. Pages are written out as they are finished, so the contents cannot
 * wait for the body: every section's page (`pageOf`) comes from an earlier layout pass of the
 * same document. Tagged TOC > TOCI > Link, with a nested TOC for an entry's children; each row
 * is one link annotation to the section's named destination.
 */
export function drawContents(
  flow: Flow,
  plan: ContentsPlan,
  parent: StructElement,
  pageOf: (anchor: string) => number | undefined,
): void {
  const titleLines = flow.lines([{ text: "Contents", style: "bold", link: null }], TEXT_WIDTH, TITLE.size);
  const h1 = flow.struct(parent, "H1");
  flow.drawLine(
    titleLines[0]!,
    { x: PAGE.left, width: TEXT_WIDTH },
    PAGE.top,
    { size: TITLE.size, leading: TITLE.leading, color: COLOUR.heading },
    { el: h1, tag: "H1" },
  );
  h1.end();

  const root = flow.struct(parent, "TOC");
  // open[d] is the TOC at depth d, and items[d] the TOCI last opened in it.
  const open: StructElement[] = [root];
  const items: StructElement[] = [];
  let current = 0;
  for (const row of plan.rows) {
    while (items.length > row.depth) {
      items.pop()!.end();
      if (open.length > items.length + 1) open.pop()!.end();
    }
    if (row.depth > 0 && open.length <= row.depth) open.push(flow.struct(items[row.depth - 1]!, "TOC"));
    for (; current < row.page; current++) flow.newPage(true);
    const toci = flow.struct(open[row.depth]!, "TOCI");
    items.push(toci);
    drawRow(flow, row, toci, pageOf);
  }
  while (items.length > 0) items.pop()!.end();
  while (open.length > 0) open.pop()!.end();
  for (; current < plan.pages - 1; current++) flow.newPage(true);
}

function drawRow(
  flow: Flow,
  row: Row,
  toci: StructElement,
  pageOf: (anchor: string) => number | undefined,
): void {
  const page = pageOf(row.entry.anchor);
  if (page === undefined) throw new Error(`contents entry ${row.entry.anchor} has no destination`);
  const number = String(page + 1);
  const lh = lineHeight(row.setting);
  const x = PAGE.left + row.depth * INDENT;
  const width = TEXT_WIDTH - row.depth * INDENT;
  const link = flow.struct(toci, "Link");
  const owner = { el: link, tag: "Link" };
  const color = row.depth === 0 ? COLOUR.heading : COLOUR.text;
  row.lines.forEach((line, i) =>
    flow.drawLine(line, { x, width: width - NUMBER_WIDTH }, row.y + i * lh, { ...row.setting, color }, owner),
  );
  const lastY = row.y + (row.lines.length - 1) * lh;
  const [numberLine] = flow.lines(
    [{ text: number, style: row.depth === 0 ? "bold" : "regular", link: null }],
    NUMBER_WIDTH,
    row.setting.size,
  );
  flow.drawLine(
    numberLine!,
    { x: PAGE.left + TEXT_WIDTH - NUMBER_WIDTH, width: NUMBER_WIDTH },
    lastY,
    { ...row.setting, color, align: "end" },
    owner,
  );
  const last = row.lines[row.lines.length - 1];
  const from = x + (last?.width ?? 0) + 6;
  const to = PAGE.left + TEXT_WIDTH - (numberLine?.width ?? 0) - 6;
  const baseline = lastY + lh * 0.72;
  if (to - from > 8) {
    flow.artifact(() =>
      flow.doc
        .save()
        .moveTo(from, baseline)
        .lineTo(to, baseline)
        .lineWidth(0.7)
        .dash(0.7, { space: 3 })
        .strokeColor(COLOUR.rule)
        .stroke()
        .undash()
        .restore(),
    );
  }
  const rect = { x, y: row.y, w: width, h: row.lines.length * lh };
  linkToDestination(flow.doc, rect, row.entry.anchor, `${row.entry.title}, page ${number}`, link);
  link.end();
}
