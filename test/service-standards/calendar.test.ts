import fs from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { escapeText, fold } from "../../src/output/icalendar.js";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { minimalSubmission } from "../helpers/minimal.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1733097600" }; // 2024-12-02T00:00:00Z

function submission(extra: Record<string, string> = {}): Record<string, string> {
  const files = minimalSubmission();
  files["cse.yaml"] = files["cse.yaml"]!.replace(
    "  date: 2015-03-10\n",
    "  date: 2015-03-10\n  evidence_due: 2015-02-16\n",
  );
  files["assessment/self.yaml"] += `  "2.1.1":
    owner: cat
    actions:
      - title: "Train every new starter; the Welsh course, too — croeso"
        due: 2015-02-28
      - title: Done already
        due: 2015-01-01
        done: true
      - title: No due day yet
`;
  return { ...files, ...extra };
}

async function calendar(dir: string, env = EPOCH) {
  const r = await runCse(["calendar", "--dir", dir], { env });
  expect(r.code).toBe(0);
  return fs.readFileSync(path.join(dir, "out/submission.ics"), "utf8");
}

function events(ics: string) {
  const vcal = new ICAL.Component(ICAL.parse(ics));
  return vcal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      allDay: e.startDate.isDate,
      summary: e.summary,
      description: e.description,
    };
  });
}

describe("cse calendar", () => {
  it("writes the visit, the evidence due day and every open action with a due day, which ical.js reads back", async () => {
    const parsed = events(await calendar(testdir(submission())));
    expect(parsed.map((e) => [e.start, e.summary])).toEqual([
      ["2015-03-10", "Annual review: the assessor's visit"],
      ["2015-02-16", "Evidence due to the assessor (annual review)"],
      ["2015-01-31", "1.2.1: Review engagement"],
      ["2015-02-28", "2.1.1: Train every new starter; the Welsh course, too — croeso"],
    ]);
    expect(parsed.every((e) => e.allDay)).toBe(true);
    expect(parsed[3]!.description).toMatch(/^Owner: Cat Example\. /);
    expect(parsed[2]!.description).toMatch(/^Owner: Bob Example\. /);
  });

  it("keeps to RFC 5545: CRLF only, no line over 75 octets, escaped text", async () => {
    const ics = await calendar(testdir(submission()));
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(ics).toContain("Train every new starter\\; the Welsh course\\, too");
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
    // A multi-byte character is never split by a fold: 12 + 31 × 2 octets, then a space and 29 × 2.
    const folded = fold(`DESCRIPTION:${"é".repeat(60)}`);
    for (const piece of folded.split("\r\n")) expect(Buffer.from(piece, "utf8").toString("utf8")).toBe(piece);
    expect(folded.split("\r\n").map((p) => Buffer.byteLength(p))).toEqual([74, 59]);
  });

  it("gives the same bytes for the same input and SOURCE_DATE_EPOCH, and the same UIDs after a date moves", async () => {
    const dir = testdir(submission());
    const first = await calendar(dir);
    expect(await calendar(dir)).toBe(first);
    const cse = path.join(dir, "cse.yaml");
    fs.writeFileSync(cse, fs.readFileSync(cse, "utf8").replace("2015-03-10", "2015-03-17"));
    const self = path.join(dir, "assessment/self.yaml");
    fs.writeFileSync(self, fs.readFileSync(self, "utf8").replace("due: 2015-02-28", "due: 2015-03-05"));
    const moved = events(await calendar(dir));
    expect(moved.map((e) => e.uid)).toEqual(events(first).map((e) => e.uid));
    expect(moved[0]!.start).toBe("2015-03-17");
    expect(new Set(moved.map((e) => e.uid)).size).toBe(moved.length);
  });
});
