import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { yamlComment, yamlQuoted, yamlString } from "./yaml-text.js";

describe("yaml-text", () => {
  it.each([
    "Northmoor Library",
    "1.10",
    "yes",
    "No",
    "a: b",
    "# not a comment",
    "- item",
    "O'Brien",
    '"quoted"',
    "2015-01-10",
    "",
    "Gwasanaeth — ŵyl",
    "null",
    "@home",
    "line\nbreak",
  ])("yamlString(%j) reads back as the same string", (value) => {
    expect(parse(`key: ${yamlString(value)}\n`)).toEqual({ key: value });
  });
  it("quotes words YAML 1.1 would read as booleans", () => {
    expect(yamlString("yes")).toBe('"yes"');
    expect(yamlString("Off")).toBe('"Off"');
  });
  it("always quotes ids", () => {
    expect(yamlQuoted("1.10")).toBe('"1.10"');
  });
  it("writes comments", () => {
    expect(yamlComment("x\n\ny", 2)).toBe("  # x\n  #\n  # y");
  });
});
