import { BODY, COLOUR } from "./theme.js";
import { type Box, type Flow, lineHeight } from "./flow.js";
import type { StructElement } from "./pdfkit-extras.js";

/** Renders one item's content into the given box, as children of its LBody. */
export type ItemRenderer = (box: Box, body: StructElement) => void;

/** How a list is labelled. */
export interface ListStyle {
  ordered: boolean;
  /** The number of the first item of an ordered list. */
  start?: number;
  /** Nesting depth, 0 for a top-level list (picks the bullet). */
  depth: number;
}

const BULLETS = ["•", "◦", "▪"];
const INDENT = 15;
const ITEM_GAP = 3;

/**
 * A list: L > LI > (Lbl, LBody). The label is set on the first line of the item, after making
 * sure that line and the next fit on the page, so a bullet is never left alone at a page foot;
 * `keep`, when given, is the height an item asks to have before it starts (the whole item, when
 * it is short and carries a note: keep.ts `keepTogether`).
 */
export function renderList(
  flow: Flow,
  items: readonly ItemRenderer[],
  style: ListStyle,
  box: Box,
  parent: StructElement,
  keep?: (inner: Box, index: number) => number,
): void {
  const list = flow.struct(parent, "L");
  const setting = { size: BODY.size, color: COLOUR.muted };
  const lh = lineHeight(setting);
  const first = style.start ?? 1;
  const labelWidth = style.ordered
    ? Math.max(INDENT, flow.measure(`${first + items.length - 1}.`, "regular", BODY.size) + 6)
    : INDENT;
  items.forEach((render, i) => {
    if (i > 0) flow.gap(ITEM_GAP);
    const inner = { x: box.x + labelWidth, width: box.width - labelWidth };
    flow.need(Math.max(2 * lh, keep?.(inner, i) ?? 0));
    const li = flow.struct(list, "LI");
    const label = style.ordered ? `${first + i}.` : BULLETS[style.depth % BULLETS.length]!;
    const lbl = flow.struct(li, "Lbl");
    const [line] = flow.lines([{ text: label, style: "regular", link: null }], labelWidth, BODY.size);
    flow.drawLine(
      line!,
      { x: box.x, width: labelWidth - 5 },
      flow.y,
      { ...setting, align: style.ordered ? "end" : "start" },
      { el: lbl, tag: "Lbl" },
    );
    lbl.end();
    const body = flow.struct(li, "LBody");
    render(inner, body);
    body.end();
    li.end();
  });
  list.end();
}
