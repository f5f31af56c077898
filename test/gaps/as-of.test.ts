import { describe, expect, it } from "vitest";
import { analyseCoverage } from "../../src/analyse/analyse-coverage.js";
import { WorkTree } from "../../src/load/source-tree.js";
import { readSubmission } from "../../src/model/read-submission.js";
import { testdir } from "../helpers/testdir.js";
import { everyGapSubmission } from "./every-gap-fixture.js";

function analyse(files: Record<string, string>, asOf: string) {
  const checked = readSubmission(new WorkTree(testdir(files)), { asOf });
  expect(checked.errorCount).toBe(0);
  return analyseCoverage(checked.submission, { asOf });
}

describe("the visit day and the as-of date", () => {
  it("before the visit: judges evidence on the visit day; E6 expiring on it and E7 dated 36 months before it are current", () => {
    const r = analyse(everyGapSubmission(), "2015-02-01");
    const byId = new Map(r.elements.map((el) => [el.id, el]));
    expect(r.visitDay).toBe("2015-03-10");
    expect(byId.get("2.1.1")!.staleEvidenceIds).toEqual([]);
    expect(byId.get("1.1.2")!.staleEvidenceIds).toEqual([]);
    expect(byId.get("1.1.3")!.staleEvidenceIds).toEqual(["E2", "E3"]);
  });

  it("after the visit: judges on the as-of date, so more is stale and more actions are overdue", () => {
    const files = everyGapSubmission();
    const r = analyse(files, "2015-04-01");
    const byId = new Map(r.elements.map((el) => [el.id, el]));
    expect(r.visitDay).toBe("2015-04-01");
    expect(byId.get("2.1.1")!.staleEvidenceIds).toEqual(["E6"]);
    expect(byId.get("1.1.2")!.staleEvidenceIds).toEqual(["E7"]);
    // E5 (2014-01-01) is current and E6 stale: not every item is stale, so no gap.
    expect(byId.get("2.1.2")!.gaps).toEqual(["no-owner", "unrated"]);
    expect(r.overdueActions.map((a) => a.title)).toEqual([
      "Run a consultation",
      "Due on the as-of day, so not yet overdue",
    ]);
  });
});

describe("open-finding", () => {
  it("comes from the latest finding's `unlisted` rating too, and an action of any state answers it", () => {
    const files = everyGapSubmission();
    files["assessment/findings/c-newest.yaml"] = `date: 2014-09-01
kind: annual-review
unlisted: partial-compliance
results:
  "1.1.1":
    rating: compliance
`;
    const r = analyse(files, "2015-02-01");
    const open = r.elements.filter((el) => el.gaps.includes("open-finding")).map((el) => el.id);
    // 1.1.1 rated compliance; 1.2.2 has actions; every other element is unlisted and has none.
    expect(open).toEqual(["1.1.2", "1.1.3", "1.2.1", "2.1.1", "2.1.2", "2.1.10"]);
    expect(r.finding!.date).toBe("2014-09-01");
    expect(r.finding!.results.find((f) => f.element === "1.2.2")).toEqual({
      element: "1.2.2",
      rating: "partial-compliance",
      unlisted: true,
      comment: null,
      actions: 3,
      done: 1,
    });
  });

  it("is not raised without findings", () => {
    const files = everyGapSubmission();
    delete files["assessment/findings/a-latest.yaml"];
    delete files["assessment/findings/b-older.yaml"];
    const r = analyse(files, "2015-02-01");
    expect(r.summary.byCode["open-finding"]).toBeUndefined();
    expect(r.finding).toBeNull();
  });
});
