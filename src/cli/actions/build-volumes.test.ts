import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../../../test/helpers/minimal.js";
import { packOf } from "../../../test/helpers/pack-document.js";
import type { PackDocument } from "../../pack/document-model.js";
import { splitByCriterion } from "../../pack/volumes.js";
import type { PackFormat, PackRenderer } from "./build.js";
import { VOLUMES_FOLDER, writeVolumes } from "./build-volumes.js";

describe("writeVolumes", () => {
  // The split build lets each volume go once it is written: the list it is given (the only
  // holder of the pack's document) no longer has a volume by the time the next is rendered.
  it("renders each volume in every format, then takes it out of the list before the next", async () => {
    const { doc, root, tree } = packOf(minimalSubmission());
    const volumes: (PackDocument | undefined)[] = splitByCriterion(doc);
    const count = volumes.length;
    const calls: { format: PackFormat; volume: number; held: number[] }[] = [];
    const renderer = (format: PackFormat): Promise<PackRenderer> =>
      Promise.resolve(async (volume) => {
        const held = volumes.flatMap((v, i) => (v === undefined ? [] : [i]));
        calls.push({ format, volume: volume.volume!.number, held });
        return Promise.resolve(new TextEncoder().encode(`${format} ${volume.volume!.number}`));
      });
    const outDir = path.join(root, "out");
    const progress = { stage: () => undefined, advance: () => undefined, done: () => undefined };
    const written = await writeVolumes(volumes, ["html", "pdf"], {
      tree,
      opts: { out: outDir },
      outDir,
      progress,
      hooks: {},
      renderer,
    });
    expect(calls.map((c) => `${c.format} ${c.volume}`)).toEqual(
      Array.from({ length: count }, (_, i) => [`html ${i}`, `pdf ${i}`]).flat(),
    );
    const after = (n: number) => Array.from({ length: count - n - 1 }, (_, i) => n + 1 + i);
    for (const c of calls) expect(c.held).toEqual(after(c.volume));
    expect(volumes.every((v) => v === undefined)).toBe(true);
    expect(written.files).toBe(count * 2);
    const folder = path.join(outDir, VOLUMES_FOLDER);
    expect(fs.readFileSync(path.join(folder, "00-contents.pdf"), "utf8")).toBe("pdf 0");
    expect(fs.readdirSync(folder)).toHaveLength(count * 2);
  });
});
