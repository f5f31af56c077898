import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../../../test/helpers/minimal.js";
import { packOf } from "../../../test/helpers/pack-document.js";
import type { PackDocument } from "../../pack/document-model.js";
import { splitByCriterion } from "../../pack/volumes.js";
import { renderPdf } from "./render-pdf.js";

/** A PDF's bytes, and the identifier its trailer gives (both halves of /ID, which must agree). */
async function built(model: PackDocument): Promise<{ bytes: Buffer; id: string }> {
  const bytes = Buffer.from(await renderPdf(model));
  const trailer = bytes.toString("latin1", bytes.lastIndexOf("trailer"));
  const found = /\/ID \[<([0-9a-f]+)> <([0-9a-f]+)>\]/.exec(trailer);
  expect(found, "the trailer has an /ID of two hex strings").not.toBeNull();
  expect(found![2]).toBe(found![1]);
  return { bytes, id: found![1]! };
}

describe("the PDF's file identifier", () => {
  const { doc } = packOf(minimalSubmission());
  const volumes = splitByCriterion(doc);

  it("is the first 16 bytes of the SHA-256 of every byte before the cross-reference table", async () => {
    const { bytes, id } = await built(doc);
    const xref = bytes.lastIndexOf("\nxref\n") + 1;
    expect(xref).toBeGreaterThan(0);
    expect(id).toBe(
      createHash("sha256").update(bytes.subarray(0, xref)).digest().subarray(0, 16).toString("hex"),
    );
  });

  it("is the same for the same volume, and differs between volumes and from the single file", async () => {
    const ids = await Promise.all(volumes.map(async (v) => (await built(v)).id));
    expect(new Set(ids).size).toBe(volumes.length);
    expect(await Promise.all(volumes.map(async (v) => (await built(v)).id))).toEqual(ids);
    expect(ids).not.toContain((await built(doc)).id);
  });

  it("changes when what the file shows changes, however little", async () => {
    const before = await built(doc);
    const retitled = await built({ ...doc, title: `${doc.title}.` });
    expect(retitled.id).not.toBe(before.id);
  });
});
