import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSubmission } from "../src/load/load-submission.js";
import { WorkTree, type TreeEntry } from "../src/load/source-tree.js";
import { readSubmission } from "../src/model/read-submission.js";
import { commitAll, gitRepo } from "./helpers/git-repo.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

// Issue 9, paths: nothing outside the submission's root is ever read. Each test puts a secret
// outside the root, reaches for it in one way, and checks the secret appears in no output.

const SECRET = "SECRET-7f3a91";
const AS_OF = "2015-01-10";

/** A folder outside the submission holding files that would leak the secret if read. */
function outsideFolder(): string {
  return testdir({
    // A valid evidence item whose title, and an unknown field whose name, would be echoed.
    "secret.yaml": `id: E900\ntitle: ${SECRET}\ndescription: x\ntype: report\ndate: 2014-01-01\nelements: ["1.1.1"]\n${SECRET.replace(/-/g, "_")}: 1\n`,
    "secret.pdf": `%PDF-1.4 ${SECRET}\n`,
    "secret.md": `# ${SECRET}\n`,
    "self.yaml": `elements:\n  "2.1.2":\n    statement: ${SECRET}\n    ${SECRET.replace(/-/g, "_")}: 1\n`,
  });
}

function submission(extra: Record<string, string> = {}): string {
  return testdir({ ...minimalSubmission(), ...extra });
}

function evidenceWithFiles(files: string[]): string {
  return `id: E050\ntitle: Attachments\ndescription: x\ntype: report\ndate: 2014-01-01\nelements: ["1.1.1"]\nfiles:\n${files.map((f) => `  - ${JSON.stringify(f)}`).join("\n")}\n`;
}

/** Runs validate in every format and gaps; returns everything printed, and validate's JSON diagnostics. */
async function everyOutput(
  dir: string,
): Promise<{ text: string; diagnostics: { file: string; code: string; message: string }[] }> {
  let text = "";
  let diagnostics: { file: string; code: string; message: string }[] = [];
  for (const format of ["json", "text", "github"]) {
    const r = await runCse(["validate", "--as-of", AS_OF, "--format", format], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    text += r.stdout + r.stderr;
    if (format === "json") diagnostics = JSON.parse(r.stdout).diagnostics;
  }
  const gaps = await runCse(["gaps", "--as-of", AS_OF, "--format", "json"], { cwd: dir });
  text += gaps.stdout + gaps.stderr;
  return { text, diagnostics };
}

describe("attachments that reach outside the root", () => {
  it.each([
    ["climbing out with ..", "../../../outside/secret.pdf"],
    ["climbing out and back in", "../evidence/../../x/secret.pdf"],
    ["an absolute path", "/etc/passwd"],
    ["a Windows drive path", "C:\\Windows\\win.ini"],
    ["a UNC path", "\\\\server\\share\\secret.pdf"],
  ])("%s is outside-root", async (_, declared) => {
    const dir = submission({ "evidence/E050.yaml": evidenceWithFiles([declared]) });
    const { diagnostics } = await everyOutput(dir);
    expect(diagnostics).toMatchObject([{ file: "evidence/E050.yaml", code: "outside-root" }]);
  });

  it("a link to a file outside is outside-root, and the file is not read", async () => {
    const outside = outsideFolder();
    const dir = submission({ "evidence/E050.yaml": evidenceWithFiles(["attachments/report.pdf"]) });
    fs.mkdirSync(path.join(dir, "evidence/attachments"));
    fs.symlinkSync(path.join(outside, "secret.pdf"), path.join(dir, "evidence/attachments/report.pdf"));
    const { text, diagnostics } = await everyOutput(dir);
    expect(diagnostics).toMatchObject([
      { file: "evidence/E050.yaml", line: 8, column: 5, code: "outside-root" },
    ]);
    expect(text).not.toContain(SECRET);
  });

  it("a link inside the root is followed, so keeping attachments in a shared folder works", async () => {
    const dir = submission({
      "evidence/E050.yaml": evidenceWithFiles(["report.pdf"]),
      "shared/report.pdf": "%PDF-1.4\n",
    });
    fs.symlinkSync(path.join(dir, "shared/report.pdf"), path.join(dir, "evidence/report.pdf"));
    const r = await runCse(["validate", "--as-of", AS_OF, "--format", "json"], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
  });

  it("link loops and dangling links are missing-file, and the run ends", async () => {
    const dir = submission({
      "evidence/E050.yaml": evidenceWithFiles(["loop.pdf", "dangling.pdf", "a.pdf"]),
    });
    fs.symlinkSync("loop.pdf", path.join(dir, "evidence/loop.pdf"));
    fs.symlinkSync("nowhere/at/all.pdf", path.join(dir, "evidence/dangling.pdf"));
    fs.symlinkSync("b.pdf", path.join(dir, "evidence/a.pdf"));
    fs.symlinkSync("a.pdf", path.join(dir, "evidence/b.pdf"));
    // A folder that links back to its parent: discovery must not walk it for ever.
    fs.symlinkSync("..", path.join(dir, "evidence/up"));
    fs.symlinkSync(".", path.join(dir, "evidence/here"));
    const { diagnostics } = await everyOutput(dir);
    expect(diagnostics.map((d) => d.code)).toEqual(["missing-file", "missing-file", "missing-file"]);
  });
});

describe("YAML files and folders that reach outside the root", () => {
  it("a YAML file that is a link to outside is outside-root and never read", async () => {
    const outside = outsideFolder();
    const dir = submission();
    fs.symlinkSync(path.join(outside, "secret.yaml"), path.join(dir, "evidence/E900.yaml"));
    const { text, diagnostics } = await everyOutput(dir);
    expect(diagnostics).toMatchObject([
      { file: "evidence/E900.yaml", line: 1, column: 1, code: "outside-root" },
    ]);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET.replace(/-/g, "_"));
  });

  it.each(["evidence", "assessment"])(
    "%s/ as a link to a folder outside is outside-root and never read",
    async (folder) => {
      const outside = outsideFolder();
      const dir = submission();
      fs.rmSync(path.join(dir, folder), { recursive: true });
      fs.symlinkSync(outside, path.join(dir, folder));
      const { text, diagnostics } = await everyOutput(dir);
      expect(diagnostics.filter((d) => d.code === "outside-root")).toMatchObject([
        { file: folder, code: "outside-root" },
      ]);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SECRET.replace(/-/g, "_"));
    },
  );

  it("a link to a folder outside, below evidence/, is not followed", async () => {
    const outside = outsideFolder();
    const dir = submission();
    fs.symlinkSync(outside, path.join(dir, "evidence/shared"));
    const r = await runCse(["validate", "--as-of", AS_OF, "--format", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(SECRET);
  });

  it("the standard's folder outside the root, by path or by link, is outside-root", async () => {
    const outside = outsideFolder();
    fs.writeFileSync(path.join(outside, "standard.yaml"), `id: ${SECRET}\ntitle: x\nratings: [{id: a}]\n`);
    const byPath = submission();
    fs.appendFileSync(path.join(byPath, "cse.yaml"), `standard: ${path.relative(byPath, outside)}\n`);
    const byLink = submission();
    fs.symlinkSync(outside, path.join(byLink, "std"));
    fs.appendFileSync(path.join(byLink, "cse.yaml"), "standard: std\n");
    for (const dir of [byPath, byLink]) {
      const r = await runCse(["validate", "--as-of", AS_OF, "--format", "json"], { cwd: dir });
      expect(JSON.parse(r.stdout).diagnostics).toMatchObject([{ file: "cse.yaml", code: "outside-root" }]);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    }
  });

  // "/" loses its slash when the folder is normalised, and was once read as the root.
  it.each([["/"], ["//"], ["\\"], ["C:/"]])("`standard: %s` is outside-root", async (declared) => {
    const dir = submission();
    fs.appendFileSync(path.join(dir, "cse.yaml"), `standard: "${declared.replace(/\\/g, "\\\\")}"\n`);
    const r = await runCse(["validate", "--as-of", AS_OF, "--format", "json"], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics).toMatchObject([{ file: "cse.yaml", code: "outside-root" }]);
  });

  it("the introduction as a link to outside is outside-root", async () => {
    const outside = outsideFolder();
    const dir = submission();
    fs.mkdirSync(path.join(dir, "docs"));
    fs.symlinkSync(path.join(outside, "secret.md"), path.join(dir, "docs/introduction.md"));
    fs.appendFileSync(path.join(dir, "cse.yaml"), "build:\n  introduction: docs/introduction.md\n");
    const { text, diagnostics } = await everyOutput(dir);
    expect(diagnostics).toMatchObject([{ file: "cse.yaml", code: "outside-root" }]);
    expect(text).not.toContain(SECRET);
  });
});

describe("files that change while cse runs", () => {
  /** A work tree that does something to the files right after a folder is listed. */
  class ChangingTree extends WorkTree {
    constructor(
      root: string,
      private readonly afterList: (dir: string) => void,
    ) {
      super(root);
    }
    override list(dir: string): TreeEntry[] {
      const entries = super.list(dir);
      this.afterList(dir);
      return entries;
    }
  }

  it("a YAML file that vanishes after it was found is missing-file, not a crash", () => {
    const dir = submission();
    const tree = new ChangingTree(
      dir,
      (d) => d === "evidence" && fs.rmSync(path.join(dir, "evidence/E002.yaml"), { force: true }),
    );
    const r = readSubmission(tree, { asOf: AS_OF });
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ file: "evidence/E002.yaml", line: 1, column: 1, code: "missing-file" }),
    );
  });

  it("a YAML file swapped for a link to outside after it was found is outside-root, and not read", () => {
    const outside = outsideFolder();
    const dir = submission();
    const tree = new ChangingTree(dir, (d) => {
      if (d !== "evidence") return;
      fs.rmSync(path.join(dir, "evidence/E002.yaml"));
      fs.symlinkSync(path.join(outside, "secret.yaml"), path.join(dir, "evidence/E002.yaml"));
    });
    const r = loadSubmission(tree);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ file: "evidence/E002.yaml", code: "outside-root" }),
    );
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it("reading a path through a link to outside throws, whoever asks", () => {
    const outside = outsideFolder();
    const dir = submission();
    fs.symlinkSync(path.join(outside, "secret.pdf"), path.join(dir, "evidence/secret.pdf"));
    fs.symlinkSync(outside, path.join(dir, "out-link"));
    const tree = new WorkTree(dir);
    expect(() => tree.read("evidence/secret.pdf")).toThrow(/outside/);
    expect(() => tree.read("out-link/secret.pdf")).toThrow(/outside/);
    expect(() => tree.read("../" + path.basename(outside) + "/secret.pdf")).toThrow(/outside/);
    expect(tree.list("out-link")).toEqual([]);
    expect(tree.stat("out-link/secret.pdf")).toEqual({ kind: "outside" });
  });

  it("reading a folder, a missing file or a device throws a plain error, not a hang", () => {
    const dir = submission();
    const tree = new WorkTree(dir);
    expect(() => tree.read("evidence")).toThrow();
    expect(() => tree.read("evidence/nope.yaml")).toThrow(/ENOENT/);
    if (process.platform !== "win32") {
      // A named pipe in a file's place: opened without blocking, refused as not a file.
      const fifo = path.join(dir, "evidence/pipe.yaml");
      if (spawnSync("mkfifo", [fifo]).status === 0)
        expect(() => tree.read("evidence/pipe.yaml")).toThrow(/not a file/);
    }
    if (fs.existsSync("/dev/zero")) {
      fs.symlinkSync("/dev/zero", path.join(dir, "evidence/zero.yaml"));
      expect(() => tree.read("evidence/zero.yaml", 1024)).toThrow(/outside/);
    }
  });
});

describe("a git revision (--ref) whose links reach outside the root", () => {
  it("reads neither the linked YAML file nor the linked attachment", async () => {
    const outside = outsideFolder();
    const dir = gitRepo({ ...minimalSubmission(), "evidence/E050.yaml": evidenceWithFiles(["report.pdf"]) });
    fs.symlinkSync(path.join(outside, "secret.yaml"), path.join(dir, "evidence/E900.yaml"));
    fs.symlinkSync(
      path.relative(path.join(dir, "evidence"), path.join(outside, "secret.pdf")),
      path.join(dir, "evidence/report.pdf"),
    );
    commitAll(dir, "links out", "2014-06-01");
    // The work tree no longer has them: only the revision does.
    fs.rmSync(path.join(dir, "evidence/E900.yaml"));
    fs.rmSync(path.join(dir, "evidence/report.pdf"));
    let text = "";
    for (const format of ["json", "text", "github"]) {
      const r = await runCse(["validate", "--as-of", AS_OF, "--format", format, "--ref", "HEAD"], {
        cwd: dir,
      });
      expect(r.code).toBe(1);
      text += r.stdout + r.stderr;
      if (format === "json") {
        expect(JSON.parse(r.stdout).diagnostics).toMatchObject([
          { file: "evidence/E050.yaml", code: "outside-root" },
          { file: "evidence/E900.yaml", code: "outside-root" },
        ]);
      }
    }
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET.replace(/-/g, "_"));
  });
});

describe("an absolute path is outside the root wherever it is written", () => {
  it("a drive path as the standard and as an attachment are both outside-root", async () => {
    const files = minimalSubmission();
    files["cse.yaml"] += 'standard: "C:/x"\n';
    files["evidence/E001.yaml"] += 'files:\n  - "C:/x.pdf"\n';
    const r = await runCse(["validate", "--format", "json"], { cwd: testdir(files) });
    const codes = (JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics
      .filter((d) => d.file === "cse.yaml" || d.file === "evidence/E001.yaml")
      .map((d) => `${d.file} ${d.code}`);
    expect(codes).toContain("cse.yaml outside-root");
    expect(codes).toContain("evidence/E001.yaml outside-root");
    expect(codes.filter((c) => c.endsWith("missing-file"))).toEqual([]);
  });
});
