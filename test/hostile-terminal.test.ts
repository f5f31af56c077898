import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gitIn, gitRepo, writeFiles } from "./helpers/git-repo.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { PROJECT_ROOT, testdir } from "./helpers/testdir.js";

// A section id holding "\r\e[K\e[32m✔ No problems…\e[8m" once drew a green "No problems" over
// the error line and hid the summary. Every command that prints a submission's text is run on
// a terminal with colour forced, and nothing from the submission may act on the terminal.

const FAKE = String.raw`\r\e[K\e[32m✔ No problems in 15 files\e[8m`;
const EVIDENCE = `id: E003\ntitle: "Report ${FAKE}"\ndescription: "${FAKE}"\ntype: report\ndate: 2014-01-01\nelements: ["1.1.1"]\n`;

/** None of the submission's sequences acts: its colours, and its carriage return and erase. */
function expectInert(output: string): void {
  expect(output).not.toContain("\x1b[8m");
  expect(output).not.toContain("\x1b[32m✔ No problems in 15");
  // cse's own progress line is the only carriage return not ending a line, and it is followed
  // by cse's own words.
  expect(output.replace(/\r\x1b\[K(?=[A-Z]|$)/g, "")).not.toMatch(/\r(?!\n)|\x1b\[K/);
}

/** The submission's text is shown, its escapes as ^[ (Markdown escapes the bracket). */
const SHOWN = /\^\[\\?\[32m✔ No problems/;

const TTY = { tty: true, env: { FORCE_COLOR: "1" } };

describe("a submission's text that imitates cse's own output, on a terminal", () => {
  const minimal = minimalSubmission();
  const files = {
    ...minimal,
    "criteria/standard.yaml": (minimal["criteria/standard.yaml"] ?? "").replace(
      "title: Customer Service Excellence",
      `title: "Customer Service Excellence${FAKE}"`,
    ),
    "evidence/E003.yaml": EVIDENCE,
  };

  it.each([[["show", "E003"]], [["list", "evidence"]], [["gaps"]], [["gaps", "--format", "markdown"]]])(
    "cse %s shows it as text",
    async (args) => {
      const r = await runCse(args, { cwd: testdir(files), ...TTY });
      expect(r.code, r.stderr).toBe(0);
      expectInert(r.stdout + r.stderr);
      expect(r.stdout).toMatch(SHOWN);
    },
  );

  it("in validate's and build's messages, while cse's own colours still pass", async () => {
    const dir = testdir({
      ...minimalSubmission(),
      "assessment/more.yaml": `elements:\n  "1.1.1${FAKE}":\n    owner: ann\n`,
    });
    for (const command of ["validate", "build"]) {
      const r = await runCse([command], { cwd: dir, ...TTY });
      expect(r.code).toBe(1);
      expectInert(r.stdout);
      // stderr holds cse's progress line, written and cleared with its own \r\x1b[K.
      expect(r.stderr).not.toMatch(/\x1b\[8m|\x1b\[32m✔/);
      const printed = command === "validate" ? r.stdout : r.stderr;
      expect(printed).toMatch(SHOWN);
      expect(printed).toContain("\x1b[31m");
    }
  });

  it("in diff's table", async () => {
    const dir = gitRepo(minimalSubmission());
    gitIn(dir, ["add", "-A"]);
    gitIn(dir, ["commit", "-qm", "first"]);
    writeFiles(dir, { "evidence/E003.yaml": EVIDENCE });
    const r = await runCse(["diff", "HEAD"], { cwd: dir, ...TTY });
    expect(r.code, r.stderr).toBe(0);
    expectInert(r.stdout + r.stderr);
    expect(r.stdout).toMatch(SHOWN);
  });
});

describe("the one way out to a terminal", () => {
  // Commands write only through the Io that run() guards, and colour only with the marked
  // styles of src/util/terminal-style.ts, so a new command cannot go round the guard.
  const sources = fs
    .readdirSync(path.join(PROJECT_ROOT, "src"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  const code = (f: string) =>
    fs.readFileSync(path.join(PROJECT_ROOT, "src", f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");

  it("no module writes to the process's streams or the console itself", () => {
    const writers = sources.filter((f) => /\bprocess\.(stdout|stderr)\b|\bconsole\.\w+\(/.test(code(f)));
    expect(writers).toEqual([]);
  });

  it("no module colours with unmarked sequences", () => {
    // progress.ts writes its "\r\x1b[K" through ownSequence.
    const colourers = sources.filter((f) => /from "chalk"|\\x1b\[|\\u001b\[/.test(code(f)));
    expect(colourers.sort()).toEqual(["cli/progress.ts", "util/terminal-style.ts"]);
  });
});
