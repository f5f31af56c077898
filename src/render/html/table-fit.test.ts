import { describe, expect, it } from "vitest";
import type { Inline, TableBlock, TableColumn } from "../../pack/document-model.js";
import { cellText, tableLayout, unbreakablePieces } from "./table-fit.js";

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

describe("tableLayout", () => {
  it("keeps three short columns as a table", () => {
    const periods = table([column("Period"), column("Result"), column("Met")], [["May 2026", "93%", "Met"]]);
    expect(tableLayout(periods)).toBe("");
  });

  it("makes cards on narrow screens of a table whose longest words cannot sit side by side on a phone", () => {
    const ids = ["Element", "CS01", "CS02", "CS03", "CS04", "CS05", "CS06", "CS07", "CS08"];
    expect(
      tableLayout(
        table(
          ids.map((l) => column(l)),
          [ids.map(() => "")],
        ),
      ),
    ).toBe("cards");
  });

  it("makes cards everywhere of a table that fits no screen", () => {
    const ids = ["Element", ...Array.from({ length: 50 }, (_, i) => `CS${String(i + 1).padStart(5, "0")}`)];
    expect(
      tableLayout(
        table(
          ids.map((l) => column(l)),
          [ids.map(() => "")],
        ),
      ),
    ).toBe("cards cards-always");
  });

  it("counts a column kept on one line by its whole cell, its header by words", () => {
    const cells = [["x", "15 September 2026 and then some more"]];
    expect(tableLayout(table([column("Id"), column("When it was done")], cells))).toBe("");
    expect(tableLayout(table([column("Id"), column("When it was done", { nowrap: true })], cells))).toBe(
      "cards",
    );
  });

  it("leaves out a column only paged output shows", () => {
    const wide = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c";
    expect(tableLayout(table([column("Id"), column("Page", { paged: true })], [["E1", wide]]))).toBe("");
    expect(tableLayout(table([column("Id"), column("Page")], [["E1", wide]]))).toBe("cards");
  });
});
