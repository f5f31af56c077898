import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPdfPack } from "../src/cli/actions/build-pdf.js";
import type { BuildOptions } from "../src/cli/actions/build.js";
import { CliError, EXIT } from "../src/cli/exit-codes.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { packOf } from "./helpers/pack-document.js";

// The world moving under a build: an attachment hashed for the pack's index, then changed or
// removed before the PDF embeds it (`--attach`). The build stops with a message in plain words
// (exit 2, through CliError) rather than a pack whose SHA-256 describes other bytes.
function packWithAttachment() {
  const files = { ...minimalSubmission() };
  files["evidence/E001.yaml"] = files["evidence/E001.yaml"]!.replace(
    "elements:",
    "files: [survey.csv]\nelements:",
  );
  files["evidence/survey.csv"] = "question,score\nhelpful,4\n";
  const { doc, root, tree } = packOf(files, { attachments: true });
  expect(doc.attachments.map((a) => a.path)).toEqual(["evidence/survey.csv"]);
  return { root, tree, doc, opts: { attach: true } as BuildOptions };
}

async function failure(run: () => Promise<unknown>): Promise<CliError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof CliError) return err;
    throw err;
  }
  throw new Error("the build did not fail");
}

describe("an attachment that changes while the pack is built", () => {
  it("embeds it when nothing changed (the control)", async () => {
    const { tree, doc, opts } = packWithAttachment();
    const bytes = await renderPdfPack(doc, { tree, opts });
    expect(Buffer.from(bytes).includes("EmbeddedFile")).toBe(true);
  });

  it("edited after it was hashed: a plain message naming it, exit 2", async () => {
    const { root, tree, doc, opts } = packWithAttachment();
    fs.writeFileSync(path.join(root, "evidence/survey.csv"), "question,score\nhelpful,5\n");
    const err = await failure(() => renderPdfPack(doc, { tree, opts }));
    expect(err.exitCode).toBe(EXIT.FATAL);
    expect(EXIT.FATAL).toBe(2);
    expect(err.message).toContain(
      "the attachment evidence/survey.csv changed while the pack was being built",
    );
    expect(err.message).toContain("Any earlier pack is left as it was.");
  });

  it("removed after it was hashed: a plain message naming it and why, exit 2", async () => {
    const { root, tree, doc, opts } = packWithAttachment();
    fs.rmSync(path.join(root, "evidence/survey.csv"));
    const err = await failure(() => renderPdfPack(doc, { tree, opts }));
    expect(err.message).toMatch(/the attachment evidence\/survey\.csv could not be read .*\(.*\)/);
    expect(err.message).not.toMatch(/\n\s+at /);
  });
});
