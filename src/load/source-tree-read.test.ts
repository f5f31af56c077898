import { describe, expect, it } from "vitest";
import { testdir } from "../../test/helpers/testdir.js";
import { TooLargeError, WorkTree } from "./source-tree.js";

describe("WorkTree.read", () => {
  const big = "x".repeat(200_000) + "\n";
  const tree = () =>
    new WorkTree(
      testdir({ "empty.yaml": "", "small.yaml": "id: E1\n", "big.yaml": big, "dir/ten.txt": "0123456789" }),
    );

  it("reads files of every size whole", () => {
    const t = tree();
    expect(t.read("empty.yaml")).toHaveLength(0);
    expect(new TextDecoder().decode(t.read("small.yaml"))).toBe("id: E1\n");
    expect(new TextDecoder().decode(t.read("big.yaml"))).toBe(big);
  });

  it("reads a file of exactly the limit and refuses one byte more", () => {
    const t = tree();
    expect(new TextDecoder().decode(t.read("dir/ten.txt", 10))).toBe("0123456789");
    expect(() => t.read("dir/ten.txt", 9)).toThrow(TooLargeError);
  });
});
