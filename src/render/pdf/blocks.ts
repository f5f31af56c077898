import type { Block, FactsBlock, Mention, ParagraphBlock } from "../../pack/document-model.js";
import { renderChart } from "./chart.js";
import { type Box, type Flow, lineHeight } from "./flow.js";
import { renderMarkdown } from "./markdown-blocks.js";
import { minorHeading } from "./headings.js";
import { renderList } from "./lists.js";
import type { StructElement } from "./pdfkit-extras.js";
import { runsFromInline } from "./runs.js";
import { renderTable } from "./table.js";
import { renderTrend } from "./trend.js";
import { BLOCK_GAP, BODY, COLOUR } from "./theme.js";
import { keepTogether } from "./keep.js";

/** What block renderers share besides the flow. */
export interface BlockContext {
  /** Ids that Markdown text links to. */
  mentions: readonly Mention[];
  /** Set Markdown text muted: a note under a list item (how an item shows an element). */
  muted?: boolean;
}

/** Lays out blocks one after another in a box, as children of `parent`. */
export function renderBlocks(
  flow: Flow,
  blocks: readonly Block[],
  box: Box,
  parent: StructElement,
  ctx: BlockContext,
): void {
  blocks.forEach((block, i) => {
    if (i > 0) flow.gap(BLOCK_GAP);
    renderBlock(flow, block, box, parent, ctx);
  });
}

function renderBlock(flow: Flow, block: Block, box: Box, parent: StructElement, ctx: BlockContext): void {
  switch (block.type) {
    case "paragraph":
      paragraph(flow, block, box, parent);
      return;
    case "heading":
      minorHeading(flow, block.text, block.level, box, parent);
      return;
    case "markdown":
      renderMarkdown(
        flow,
        block.source,
        { headingShift: block.headingShift, mentions: ctx.mentions, abbreviations: block.abbreviations },
        box,
        parent,
        ctx.muted ? COLOUR.muted : COLOUR.text,
      );
      return;
    case "facts":
      renderFacts(flow, block, box, parent);
      return;
    case "list": {
      // An item's blocks: its text, then any note under it (muted).
      const itemBlocks = (f: Flow, item: readonly Block[], inner: Box, body: StructElement) =>
        item.forEach((b, i) => {
          if (i > 0) f.gap(3);
          renderBlock(f, b, inner, body, i === 0 ? ctx : { ...ctx, muted: true });
        });
      const lh = lineHeight({ size: BODY.size });
      renderList(
        flow,
        block.items.map((item) => (inner: Box, body: StructElement) => itemBlocks(flow, item, inner, body)),
        { ordered: false, depth: 0 },
        box,
        parent,
        // An item with a note keeps the note with it.
        (inner, i) => {
          const item = block.items[i]!;
          if (item.length < 2) return 0;
          const height = flow.heightOf((f, body) => itemBlocks(f, item, inner, body));
          return keepTogether(height, 2 * lh, flow.bottom - flow.pageTop);
        },
      );
      return;
    }
    case "table":
      renderTable(flow, block, box, parent);
      return;
    case "chart":
      renderChart(flow, block, box, parent);
      return;
    case "trend":
      renderTrend(flow, block, box, parent);
      return;
  }
}

const ROLE = {
  plain: { size: BODY.size, style: "regular", color: COLOUR.text },
  lead: { size: 12, style: "regular", color: COLOUR.text },
  note: { size: BODY.size, style: "italic", color: COLOUR.muted },
  alert: { size: BODY.size, style: "regular", color: COLOUR.notice },
} as const;

function paragraph(flow: Flow, block: ParagraphBlock, box: Box, parent: StructElement): void {
  const role = ROLE[block.role];
  flow.paragraph(
    runsFromInline(block.content, role.style, flow.refs),
    box,
    { size: role.size, color: role.color },
    parent,
  );
}

/**
 * Term and value pairs side by side, tagged as a list: each pair an LI with the term as its
 * label (Lbl) and the value as its body (LBody).
 */
export function renderFacts(flow: Flow, block: FactsBlock, box: Box, parent: StructElement, size = 10): void {
  const setting = { size, leading: 1.4 };
  const lh = lineHeight(setting);
  const widest = Math.max(0, ...block.items.map((f) => flow.measure(f.term, "bold", size)));
  const termWidth = Math.min(widest + 14, box.width * 0.38);
  const list = flow.struct(parent, "L");
  const laid = block.items.map((fact) => {
    const term = flow.lines([{ text: fact.term, style: "bold", link: null }], termWidth - 10, size);
    const value = flow.lines(runsFromInline(fact.value, "regular", flow.refs), box.width - termWidth, size);
    return { term, value, rows: Math.max(term.length, value.length) };
  });
  // The first two pairs start together (so a heading above keeps more than one line with it),
  // the last two end together (so no pair is left alone at the top of a page), and a pair is
  // never split.
  const height = (from: number, to: number) =>
    laid.slice(from, to).reduce((n, f) => n + f.rows * lh + 1.5, 0);
  laid.forEach(({ term, value, rows }, k) => {
    flow.need(k === 0 ? height(0, 2) : k === laid.length - 2 ? height(k, k + 2) : lh * rows);
    const li = flow.struct(list, "LI");
    const lbl = flow.struct(li, "Lbl");
    term.forEach((line, i) =>
      flow.drawLine(
        line,
        { x: box.x, width: termWidth },
        flow.y + i * lh,
        { ...setting, color: COLOUR.muted },
        { el: lbl, tag: "Lbl" },
      ),
    );
    lbl.end();
    const body = flow.struct(li, "LBody");
    value.forEach((line, i) =>
      flow.drawLine(line, { x: box.x + termWidth, width: box.width - termWidth }, flow.y + i * lh, setting, {
        el: body,
        tag: "LBody",
      }),
    );
    body.end();
    li.end();
    flow.y += rows * lh + 1.5;
  });
  list.end();
}
