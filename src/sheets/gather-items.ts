import type { CellReader } from "./cell-values.js";
import { placeOf } from "./cell-values.js";
import type { ReadSheet, SheetCell, SheetRow } from "./sheet-rows.js";

/** An element an item cites, with the note its row gives. */
export interface Citation {
  element: string;
  note?: string;
}

/** A single-valued field of an item, with the cell it came from. */
export interface Given<T> {
  value: T;
  cell: SheetCell;
}

/** One evidence item or case study as the sheet gives it, its rows gathered. */
export interface SheetItem {
  kind: "evidence" | "case-study";
  id: string;
  sheet: ReadSheet;
  /** The first row naming it (new files and problems about the whole item point here). */
  first: SheetRow;
  /** Single-valued fields by header (Title, Date, Type, Status, Owner, Description, Summary, Expires). */
  fields: Map<string, Given<string>>;
  /** List fields by header (Sections, Links, Files, Evidence); absent when every cell was empty. */
  lists: Map<string, Given<string[]>>;
  /** Cited elements in row order, each once. */
  elements: Citation[];
}

/** Columns whose rows must agree when an item has several (FORMAT.md names the first five). */
const SINGLE = ["Title", "Date", "Type", "Status", "Owner", "Description", "Summary", "Expires"];
const LISTS = ["Sections", "Links", "Files", "Evidence"];

/**
 * Gathers an Evidence or Case studies sheet's rows into items: rows with the same ID are one
 * item, their elements (and notes) collected, their single-valued cells required to agree.
 */
export function gatherItems(sheet: ReadSheet, reader: CellReader): SheetItem[] {
  const kind = sheet.sheet === "Evidence" ? "evidence" : "case-study";
  const items = new Map<string, SheetItem>();
  for (const row of sheet.rows) {
    const idCell = row.cells.get("ID");
    const id = reader.id(sheet, idCell);
    if (id === undefined) {
      if (!idCell)
        reader.report(
          sheet,
          placeOf(sheet, row, "ID"),
          "missing-value",
          "this row has no ID; give every row the id of its item",
        );
      continue;
    }
    let item = items.get(id);
    if (!item) {
      item = { kind, id, sheet, first: row, fields: new Map(), lists: new Map(), elements: [] };
      items.set(id, item);
    }
    for (const header of SINGLE) gatherSingle(item, row, header, reader);
    for (const header of LISTS) gatherList(item, row, header, reader);
    const note = reader.text(sheet, row.cells.get("Note"));
    const elements = reader.elements(sheet, row.cells.get("Element"));
    if (!row.cells.has("Element"))
      reader.report(
        sheet,
        placeOf(sheet, row, "Element"),
        "missing-value",
        `the row of ${id} names no element; write an element id such as 1.1.1`,
      );
    for (const element of elements) {
      const known = item.elements.find((c) => c.element === element);
      if (!known) item.elements.push(note === undefined ? { element } : { element, note });
      else if (known.note === undefined && note !== undefined) known.note = note;
    }
  }
  return [...items.values()];
}

function gatherSingle(item: SheetItem, row: SheetRow, header: string, reader: CellReader): void {
  const cell = row.cells.get(header);
  if (!cell) return;
  const value = convert(item, header, cell, reader);
  if (value === undefined) return;
  const earlier = item.fields.get(header);
  if (!earlier) item.fields.set(header, { value, cell });
  else if (earlier.value !== value)
    reader.report(item.sheet, cell, "conflicting-value", disagreement(item.id, header, earlier));
}

function gatherList(item: SheetItem, row: SheetRow, header: string, reader: CellReader): void {
  const cell = row.cells.get(header);
  if (!cell) return;
  const values = convertList(item, header, cell, reader);
  if (values === undefined) return;
  const earlier = item.lists.get(header);
  if (!earlier) item.lists.set(header, { value: values, cell });
  else for (const v of values) if (!earlier.value.includes(v)) earlier.value.push(v);
}

function convert(item: SheetItem, header: string, cell: SheetCell, reader: CellReader): string | undefined {
  const sheet = item.sheet;
  switch (header) {
    case "Date":
    case "Expires":
      return reader.date(sheet, cell);
    case "Type":
      return reader.evidenceType(sheet, cell);
    case "Status":
      return reader.status(sheet, cell);
    case "Owner":
      return reader.person(sheet, cell);
    default:
      return reader.text(sheet, cell);
  }
}

function convertList(
  item: SheetItem,
  header: string,
  cell: SheetCell,
  reader: CellReader,
): string[] | undefined {
  const sheet = item.sheet;
  if (header === "Sections") return reader.sectionList(sheet, cell);
  if (header === "Links") {
    // A hyperlink cell shows a text; its address is what the item needs.
    const links =
      cell.raw.kind === "text" && cell.raw.link ? [cell.raw.link] : reader.list(sheet, cell, /[;\s]+/);
    const bad = links.find((l) => !/^https?:\/\/[^\s]+$/i.test(l));
    if (bad === undefined) return links;
    reader.report(
      sheet,
      cell,
      "bad-link",
      `"${short(bad)}" is not a web address; links start with https:// or http://`,
    );
    return undefined;
  }
  if (header === "Files") return reader.list(sheet, cell, /[;\n]/);
  return reader.list(sheet, cell, /[;,\s]+/);
}

function disagreement(id: string, header: string, earlier: Given<string>): string {
  const was = `row ${rowOf(earlier.cell)} ("${short(earlier.value)}")`;
  return `${id} has another ${header} on ${was}; the rows of an item must agree: change it on every row of ${id}`;
}

function rowOf(cell: SheetCell): string {
  return /\d+$/.exec(cell.ref)![0];
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
