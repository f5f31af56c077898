import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../../../test/helpers/minimal.js";
import { packOf } from "../../../test/helpers/pack-document.js";
import type { PackDocument } from "../../pack/document-model.js";
import { splitByCriterion } from "../../pack/volumes.js";
import { createPdfDocument } from "./pdf-document.js";

/** The file identifier (the first half of the trailer's /ID) a model's PDF gets. */
function fileIdOf(model: PackDocument): string {
  const { doc } = createPdfDocument(model, false, () => undefined);
  return Buffer.from((doc as unknown as { _id: Uint8Array })._id).toString("hex");
}

describe("the PDF's file identifier", () => {
  const { doc } = packOf(minimalSubmission());
  const volumes = splitByCriterion(doc);

  it("is the same for the same volume, and differs between volumes and from the single file", () => {
    const ids = volumes.map(fileIdOf);
    expect(new Set(ids).size).toBe(volumes.length);
    expect(volumes.map(fileIdOf)).toEqual(ids);
    expect(ids).not.toContain(fileIdOf(doc));
  });

  // The pack's mentions and anchor map are hashed once per object and their digest used in
  // their place; a change to either must still change every volume's identifier.
  it("changes when the pack's anchor map or mentions change", () => {
    const volume = volumes[1]!;
    const before = fileIdOf(volume);
    const info = volume.volume!;
    const moved = { ...volume, volume: { ...info, anchors: { ...info.anchors, "ev-E001": 0 } } };
    expect(fileIdOf(moved)).not.toBe(before);
    const mentions = [...volume.mentions, { text: "X999", anchor: "ev-X999" }];
    expect(fileIdOf({ ...volume, mentions })).not.toBe(before);
    expect(fileIdOf({ ...volume })).toBe(before);
  });
});
