import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, gitIn, gitRepo, writeFiles, repoTemplate } from "./helpers/git-repo.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

const JSON_AT = ["--format", "json", "--as-of", "2015-01-10"];

/** E001 and E002 committed in June; in November E001 is edited and E003 added (for 2.1.2); then E002 is edited, uncommitted. */
function makeHistory(): { dir: string; june: string; november: string } {
  const files = minimalSubmission();
  const dir = gitRepo(files);
  const june = commitAll(dir, "Initial submission", "2014-06-01");
  gitIn(dir, ["tag", "assessed-2014"]);
  writeFiles(dir, {
    "evidence/E001.yaml": files["evidence/E001.yaml"]!.replace(
      "Who our customers are.",
      "Who our customers are, updated.",
    ),
    "evidence/E003.yaml":
      'id: E003\ntitle: Survey\ndescription: Results.\ntype: survey\ndate: 2014-10-01\nelements: ["2.1.2"]\n',
  });
  const november = commitAll(dir, "Update", "2014-11-01");
  writeFiles(dir, {
    "evidence/E002.yaml": files["evidence/E002.yaml"]!.replace("How we engage.", "How we engage, revised."),
  });
  return { dir, june, november };
}

/** Made once for the file, copied for each test. */
const history = repoTemplate(makeHistory);

describe("cse gaps and git", () => {
  it("adds lastChanged per element and per item to the JSON", async () => {
    const { dir, june, november } = history();
    const r = await runCse(["gaps", ...JSON_AT], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      "asOf",
      "visitDay",
      "summary",
      "elements",
      "advisories",
      "lastChanged",
    ]);
    expect(
      Object.fromEntries(
        json.elements.map((e: { id: string; lastChanged: string | null }) => [e.id, e.lastChanged]),
      ),
    ).toEqual({
      "1.1.1": "2014-11-01",
      "1.1.2": "2014-11-01",
      "1.2.1": "2014-06-01",
      "2.1.1": "2014-06-01",
      "2.1.2": "2014-11-01",
    });
    expect(json.lastChanged).toEqual({
      known: true,
      items: {
        CS01: { date: "2014-06-01", commit: june, uncommitted: false },
        E001: { date: "2014-11-01", commit: november, uncommitted: false },
        E002: { date: "2014-06-01", commit: june, uncommitted: true },
        E003: { date: "2014-11-01", commit: november, uncommitted: false },
      },
    });
  });

  it("reads the submission and its history as at --ref", async () => {
    const { dir, june } = history();
    const r = await runCse(["gaps", ...JSON_AT, "--ref", "assessed-2014"], { cwd: dir });
    const json = JSON.parse(r.stdout);
    expect(json.elements.find((e: { id: string }) => e.id === "2.1.2")).toMatchObject({
      evidence: 0,
      gaps: ["no-evidence", "no-owner", "unrated", "no-statement"],
      lastChanged: null,
    });
    expect(json.lastChanged.items.E001).toEqual({ date: "2014-06-01", commit: june, uncommitted: false });
    expect(json.lastChanged.items.E003).toBeUndefined();
  });

  it("says the dates are unknown in a shallow clone", async () => {
    const { dir } = history();
    const clone = path.join(testdir({}), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${dir}`, clone], { stdio: "ignore" });
    const json = JSON.parse((await runCse(["gaps", ...JSON_AT], { cwd: clone })).stdout);
    expect(json.lastChanged).toEqual({
      known: false,
      reason: "shallow",
      message: expect.stringContaining("shallow clone"),
    });
    expect(json.elements.every((e: { lastChanged: unknown }) => e.lastChanged === null)).toBe(true);
  });

  it("keeps FORMAT.md's JSON outside git, and --ref says it needs git", async () => {
    const dir = testdir(minimalSubmission());
    const json = JSON.parse((await runCse(["gaps", ...JSON_AT], { cwd: dir })).stdout);
    expect(Object.keys(json)).toEqual(["asOf", "visitDay", "summary", "elements", "advisories"]);
    const r = await runCse(["gaps", "--ref", "HEAD"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not inside a git repository; --ref needs one");
  });
});
