import { describe, expect, it } from "vitest";
import { countWords } from "./words.js";

describe("countWords", () => {
  it("counts words as a reader would, ignoring Markdown punctuation", () => {
    expect(countWords("We know our customers well.")).toBe(5);
    expect(countWords("**Bold** claim - see [E001](https://x.example) and 4.3.2; don't panic")).toBe(8);
    expect(countWords("Croeso i Dŷ'r Llyfrgell")).toBe(4);
    expect(countWords("")).toBe(0);
  });
});
