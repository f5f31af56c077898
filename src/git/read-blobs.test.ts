import { describe, expect, it } from "vitest";
import { commitAll, gitIn, gitRepo } from "../../test/helpers/git-repo.js";
import { GitError } from "./git-command.js";
import { readBlobs } from "./read-blobs.js";

describe("readBlobs", () => {
  it("reads many files of a revision in one batch", () => {
    const dir = gitRepo({ "a.yaml": "id: a\n", "b.yaml": "id: b\n" });
    commitAll(dir, "first", "2014-01-01");
    const ids = ["a.yaml", "b.yaml"].map((f) => gitIn(dir, ["rev-parse", `HEAD:${f}`]).trim());
    const blobs = readBlobs(dir, ids);
    expect(ids.map((id) => blobs.get(id)?.toString("utf8"))).toEqual(["id: a\n", "id: b\n"]);
  });

  it("says in plain words, as a git problem (exit 2), when git cannot give a file", () => {
    const dir = gitRepo({ "a.yaml": "id: a\n" });
    commitAll(dir, "first", "2014-01-01");
    const gone = "0123456789abcdef0123456789abcdef01234567";
    expect(() => readBlobs(dir, [gone])).toThrow(GitError);
    expect(() => readBlobs(dir, [gone])).toThrow(/repository is damaged: object 0123456789ab.*git fsck/);
  });
});
