import { describe, expect, it } from "vitest";
import { closest, didYouMean, editDistance } from "./closest.js";

describe("closest", () => {
  it("measures edits, a swap counting as one", () => {
    expect(editDistance("descripton", "description")).toBe(1);
    expect(editDistance("reprot", "report")).toBe(1);
    expect(editDistance("abc", "abc")).toBe(0);
  });

  it("offers the nearest ids and fields", () => {
    expect(closest("4.3.7", ["4.3.1", "4.3.2", "1.1.1", "4.2.7"], 2)).toEqual(["4.2.7", "4.3.1"]);
    expect(closest("partial", ["compliance", "partial-compliance"], 1)).toEqual(["partial-compliance"]);
    expect(closest("zzzzzz", ["description"], 3)).toEqual([]);
    expect(didYouMean("descripton", ["description", "date"])).toBe(" Did you mean `description`?");
  });

  it("gives up on very long words instead of building a huge table (a hostile file's ids)", () => {
    // Without the cap this is a 50,000 × 50,000 table: minutes and gigabytes.
    const long = "a".repeat(50_000);
    expect(closest(long, [`${long}b`, "a"])).toEqual([]);
    expect(closest("abc", [long, "abd"])).toEqual(["abd"]);
  });
});
