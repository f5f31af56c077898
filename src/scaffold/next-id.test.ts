import { describe, expect, it } from "vitest";
import { nextId } from "./next-id.js";

describe("nextId", () => {
  it("follows the highest number, at its width", () => {
    expect(nextId("E", ["E001", "E064", "E010"], 3)).toBe("E065");
    expect(nextId("CS", ["CS8", "CS02"], 2)).toBe("CS9");
    expect(nextId("E", ["E0042"], 3)).toBe("E0043");
  });
  it("grows past the width instead of wrapping", () => {
    expect(nextId("E", ["E999"], 3)).toBe("E1000");
  });
  it("starts at 1 at the default width, also after an example numbered 0", () => {
    expect(nextId("E", [], 3)).toBe("E001");
    expect(nextId("CS", ["CS00-example.yaml"], 2)).toBe("CS01");
  });
  it("reads numbers from file names and ignores other shapes and prefixes", () => {
    expect(nextId("E", ["E012-old-survey.yaml", "EXAMPLE", "E2b", "CS40", "e013.yml"], 3)).toBe("E014");
    expect(nextId("CS", ["E500", "CS03.yaml"], 2)).toBe("CS04");
  });
});
