import { describe, expect, it } from "vitest";
import { bookmarkNames } from "./bookmark-names.js";

describe("bookmarkNames", () => {
  it("keeps an anchor that fits Word's 40 characters as it is", () => {
    const names = bookmarkNames(["el-1.1.1", "ev-E001", "cs-CS01", "introduction"]);
    expect([...names.values()]).toEqual(["el-1.1.1", "ev-E001", "cs-CS01", "introduction"]);
  });

  it("shortens longer anchors to 40 characters, unique and the same in every build", () => {
    const long = "ev-" + "a-very-long-evidence-identifier-".repeat(2);
    const anchors = [`${long}one`, `${long}two`];
    const names = bookmarkNames(anchors);
    const [one, two] = anchors.map((a) => names.get(a)!);
    expect(one!.length).toBeLessThanOrEqual(40);
    expect(two!.length).toBeLessThanOrEqual(40);
    expect(one).not.toBe(two);
    expect(bookmarkNames([...anchors].reverse()).get(anchors[0]!)).toBe(one);
  });

  it("never gives a shortened name that an anchor of its own already has", () => {
    const long = "x".repeat(50);
    const first = bookmarkNames([long]).get(long)!;
    const names = bookmarkNames([first, long]);
    expect(names.get(first)).toBe(first);
    expect(names.get(long)).not.toBe(first);
    expect(names.get(long)!.length).toBeLessThanOrEqual(40);
  });
});
