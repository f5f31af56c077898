import fs from "node:fs";
import path from "node:path";
import type { PackDocument } from "../../pack/document-model.js";
import type { SourceTree } from "../../load/source-tree.js";
import { stageFolder } from "../../util/atomic-write.js";
import { makeFolders, resolveWriteTarget } from "../../util/write-inside-root.js";
import { CliError } from "../exit-codes.js";
import type { BuildOptions, BuildRun, PackFormat, PackRenderer } from "./build.js";

/** The folder, inside the output folder, that a pack split into volumes is written to. */
export const VOLUMES_FOLDER = "submission-volumes";

/** What a split build wrote. */
export interface WrittenVolumes {
  /** The folder, absolute. */
  folder: string;
  /** How many volumes besides the contents. */
  volumes: number;
  /** The contents volume's file names, one per format (what to open first). */
  contents: string[];
  /** The bytes written in all. */
  bytes: number;
  /** How many files. */
  files: number;
}

/**
 * Renders the pack's volumes (splitByCriterion: the contents, the front matter, one per
 * criterion, the case studies, the evidence index, the appendices) one at a time, each in every
 * format, into a staging folder beside `<out>/submission-volumes/`, and only when all are written
 * puts the folder in place of any earlier one: a failure leaves no volume and the earlier set as
 * it was. Each volume is taken out of `volumes` once written in every format, so that what is
 * left of the pack shrinks as the build goes on (the caller holds the volumes, never the whole
 * document): at 30,000 items the pack's document is most of what is live, and the collector
 * marks what is live at every full collection.
 */
export async function writeVolumes(
  volumes: (PackDocument | undefined)[],
  formats: readonly PackFormat[],
  run: BuildRun & { renderer: (format: PackFormat) => Promise<PackRenderer> },
): Promise<WrittenVolumes> {
  const unsplittable = formats.filter((f) => f !== "html" && f !== "pdf");
  if (unsplittable.length > 0) throw new CliError(unsplittableMessage(unsplittable));
  const count = volumes.length;
  const contents = volumes[0]!.volume!.volumes[0]!.file;
  const renderers = new Map<PackFormat, PackRenderer>();
  for (const format of formats) renderers.set(format, await run.renderer(format));
  const madeOut = !fs.existsSync(run.outDir);
  const target = targetFolder(run);
  const staged = stageFolder(target);
  let bytes = 0;
  try {
    for (let i = 0; i < count; i++) {
      const volume = volumes[i]!;
      volumes[i] = undefined;
      const v = volume.volume!;
      for (const format of formats) {
        run.progress.stage(
          `Rendering ${format.toUpperCase()}, volume ${v.number} of ${count - 1}` +
            (v.number === 0 ? " (the contents)" : ""),
        );
        const name = `${v.volumes[v.number]!.file}.${format}`;
        // No target: each volume comes back as bytes (a volume is small; the renderers stream only
        // a single-file pack to a temporary beside it), and is staged with the others.
        const content = await renderers.get(format)!(volume, { tree: run.tree, opts: run.opts });
        if (!(content instanceof Uint8Array)) throw new Error(`the ${format} renderer streamed a volume`);
        staged.write(name, content);
        bytes += content.length;
        // Let the event loop turn before the next volume. Rendering never waits on anything, so
        // without this the whole split build is one chain of promise jobs, and the callbacks that
        // pdfkit's stream queues with process.nextTick (each holding its document) run only
        // once every volume is done: every volume's document stayed in memory to the end.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    run.progress.stage("Writing");
    staged.commit(run.hooks);
  } catch (err) {
    staged.discard();
    if (madeOut) removeIfEmpty(run.outDir);
    throw err;
  }
  return {
    folder: target,
    volumes: count - 1,
    contents: formats.map((f) => `${contents}.${f}`),
    bytes,
    files: count * formats.length,
  };
}

/** The folder to write: under --out as the user said; under build.output resolved inside the root now. */
function targetFolder(run: { tree: SourceTree; opts: BuildOptions; outDir: string }): string {
  if (run.opts.out !== undefined) {
    makeFolders(run.outDir);
    return path.join(run.outDir, VOLUMES_FOLDER);
  }
  const rel = path.relative(run.tree.root, path.join(run.outDir, VOLUMES_FOLDER)).split(path.sep).join("/");
  return resolveWriteTarget(run.tree.root, rel);
}

/** Removes a folder the build made, when nothing else has been put in it meanwhile. */
function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not empty, or gone: leave it.
  }
}

function unsplittableMessage(formats: readonly PackFormat[]): string {
  const names = formats.map((f) => (f === "docx" ? "the Word document (docx)" : "the evidence bundle (zip)"));
  return (
    `a pack split into volumes (--split criterion, or build.split in cse.yaml) can be HTML and PDF, ` +
    `but not ${names.join(" or ")}: build ${formats.length === 1 ? "that" : "those"} with --split none ` +
    "(for example cse build --format docx --split none), and the volumes with --format html,pdf"
  );
}
