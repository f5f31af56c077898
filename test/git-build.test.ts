import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, gitIn, gitRepo, writeFiles, repoTemplate } from "./helpers/git-repo.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

const ARGS = ["--as-of", "2015-01-10", "--format", "html"];
const ENV = { SOURCE_DATE_EPOCH: "1420848000" };

/** The text of an HTML section (tags dropped, spaces collapsed), from its id to the next top-level section. */
function sectionText(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  if (at < 0) return "";
  const start = html.indexOf(">", at) + 1;
  const next = html.indexOf('class="section section-', start);
  const end = next < 0 ? html.length : html.lastIndexOf("<", next);
  return html
    .slice(start, end)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function packOf(dir: string): string {
  return fs.readFileSync(path.join(dir, "out/submission.html"), "utf8");
}

/** assessed-2014, then a committed year of work, then one uncommitted edit. */
function makeHistory(): { dir: string; first: string; second: string } {
  const files = minimalSubmission();
  const dir = gitRepo(files);
  const first = commitAll(dir, "Initial submission", "2014-06-01");
  gitIn(dir, ["tag", "assessed-2014"]);
  writeFiles(dir, {
    "evidence/E003.yaml":
      'id: E003\ntitle: Customer survey\ndescription: Results.\ntype: survey\ndate: 2014-10-01\nelements: ["1.1.2", "2.1.2"]\n',
    "assessment/self.yaml": files["assessment/self.yaml"]!.replace(
      "rating: partial-compliance",
      "rating: compliance",
    ).replace("done: false", "done: true"),
  });
  const second = commitAll(dir, "A year of work", "2014-11-01");
  writeFiles(dir, {
    "evidence/E002.yaml": files["evidence/E002.yaml"]!.replace("How we engage.", "How we engage, revised."),
  });
  return { dir, first, second };
}

/** Made once for the file, copied for each test. */
const history = repoTemplate(makeHistory);

describe("cse build and git", () => {
  it("adds Changes since REV, last-changed dates and the commit, saying when there are uncommitted changes", async () => {
    const { dir, first, second } = history();
    const r = await runCse(["build", "--since", "assessed-2014", ...ARGS], { cwd: dir, env: ENV });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const html = packOf(dir);
    expect(html).toContain(`From commit`);
    expect(html.replace(/<[^>]+>/g, "")).toContain(`${second} with uncommitted changes`);
    expect(sectionText(html, "changes-since")).toBe(
      [
        `Changes since assessed-2014 What changed in the submission from assessed-2014 (${first.slice(0, 12)}) to the files this pack was built from.`,
        "Judged as of 2015-01-10: elements covered 4 → 5 of 5; elements with gaps 4 → 3.",
        "Elements that changed (3) Element What changed",
        "1.1.2 evidence 1 → 2; now cited by E003",
        "1.2.1 gaps closed: below-standard; self-rating Partial Compliance → Compliance",
        "2.1.2 evidence 0 → 1; now cited by E003; gaps closed: no-evidence",
        "Evidence items (1 added, 1 changed) Id Status Title What changed",
        "E003 Added Customer survey added in evidence/E003.yaml; names 1.1.2, 2.1.2",
        "E002 Changed Customer strategy changed description",
        "Actions (1 changed) Element Status Action What changed 1.2.1 Changed Review engagement now done Back to the contents",
      ].join(" "),
    );
    // It comes straight after At a glance, and is in the contents.
    expect(html.indexOf('id="changes-since"')).toBeGreaterThan(html.indexOf('id="at-a-glance"'));
    expect(html).toMatch(/href="#changes-since"[^>]*>Changes since assessed-2014</);
    // The commit and last-changed dates are in the appendix, not in the evidence index.
    expect(sectionText(html, "evidence-index")).not.toContain("Last changed");
    const record = sectionText(html, "build-record");
    expect(record).toContain(
      `E002 1 June 2014 (commit ${first.slice(0, 12)} ), with uncommitted edits since`,
    );
    expect(record).toContain(`E003 1 November 2014 (commit ${second.slice(0, 12)} )`);
  });

  it("builds from a revision with --ref, leaving the work tree alone", async () => {
    const { dir, first } = history();
    const r = await runCse(["build", "--ref", "assessed-2014", ...ARGS], { cwd: dir, env: ENV });
    expect(r.code).toBe(0);
    const html = packOf(dir);
    expect(html.replace(/<[^>]+>/g, "")).toContain(`From commit${first}`);
    expect(html).not.toContain("uncommitted");
    expect(html).not.toContain("E003");
    expect(sectionText(html, "build-record")).toContain(`E002 1 June 2014 (commit ${first.slice(0, 12)} )`);
    expect(fs.readFileSync(path.join(dir, "evidence/E002.yaml"), "utf8")).toContain(
      "How we engage, revised.",
    );
  });

  it("gives the same bytes twice from the same commit", async () => {
    const { dir } = history();
    gitIn(dir, ["stash", "-q"]);
    await runCse(["build", "--since", "assessed-2014", ...ARGS], { cwd: dir, env: ENV });
    const once = packOf(dir);
    await runCse(["build", "--since", "assessed-2014", ...ARGS], { cwd: dir, env: ENV });
    expect(packOf(dir)).toBe(once);
  });

  it("says last-changed dates are unknown in a shallow clone", async () => {
    const { dir } = history();
    const clone = path.join(testdir({}), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${dir}`, clone], { stdio: "ignore" });
    const r = await runCse(["build", ...ARGS], { cwd: clone, env: ENV });
    expect(r.code).toBe(0);
    const index = sectionText(packOf(clone), "build-record");
    expect(index).toContain(
      "Last-changed dates are not shown: this is a shallow clone whose history is cut short, so last-changed dates are unknown",
    );
    expect(index).not.toContain("Last changed");
  });

  it("works outside git without dates or a commit; --since and --ref say they need git", async () => {
    const dir = testdir(minimalSubmission());
    const r = await runCse(["build", ...ARGS], { cwd: dir, env: ENV });
    expect(r.code).toBe(0);
    const html = packOf(dir);
    expect(html).not.toContain("From commit");
    expect(html).not.toContain("Last changed");
    for (const flag of ["--since", "--ref"]) {
      const bad = await runCse(["build", flag, "HEAD", ...ARGS], { cwd: dir, env: ENV });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(`is not inside a git repository; ${flag} needs one`);
    }
  });

  it("refuses an unknown --since revision with exit 2 and writes nothing", async () => {
    const { dir } = history();
    const r = await runCse(["build", "--since", "assessed-2013", ...ARGS], { cwd: dir, env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cse: unknown revision "assessed-2013"/);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});
