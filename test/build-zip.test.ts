import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderZipBundle } from "../src/cli/actions/build-zip.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { packOf } from "./helpers/pack-document.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";
import { readZip, type ZipEntryRead } from "./helpers/zip-read.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1420934400" }; // 2015-01-11

/** The minimal submission with attachments: one shared by two items, one in a folder with a space, one of a draft. */
function fixture(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { ...minimalSubmission() };
  files["evidence/E001.yaml"] += "files: [shared.csv, 'scans/front desk.png']\n";
  files["evidence/E002.yaml"] += "files: [shared.csv]\n";
  files["evidence/E003.yaml"] = `id: E003
title: Draft note
description: Not ready.
type: other
date: 2014-08-01
status: draft
files: [draft.txt]
elements: ["2.1.2"]
`;
  files["evidence/shared.csv"] = "a,b\n1,2\n";
  files["evidence/scans/front desk.png"] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
  files["evidence/draft.txt"] = "draft\n";
  return files;
}

let dir: string;
let bytes: Buffer;
let entries: ZipEntryRead[];

beforeAll(async () => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cse-zip-")));
  for (const [rel, content] of Object.entries(fixture())) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  const r = await runCse(["build", "--format", "html,zip"], { cwd: dir, env: EPOCH });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/Wrote out\/submission\.html .*\nWrote out\/submission\.zip /);
  bytes = fs.readFileSync(path.join(dir, "out/submission.zip"));
  entries = await readZip(bytes);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const entry = (name: string) => entries.find((e) => e.name === name);

describe("cse build --format zip", () => {
  it("holds index.html, the ready items' attachments at their paths and manifest.csv, in path order", () => {
    expect(entries.map((e) => e.name)).toEqual([
      "evidence/scans/front desk.png",
      "evidence/shared.csv",
      "index.html",
      "manifest.csv",
    ]);
    expect(entry("evidence/shared.csv")!.bytes.toString()).toBe("a,b\n1,2\n");
    // An already-compressed file is stored as it is; text is deflated.
    expect(entry("evidence/scans/front desk.png")!.method).toBe(0);
    expect(entry("index.html")!.method).toBe(8);
  });

  it("lists every other file in manifest.csv with its size, SHA-256 and the items citing it", () => {
    const lines = entry("manifest.csv")!.bytes.toString().trimEnd().split("\r\n");
    expect(lines[0]).toBe("path,bytes,sha256,cited_by");
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows.map((r) => r[0])).toEqual([
      "evidence/scans/front desk.png",
      "evidence/shared.csv",
      "index.html",
    ]);
    for (const [file, size, hash] of rows) {
      const e = entry(file!)!;
      expect(Number(size)).toBe(e.bytes.length);
      expect(hash).toBe(sha(e.bytes));
    }
    expect(rows.find((r) => r[0] === "evidence/shared.csv")![3]).toBe("E001;E002");
    expect(rows.find((r) => r[0] === "index.html")![3]).toBe("");
  });

  it("links each attachment from index.html to the file's place in the unzipped folder", () => {
    const html = entry("index.html")!.bytes.toString();
    const hrefs = [...html.matchAll(/<a href="([^"#][^"]*)"><code>/g)].map((m) => decodeURIComponent(m[1]!));
    expect(hrefs.sort()).toEqual([
      "evidence/scans/front desk.png",
      "evidence/shared.csv",
      "evidence/shared.csv",
    ]);
    for (const h of hrefs) expect(entry(h)).toBeDefined();
    // The HTML pack written beside it keeps names as plain text: out/ holds no attachments.
    expect(fs.readFileSync(path.join(dir, "out/submission.html"), "utf8")).not.toContain(
      '<a href="evidence/',
    );
  });

  it("carries the PDF and Word packs when they are built too, and drafts with --include-drafts", async () => {
    const r = await runCse(["build", "--format", "zip,docx,pdf", "--include-drafts", "--out", "full"], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.code).toBe(0);
    const full = await readZip(fs.readFileSync(path.join(dir, "full/submission.zip")));
    const names = full.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(["submission.pdf", "submission.docx", "evidence/draft.txt"]),
    );
    const pdf = full.find((e) => e.name === "submission.pdf")!.bytes;
    expect(pdf.equals(fs.readFileSync(path.join(dir, "full/submission.pdf")))).toBe(true);
  });

  it("gives the same bytes again, every entry dated the build day", async () => {
    const r = await runCse(["build", "--format", "zip", "--out", "again"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "again/submission.zip")).equals(bytes)).toBe(true);
    for (const e of entries) expect([e.dosDate, e.dosTime]).toEqual([(35 << 9) | (1 << 5) | 11, 0]);
  });

  it("fails whole, leaving no temporary, when an attachment is not what the pack says it is", async () => {
    const { doc, root: d, tree } = packOf(fixture(), { date: "2015-01-11", attachments: true });
    // As if the file changed between being hashed for the pack and being put in the bundle.
    const changed = doc.attachments.find((a) => a.path === "evidence/shared.csv")!;
    changed.sha256 = "0".repeat(64);
    fs.mkdirSync(path.join(d, "out"));
    const target = path.join(d, "out/submission.zip");
    await expect(renderZipBundle(doc, { tree, opts: {}, target })).rejects.toThrow(
      "the attachment evidence/shared.csv changed while the bundle was being made; build again",
    );
    expect(fs.readdirSync(path.join(d, "out"))).toEqual([]);
  });
});

describe("cse build --format with several formats", () => {
  it("refuses an unknown format by name, writing nothing", async () => {
    const d = testdir(minimalSubmission());
    const r = await runCse(["build", "--format", "html,word"], { cwd: d, env: EPOCH });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"word"');
    expect(r.stderr).toContain("html, pdf, docx or zip");
    expect(fs.existsSync(path.join(d, "out"))).toBe(false);
  });

  it("builds what build.formats lists", async () => {
    const files = minimalSubmission();
    files["cse.yaml"] += "build:\n  formats: [docx, html]\n";
    const d = testdir(files);
    const r = await runCse(["build"], { cwd: d, env: EPOCH });
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(d, "out")).sort()).toEqual(["submission.docx", "submission.html"]);
  });
});
