import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocxFixture } from "./helpers/docx-fixture.js";
import { joined, openPdf, pageTexts } from "./helpers/pdf-read.js";

// The thorough tier (vitest.config.ts): LibreOffice takes seconds to start and convert. The
// Word file's own parts are checked in build-docx.test.ts, on the same fixture.
let dir: string;

beforeAll(async () => {
  dir = await buildDocxFixture();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the Word pack as a user opens it", () => {
  // One conversion, as a user would make it: LibreOffice reads the file and writes a PDF, which
  // is read back. Slow (seconds), so only this one. Its own profile folder lets it run beside
  // another LibreOffice. .ci/run installs LibreOffice (libreoffice-writer-nogui).
  it("converts with LibreOffice to a PDF with every heading, element id and link", async () => {
    const out = path.join(dir, "converted");
    const r = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        out,
        path.join(dir, "out/submission.docx"),
      ],
      { encoding: "utf8", timeout: 180_000 },
    );
    expect(r.error).toBeUndefined();
    const pdf = await openPdf(fs.readFileSync(path.join(out, "submission.pdf")));
    const text = (await pageTexts(pdf)).map(joined).join(" ");
    for (const heading of [
      "Contents",
      "At a glance",
      "Criterion 1: Customer Insight",
      "E001: Customer profile",
      "CS01: Listening to students",
    ])
      expect(text).toContain(heading);
    for (const id of ["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.1.2"]) expect(text).toContain(`Element ${id}`);
    // The field's code must not show as text: LibreOffice read the contents as contents.
    expect(text).not.toContain("TOC \\");
    expect(text).toMatch(/Page 2 of \d+/);
    const links: { dest?: unknown; url?: string }[] = [];
    for (let n = 1; n <= pdf.numPages; n++)
      links.push(
        ...(
          (await (await pdf.getPage(n)).getAnnotations()) as {
            subtype: string;
            dest?: unknown;
            url?: string;
          }[]
        ).filter((a) => a.subtype === "Link"),
      );
    expect(links.filter((l) => l.dest).length).toBeGreaterThan(10);
    expect(links.map((l) => l.url)).toContain("https://example.org/survey");
  }, 200_000);
});
