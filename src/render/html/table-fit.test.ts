import { describe, expect, it } from "vitest";
import type { Inline, TableBlock, TableColumn } from "../../pack/document-model.js";
import { cellText, fitsPhone, unbreakablePieces } from "./table-fit.js";

const column = (label: string, extra: Partial<TableColumn> = {}): TableColumn => ({
  label,
  align: "start",
  width: 1,
  nowrap: false,
  ...extra,
});
const text = (t: string): Inline[] => [{ type: "text", text: t, strong: false }];
const table = (columns: TableColumn[], rows: string[][]): TableBlock => ({
  type: "table",
  caption: "A table",
  columns,
  rows: rows.map((r) => r.map(text)),
  rowHeaders: false,
});

describe("unbreakablePieces", () => {
  it("splits at spaces and after a hyphen between letters, not before a digit", () => {
    expect(unbreakablePieces("Self-assessment now")).toEqual(["Self-", "assessment", "now"]);
    expect(unbreakablePieces("  2025-26  survey ")).toEqual(["2025-26", "survey"]);
  });
});

describe("cellText", () => {
  it("gives what the HTML shows: a citation's id and title, a rating's shape and words", () => {
    expect(
      cellText([
        { type: "cite", anchor: "ev-E1", id: "E1", title: "Survey", attachment: null },
        { type: "text", text: "; ", strong: false },
        { type: "badge", shape: "star", text: "Compliance Plus" },
        { type: "page", anchor: "ev-E1" },
      ]),
    ).toBe("E1 Survey; \u25cf Compliance Plus");
  });
});

describe("fitsPhone", () => {
  it("keeps three short columns as a table", () => {
    expect(
      fitsPhone(table([column("Period"), column("Result"), column("Met")], [["May 2026", "93%", "Met"]])),
    ).toBe(true);
  });

  it("turns a table into cards when its longest words cannot sit side by side", () => {
    const columns = ["Element", "CS01", "CS02", "CS03", "CS04", "CS05", "CS06", "CS07", "CS08"].map((l) =>
      column(l),
    );
    expect(fitsPhone(table(columns, [["1.1.1", "", "", "", "", "", "", "", ""]]))).toBe(false);
  });

  it("counts a column kept on one line by its whole cell, its header by words", () => {
    const cells = [["x", "15 September 2026 and then some more"]];
    expect(fitsPhone(table([column("Id"), column("When it was done")], cells))).toBe(true);
    expect(fitsPhone(table([column("Id"), column("When it was done", { nowrap: true })], cells))).toBe(false);
  });

  it("leaves out a column only paged output shows", () => {
    const wide = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c";
    expect(fitsPhone(table([column("Id"), column("Page", { paged: true })], [["E1", wide]]))).toBe(true);
    expect(fitsPhone(table([column("Id"), column("Page")], [["E1", wide]]))).toBe(false);
  });
});
