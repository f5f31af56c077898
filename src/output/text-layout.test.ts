import { describe, expect, it } from "vitest";
import { table, wrap } from "./text-layout.js";

describe("wrap", () => {
  it("refills a paragraph's lines as Markdown reads them", () => {
    expect(wrap("one two three\nfour five six seven", 20, "  ")).toEqual([
      "  one two three four",
      "  five six seven",
    ]);
  });
  it("starts list items, headings and blank lines afresh, hanging list continuations", () => {
    expect(wrap("### Title\n\n- first item that is long\n- second", 24)).toEqual([
      "### Title",
      "",
      "- first item that is",
      "  long",
      "- second",
    ]);
  });
  it("keeps code as written", () => {
    expect(wrap("```\na  b   c\n```\n    indented  code", 20)).toEqual([
      "```",
      "a  b   c",
      "```",
      "    indented  code",
    ]);
  });
});

describe("table", () => {
  it("sizes columns to their cells and cuts the last to the width", () => {
    const lines = table(
      [{ heading: "ID" }, { heading: "TITLE" }],
      [
        ["E1", "A title much longer than the room there is"],
        ["E100", "Short"],
      ],
      30,
    );
    expect(lines).toEqual(["ID    TITLE", "E1    A title much longer…", "E100  Short"]);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
  });
});
