import { describe, expect, it } from "vitest";
import { markAbbreviations } from "./abbreviations.js";
import type { Block, Section } from "./document-model.js";
import { para, ref, text } from "./inline.js";

describe("text", () => {
  it("shares one frozen inline for a short text, plain and strong apart, and makes a long one afresh", () => {
    expect(text(", ")).toBe(text(", "));
    expect(text(", ")).toEqual({ type: "text", text: ", ", strong: false });
    expect(text("Draft", true)).toEqual({ type: "text", text: "Draft", strong: true });
    expect(text("Draft", true)).not.toBe(text("Draft"));
    expect(Object.isFrozen(text("Element "))).toBe(true);
    expect(() => {
      (text("Element ") as { text: string }).text = "changed";
    }).toThrow(TypeError);
    const title = "Customer journey mapping report for the library";
    expect(text(title)).not.toBe(text(title));
    expect(text(title)).toEqual({ type: "text", text: title, strong: false });
  });
});

describe("markAbbreviations", () => {
  const section = (blocks: Block[]): Section => ({
    anchor: "s",
    kind: "introduction",
    level: 2,
    title: "S",
    shortTitle: "S",
    inContents: true,
    blocks,
    children: [],
  });
  const glossary = [{ term: "KPI", expansion: "Key performance indicator" }];

  it("keeps every block that names no term as it was, and marks the first use in a new one", () => {
    const plain = para([text("Opening hours "), ref("el-1.1.1", "1.1.1")]);
    const table: Block = {
      type: "table",
      caption: "T",
      columns: [],
      rows: [[[text("none")]]],
      rowHeaders: true,
    };
    const naming = para([text("Our "), ref("el-1.1.2", "1.1.2"), text(" KPI and another KPI")]);
    const s = section([plain, table, naming]);
    markAbbreviations([s], glossary);
    expect(s.blocks[0]).toBe(plain);
    expect(s.blocks[1]).toBe(table);
    expect(s.blocks[2]).not.toBe(naming);
    expect(s.blocks[2]).toEqual(
      para([
        text("Our "),
        ref("el-1.1.2", "1.1.2"),
        text(" "),
        { type: "abbr", text: "KPI", expansion: "Key performance indicator" },
        text(" and another KPI"),
      ]),
    );
    expect(naming).toEqual(para([text("Our "), ref("el-1.1.2", "1.1.2"), text(" KPI and another KPI")]));
  });
});
