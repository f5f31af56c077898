import type { Inline, TableBlock } from "../../pack/document-model.js";
import { type Box, type Flow, lineHeight, type Owner, type TextSetting } from "./flow.js";
import type { Line } from "./line-breaker.js";
import type { StructElement } from "./pdfkit-extras.js";
import { runsFromInline } from "./runs.js";
import { COLOUR, PAGE, TABLE, TEXT_WIDTH } from "./theme.js";

interface Column {
  x: number;
  width: number;
  align: "start" | "end";
}

const SETTING: TextSetting = { size: TABLE.size, leading: 1.35 };
const STRIPE = "#f3f5f8";
/** Width of the rule under each row, in points. */
const RULE = 0.6;

/**
 * A table that breaks across pages between rows, repeating its header row at the top of every
 * page it continues on (the repeat is an artifact: the structure holds the header once). A row
 * taller than a whole page is split between lines. Tagged Table > Caption, THead > TR > TH
 * (scope Column), TBody > TR > TH (scope Row, when the first cell heads its row) / TD.
 */
export function renderTable(flow: Flow, block: TableBlock, body: Box, parent: StructElement): void {
  const box = tableBox(block, body);
  const lh = lineHeight(SETTING);
  let x = box.x;
  const cols: Column[] = columnWidths(flow, block, box.width).map((width, i) => {
    const col = { x, width, align: block.columns[i]!.align };
    x += width;
    return col;
  });
  const inner = (c: Column): Box => ({ x: c.x + TABLE.padX, width: c.width - 2 * TABLE.padX });
  const header = block.columns.map((c, i) =>
    flow.lines([{ text: c.label, style: "bold", link: null }], inner(cols[i]!).width, TABLE.size),
  );
  // A row's lines are made as it is drawn, not all before the table: the evidence index has a
  // row per item, and holding every row's lines (at 30,000 items some 180,000 cells) until the
  // table ends made them outlive the young generation, to be promoted and marked.
  const rowLines = (row: readonly (readonly Inline[] | undefined)[]): Line[][] =>
    cols.map((c, i) =>
      flow.lines(runsFromInline(row[i] ?? [], "regular", flow.refs), inner(c).width, TABLE.size),
    );
  const heightOf = (cells: Line[][]) => Math.max(1, ...cells.map((l) => l.length)) * lh + 2 * TABLE.padY;
  const headerHeight = heightOf(header);

  const table = flow.struct(parent, "Table");
  const caption = flow.lines([{ text: block.caption, style: "bold", link: null }], box.width, 9.5);
  const firstRow = block.rows[0] ? rowLines(block.rows[0]) : null;
  flow.need(caption.length * 9.5 * 1.4 + 4 + headerHeight + (firstRow ? heightOf(firstRow) : 0));
  flow.paragraph(
    [{ text: block.caption, style: "bold", link: null }],
    box,
    { size: 9.5, leading: 1.4, color: COLOUR.heading },
    table,
    "Caption",
  );
  flow.y += 3;

  const drawHeader = (owners: (Owner | null)[]) => {
    const y = flow.y;
    flow.artifact(() => {
      flow.doc.rect(box.x, y, box.width, headerHeight).fill(COLOUR.tableHead);
      flow.doc
        .moveTo(box.x, y + headerHeight)
        .lineTo(box.x + box.width, y + headerHeight)
        .lineWidth(2 * RULE)
        .strokeColor(COLOUR.heading)
        .stroke();
    });
    const draw = () =>
      cols.forEach((c, i) =>
        drawCell(flow, header[i]!, 0, header[i]!.length, inner(c), y, c.align, owners[i] ?? null),
      );
    if (owners.some((o) => o !== null)) draw();
    else flow.artifact(draw, "Pagination");
    flow.y += headerHeight;
  };
  const thead = flow.struct(table, "THead");
  const headRow = flow.struct(thead, "TR");
  const ths = cols.map(() => flow.struct(headRow, "TH", { scope: "Column" }));
  drawHeader(ths.map((el) => ({ el, tag: "TH" })));
  ths.forEach((el) => el.end());
  headRow.end();
  thead.end();

  const tbody = flow.struct(table, "TBody");
  const capacity = Math.max(1, Math.floor((flow.bottom - flow.pageTop - headerHeight - 2 * TABLE.padY) / lh));
  const continuePage = () => {
    flow.newPage();
    drawHeader(cols.map(() => null));
  };
  block.rows.forEach((row, r) => {
    const cells = r === 0 && firstRow ? firstRow : rowLines(row);
    const tr = flow.struct(tbody, "TR");
    const owners: Owner[] = cols.map((_, i) => {
      const rowHeader = block.rowHeaders && i === 0;
      const tag = rowHeader ? "TH" : "TD";
      return { el: flow.struct(tr, tag, rowHeader ? { scope: "Row" } : {}), tag };
    });
    const lines = Math.max(1, ...cells.map((l) => l.length));
    for (let from = 0; from < lines;) {
      const fit = Math.floor((flow.bottom - flow.y - 2 * TABLE.padY) / lh);
      const want = lines - from;
      if (fit < want && (want <= capacity || fit < 1)) {
        continuePage();
        continue;
      }
      const n = Math.min(fit, want);
      const y = flow.y;
      const height = n * lh + 2 * TABLE.padY;
      flow.artifact(() => {
        // The shading stops short of the rules above and below, so no row paints over a rule.
        if (r % 2 === 1) flow.doc.rect(box.x, y + RULE, box.width, height - 2 * RULE).fill(STRIPE);
        flow.doc
          .moveTo(box.x, y + height)
          .lineTo(box.x + box.width, y + height)
          .lineWidth(RULE)
          .strokeColor(COLOUR.rule)
          .stroke();
      });
      cols.forEach((c, i) => drawCell(flow, cells[i]!, from, from + n, inner(c), y, c.align, owners[i]!));
      flow.y += height;
      from += n;
      if (from < lines) continuePage();
    }
    owners.forEach((o) => o.el.end());
    tr.end();
  });
  tbody.end();
  table.end();
}

/**
 * The box a table is set in: a wide one (five or more columns) in the text column reaches out
 * into the margins on both sides, so its columns are not squeezed into a 70-character measure.
 */
function tableBox(block: TableBlock, body: Box): Box {
  const column = { x: PAGE.left, width: TEXT_WIDTH };
  if (block.columns.length < 5 || body.x !== column.x || body.width !== column.width) return body;
  return { x: PAGE.outer, width: PAGE.width - 2 * PAGE.outer };
}

function drawCell(
  flow: Flow,
  lines: Line[],
  from: number,
  to: number,
  box: Box,
  y: number,
  align: "start" | "end",
  owner: Owner | null,
): void {
  const lh = lineHeight(SETTING);
  for (let k = from; k < Math.min(to, lines.length); k++) {
    flow.drawLine(lines[k]!, box, y + TABLE.padY + (k - from) * lh, { ...SETTING, align }, owner);
  }
}

/**
 * Column widths: shares of the table's width, except that a `nowrap` column (ids, ISO dates,
 * sizes) is widened to its longest cell when the other columns can give up the room. If they
 * cannot, its cells wrap rather than run over.
 */
function columnWidths(flow: Flow, block: TableBlock, width: number): number[] {
  const total = block.columns.reduce((n, c) => n + c.width, 0) || 1;
  const widths = block.columns.map((c) => (width * c.width) / total);
  const needed = block.columns.map((c, i) => {
    if (!c.nowrap) return 0;
    // A loop, not Math.max(...cells): a spread of a row per item would overflow the stack.
    let widest = flow.measure(c.label, "bold", TABLE.size);
    for (const row of block.rows) widest = Math.max(widest, plainWidth(flow, row[i] ?? []));
    return widest + 2 * TABLE.padX + 1;
  });
  const extra = needed.reduce((n, w, i) => n + Math.max(0, w - widths[i]!), 0);
  const spare = widths.reduce((n, w, i) => n + (block.columns[i]!.nowrap ? 0 : w * 0.5), 0);
  if (extra <= 0 || extra > spare) return widths;
  const shrink = extra / widths.reduce((n, w, i) => n + (block.columns[i]!.nowrap ? 0 : w), 0);
  return widths.map((w, i) => (block.columns[i]!.nowrap ? Math.max(w, needed[i]!) : w * (1 - shrink)));
}

function plainWidth(flow: Flow, cell: readonly Inline[]): number {
  return runsFromInline(cell, "regular", flow.refs).reduce(
    (n, r) => n + flow.measure(r.text, r.style, TABLE.size),
    0,
  );
}
