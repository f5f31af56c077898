import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveWriteTarget, writeInsideRoot } from "../src/util/write-inside-root.js";
import { fingerprint } from "./helpers/fingerprint.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";
import { serviceStandardsSubmission } from "./service-standards/fixture.js";

// Every command that writes into a submission resolves its target inside the root at the
// moment of writing, links and all (src/util/write-inside-root.ts), with the rule the readers
// use. Each case links a folder of the submission to a folder outside that holds a file, and
// checks that nothing outside was written, changed or deleted.

/** A folder outside any submission, with one file in it; returns its path and a snapshot. */
function outside(): { dir: string; snapshot: () => Record<string, string> } {
  const dir = testdir({ "keep.txt": "outside, untouched" });
  const snapshot = () =>
    Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
  return { dir, snapshot };
}

function linkOut(root: string, rel: string, target: string): void {
  fs.rmSync(path.join(root, rel), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.symlinkSync(target, path.join(root, rel));
}

const NEW_EVIDENCE = ["new", "evidence", "--title", "Survey", "--elements", "1.1.1"];
const NEW_CASE_STUDY = ["new", "case-study", "--title", "A story", "--elements", "1.1.1"];

describe("writing commands and links out of the root", () => {
  it.each([
    ["new case-study", "evidence/case-studies", NEW_CASE_STUDY],
    ["new evidence", "evidence", NEW_EVIDENCE],
    ["schema", "schemas", ["schema"]],
    [
      "new service-standard",
      "service-standards",
      ["new", "service-standard", "--title", "We answer", "--target", "90", "--elements", "1.1.1"],
    ],
  ])("cse %s refuses to write through %s linked out", async (_name, linked, args) => {
    const out = outside();
    const root = testdir(minimalSubmission());
    if (linked === "schemas") fs.writeFileSync(path.join(out.dir, "evidence.schema.json"), "theirs");
    const before = out.snapshot();
    linkOut(root, linked, out.dir);
    const r = await runCse(args, { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${linked}.* is a link that leads out of it`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(out.snapshot()).toEqual(before);
  });

  it("cse build refuses a build.output linked out, while --out goes where the user says", async () => {
    const out = outside();
    const root = testdir(minimalSubmission());
    linkOut(root, "out", out.dir);
    const refused = await runCse(["build", "--format", "html"], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain("outside-root");
    expect(out.snapshot()).toEqual({ "keep.txt": "outside, untouched" });
    const elsewhere = testdir({});
    const chosen = await runCse(["build", "--format", "html", "--out", elsewhere], {
      cwd: testdir(minimalSubmission()),
    });
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(fs.readdirSync(elsewhere)).toEqual(["submission.html"]);
  });

  it.each([["export", ["export"]]])(
    "cse %s refuses a build.output linked out, while --out goes where the user says",
    async (_n, args) => {
      const out = outside();
      const root = testdir(minimalSubmission());
      const before = out.snapshot();
      linkOut(root, "out", out.dir);
      const r = await runCse([...args, "--dir", root], { cwd: root });
      // Export reads a submission with errors too, so the refusal comes at the write. (Calendar, like
      // build, refuses earlier: a build.output linked out is an outside-root error of validate.)
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/\bout\b|has errors/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(out.snapshot()).toEqual(before);
      const chosen = path.join(out.dir, "chosen.file");
      const mine = await runCse([...args, "--out", chosen], { cwd: root });
      expect(mine.code, mine.stderr).toBe(0);
      expect(fs.existsSync(chosen)).toBe(true);
    },
  );

  // The rest of the writing commands (B8's list): each with the folder it writes into linked
  // out, that folder's files copied outside first so the command has what it reads. Whether
  // the refusal comes from reading (outside-root) or from writing, nothing outside changes.
  it.each([
    ["assign", "assessment", ["assign", "ann", "1.1.1"], minimalSubmission],
    ["finding new", "assessment/findings", ["finding", "new"], minimalSubmission],
    ["calendar", "out", ["calendar"], minimalSubmission],
    ["import", "evidence/imported", ["import", "log.csv"], minimalSubmission],
    ["record", "service-standards", ["record", "SS-Q", "2026-Q1", "2.5"], serviceStandardsSubmission],
  ] as const)("cse %s writes nothing through %s linked out", async (_name, linked, args, files) => {
    const out = outside();
    const root = testdir({ ...files(), "log.csv": "ID,Title,Element\nE900,Survey 2026,1.1.1\n" });
    const here = path.join(root, linked);
    if (fs.existsSync(here)) fs.cpSync(here, out.dir, { recursive: true });
    const before = fingerprint(out.dir);
    linkOut(root, linked, out.dir);
    const r = await runCse([...args, "--dir", root], { cwd: root });
    expect(r.code, r.stdout + r.stderr).not.toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fingerprint(out.dir)).toEqual(before);
  });

  it("cse visit next writes nothing through a cse.yaml linked out", async () => {
    const out = outside();
    const root = testdir(minimalSubmission());
    fs.copyFileSync(path.join(root, "cse.yaml"), path.join(out.dir, "cse.yaml"));
    const before = out.snapshot();
    fs.rmSync(path.join(root, "cse.yaml"));
    fs.symlinkSync(path.join(out.dir, "cse.yaml"), path.join(root, "cse.yaml"));
    const r = await runCse(["visit", "next", "--date", "2016-03-10", "--dir", root], { cwd: root });
    expect(r.code, r.stdout + r.stderr).not.toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(out.snapshot()).toEqual(before);
  });

  it("cse init refuses a folder whose evidence/ is a link out", async () => {
    const out = outside();
    const root = testdir({});
    linkOut(root, "evidence", out.dir);
    const r = await runCse(["init", "--organisation", "Anytown"], { cwd: root });
    expect(r.code).toBe(2);
    expect(out.snapshot()).toEqual({ "keep.txt": "outside, untouched" });
  });

  it("the target is resolved at the moment of writing, not when the command began", () => {
    const out = outside();
    const root = testdir({ "evidence/E001.yaml": "id: E001\n" });
    expect(resolveWriteTarget(root, "evidence/case-studies/CS01.yaml")).toBe(
      path.join(fs.realpathSync(root), "evidence/case-studies/CS01.yaml"),
    );
    // A folder swapped for a link after a first check is caught by the write itself.
    linkOut(root, "evidence/case-studies", out.dir);
    expect(() => writeInsideRoot(root, [{ path: "evidence/case-studies/CS01.yaml", content: "x" }])).toThrow(
      /evidence\/case-studies is a link that leads out/,
    );
    expect(() => writeInsideRoot(root, [{ path: "../escape.yaml", content: "x" }])).toThrow(/outside/);
    expect(() => writeInsideRoot(root, [{ path: "/etc/escape.yaml", content: "x" }])).toThrow(/outside/);
    expect(out.snapshot()).toEqual({ "keep.txt": "outside, untouched" });
  });

  it("links that stay inside the root are followed", () => {
    const root = testdir({ "real/keep.txt": "x" });
    fs.symlinkSync("real", path.join(root, "alias"));
    const [written] = writeInsideRoot(root, [{ path: "alias/new.txt", content: "y" }]);
    expect(written).toBe(path.join(fs.realpathSync(root), "real/new.txt"));
    expect(fs.readFileSync(path.join(root, "real/new.txt"), "utf8")).toBe("y");
  });
});

// B10: a committed file whose name looks like one of cse's old temporaries survives a build.
it("cse build leaves a committed file shaped like a temporary in build.output", async () => {
  const minimal = minimalSubmission();
  const root = testdir({
    ...minimal,
    "cse.yaml": `${minimal["cse.yaml"]}build:\n  output: notes\n`,
    "notes/.minutes.4000000.deadbeef.tmp": "committed minutes",
  });
  const r = await runCse(["build", "--format", "html"], { cwd: root });
  expect(r.code, r.stderr).toBe(0);
  expect(fs.readFileSync(path.join(root, "notes/.minutes.4000000.deadbeef.tmp"), "utf8")).toBe(
    "committed minutes",
  );
  expect(fs.readdirSync(path.join(root, "notes")).sort()).toEqual([
    ".minutes.4000000.deadbeef.tmp",
    "submission.html",
  ]);
});
