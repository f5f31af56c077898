import { describe, expect, it } from "vitest";
import { compareIds } from "./natural-order.js";

describe("compareIds", () => {
  it("orders ids naturally", () => {
    expect(["10", "2", "1"].sort(compareIds)).toEqual(["1", "2", "10"]);
    expect(["1.10", "1.2", "1.1.1", "1.1"].sort(compareIds)).toEqual(["1.1", "1.1.1", "1.2", "1.10"]);
    expect(["E10", "E9", "CS1", "E009"].sort(compareIds)).toEqual(["CS1", "E9", "E009", "E10"]);
    expect(compareIds("a", "a")).toBe(0);
  });
});
