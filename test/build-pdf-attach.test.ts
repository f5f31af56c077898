import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { joined, metadataOf, openPdf, pageTexts } from "./helpers/pdf-read.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1420070400" }; // 2015-01-01

// A small Welsh-language submission: a title with characters XML and PDF strings must escape,
// Welsh letters, the euro sign and curly quotes, and two attachments (one binary).
const TITLE = "Cyflwyniad “Rhagoriaeth” 2015 & <drafft>";
const WELSH = "Dŵr a Thŷ’r gymuned: €12 y pen, “croeso” i bawb.";
const BINARY = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
const CSV = "month,visits\n2014-06,1200\n";

function submission(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { ...minimalSubmission() };
  files["cse.yaml"] = files["cse.yaml"]!.toString().replace(
    "organisation: Test Service",
    `organisation: Gwasanaeth Llyfrgell\ntitle: "${TITLE}"\nbuild:\n  language: cy`,
  );
  files["evidence/E001.yaml"] = `id: E001
title: Proffil cwsmeriaid
description: "${WELSH}"
type: report
date: 2014-06-01
owner: ann
files: [files/proffil.bin, files/ymweliadau.csv]
links: ["https://example.org/proffil"]
elements: ["1.1.1", "1.1.2"]
`;
  files["evidence/files/proffil.bin"] = BINARY;
  files["evidence/files/ymweliadau.csv"] = CSV;
  return files;
}

const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");
const squash = (s: string) => s.replace(/\s+/g, "");

describe("cse build --format pdf --attach", () => {
  it("embeds every attachment, lists it with its SHA-256, and keeps Welsh, € and curly quotes intact", async () => {
    const dir = testdir(submission());
    const r = await runCse(["build", "--format", "pdf", "--attach"], { cwd: dir, env: EPOCH });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, "out/submission.pdf"));
    const pdf = await openPdf(bytes);

    const attachments = Object.values(
      (await pdf.getAttachments()) as Record<
        string,
        { filename: string; content: Uint8Array; description: string }
      >,
    );
    // Named by their path in the submission (pdfjs reports the file name; the description has the path).
    expect(attachments.map((a) => a.filename).sort()).toEqual(["proffil.bin", "ymweliadau.csv"]);
    for (const a of attachments) {
      const file = `evidence/files/${a.filename}`;
      const original = fs.readFileSync(path.join(dir, file));
      expect(Buffer.from(a.content).equals(original)).toBe(true);
      expect(a.description).toBe(`${file}: ${original.length} bytes, SHA-256 ${sha256(original)}`);
    }

    const text = (await pageTexts(pdf)).map((p) => joined(p)).join(" ");
    expect(text).toContain(WELSH);
    expect(text).toContain("Attached files");
    // A hash may break across two lines of its table cell.
    expect(squash(text)).toContain(sha256(BINARY));
    expect(squash(text)).toContain(sha256(CSV));
    expect(text).toContain(TITLE); // the running head

    const { info, xmpTitle } = await metadataOf(pdf);
    expect(info.Title).toBe(TITLE);
    expect(info.Language).toBe("cy");
    expect(xmpTitle).toBe(TITLE); // escaped in the XMP, so still well-formed

    const outline = (await pdf.getOutline()) as { title: string }[];
    expect(outline.map((o) => o.title).at(-1)).toBe("Attached files");

    // Each citation of E001 (in the sections of 1.1.1 and 1.1.2) opens its first file.
    const opened: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      for (const a of (await (await pdf.getPage(n)).getAnnotations()) as {
        subtype: string;
        file?: { filename: string; content: Uint8Array };
      }[]) {
        if (a.subtype !== "FileAttachment" || !a.file) continue;
        expect(Buffer.from(a.file.content).equals(Buffer.from(BINARY))).toBe(true);
        opened.push(a.file.filename);
      }
    }
    expect(opened.length).toBeGreaterThanOrEqual(2);
    expect(new Set(opened)).toEqual(new Set(["proffil.bin"]));
  });

  it("embeds nothing without --attach", async () => {
    const dir = testdir(submission());
    expect((await runCse(["build", "--format", "pdf"], { cwd: dir, env: EPOCH })).code).toBe(0);
    const pdf = await openPdf(fs.readFileSync(path.join(dir, "out/submission.pdf")));
    expect(await pdf.getAttachments()).toBeNull();
    const text = (await pageTexts(pdf)).map((p) => joined(p)).join(" ");
    expect(text).not.toContain("Attached files");
    expect(text).not.toContain("(open the file)");
    // Hashes are listed only for files the PDF carries; the entry still names its files.
    expect(squash(text)).not.toContain(sha256(BINARY));
  });
});
