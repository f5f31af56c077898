import type { PackMemo } from "../../pack/pack-memo.js";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describeWorktree, submissionPaths } from "../../git/describe-worktree.js";
import { lastChangedOfItems } from "../../git/last-changed.js";
import { readWorkTreeGit } from "../../git/work-tree-git.js";
import { WorkTree, type SourceTree } from "../../load/source-tree.js";
import type { Submission } from "../../model/types.js";
import { buildDocument } from "../../pack/build-document.js";
import type { PackDocument } from "../../pack/document-model.js";
import { printBlockingErrors } from "../print-errors.js";
import {
  discardTemporary,
  writeFilesAtomically,
  type AtomicWriteHooks,
  type OutputFile,
  type WrittenTemporary,
} from "../../util/atomic-write.js";
import { makeFolders, writeFailureReason, writeInsideRoot } from "../../util/write-inside-root.js";
import { today } from "../../util/dates.js";
import { collectGarbage, LARGE_PACK } from "../../util/collect-garbage.js";
import { openTree, parseAsOf, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import { createProgress, type Progress } from "../progress.js";
import type { Io } from "../io.js";
import { readSubmissionWithCache, type CacheOptions } from "../cache-file.js";
import { hashAttachments, readIntroduction } from "./build-inputs.js";
import { changesSince, changesSinceLastVisit } from "./build-since.js";
import { failOnMessage, preflight } from "./build-preflight.js";
import { parseGapCodes } from "./gaps.js";
import { visitScope } from "../../analyse/visit-scope.js";
import { plural } from "../../util/plural.js";
import { inNumber, oneOrCount } from "../../util/plural.js";
import { holdBeforeRename } from "../hold-before-rename.js";
import { splitByCriterion } from "../../pack/volumes.js";
import { writeVolumes, type WrittenVolumes } from "./build-volumes.js";

/** What writing a pack needs besides the document: where from, how, where to, and the progress shown. */
export interface BuildRun {
  tree: SourceTree;
  opts: BuildOptions;
  outDir: string;
  progress: Progress;
  hooks: AtomicWriteHooks;
}

/** Options of `cse build`. */
export interface BuildOptions extends SubmissionOptions, CacheOptions {
  /** --since REV: add "Changes since REV". */
  since?: string;
  out?: string;
  format?: string;
  includeDrafts?: boolean;
  asOf?: string;
  /** --attach: embed every attachment in the PDF. */
  attach?: boolean;
  /** --fail-on CODE[,…]: refuse to build while any listed gap remains. */
  failOn?: string;
  /** (v2) `--scope visit`: the pack of the coming visit's scope only. */
  scope?: string;
  /** `--split none|criterion`: one file per format, or volumes by criterion (default build.split). */
  split?: string;
}

/** An output format of the pack. */
export type PackFormat = "html" | "pdf" | "docx" | "zip";

/** What a renderer gets besides the document. */
export interface PackRenderContext {
  /** The submission's files (templates, fonts of the submission, attachments). */
  tree: SourceTree;
  /** The command's options (a renderer may read its own, e.g. a PDF's --attach). */
  opts: BuildOptions;
  /** The formats rendered before this one in the same build (the zip bundle carries them). */
  rendered?: ReadonlyMap<PackFormat, Uint8Array | WrittenTemporary>;
  /** Where the file will be written (a streamed output writes its temporary beside it). */
  target?: string;
}

/**
 * Renders the document to the bytes of one file, or streams it to a temporary beside its target
 * (the zip bundle); pure apart from reading `tree` and writing that temporary.
 */
export type PackRenderer = (
  doc: PackDocument,
  context: PackRenderContext,
) => Promise<Uint8Array | WrittenTemporary>;

/** Every format, in the order they are rendered: the zip last, as it carries the others. */
export const PACK_FORMATS: readonly PackFormat[] = ["html", "pdf", "docx", "zip"];

/** Renderers by format, loaded on demand; null while a format is not available. */
const RENDERERS: Record<PackFormat, () => Promise<PackRenderer>> = {
  html: async () => (await import("./build-html.js")).renderHtmlPack,
  pdf: async () => (await import("./build-pdf.js")).renderPdfPack,
  docx: async () => (await import("./build-docx.js")).renderDocxPack,
  zip: async () => (await import("./build-zip.js")).renderZipBundle,
};

const { version } = createRequire(import.meta.url)("../../../package.json") as { version: string };

/** `cse build`: the submission pack, written whole or not at all; 1 when refused. */
export async function buildAction(opts: BuildOptions, io: Io): Promise<number> {
  // A large pack takes a while: say which stage it is in, on a terminal only.
  const progress = createProgress(io.stderr);
  try {
    return await build(opts, io, progress);
  } finally {
    progress.done();
  }
}

async function build(opts: BuildOptions, io: Io, progress: Progress): Promise<number> {
  // Read, checked and assembled in a function of its own, so that once the document is built the
  // submission it came from (a few hundred MB at 30,000 items) can be freed while rendering.
  const prepared = await prepare(opts, io, progress);
  if (typeof prepared === "number") return prepared;
  if (prepared.large) collectGarbage(); // the submission read and checked, now unreachable
  const { pack, tree, formats, outDir } = prepared;
  const hooks = { beforeRename: holdBeforeRename(io.env) };
  if ("volumes" in pack) {
    let written: WrittenVolumes;
    try {
      written = await writeVolumes(pack.volumes, formats, { tree, opts, outDir, progress, renderer, hooks });
    } catch (err) {
      throw err instanceof CliError ? err : writeError(err, outDir, tree.root);
    }
    progress.done();
    io.stdout.write(volumesWritten(written, tree.root));
  } else await writeFiles(pack.doc, formats, { tree, opts, outDir, progress, hooks, io });
  io.stdout.write(
    `${prepared.elements}, ${plural(prepared.evidence, "evidence item")}, ` +
      `${plural(prepared.caseStudies, "case study", "case studies")}; ${prepared.drafts}.\n`,
  );
  if (prepared.warningCount > 0)
    io.stderr.write(
      `cse build: the submission has ${plural(prepared.warningCount, "warning")} ` +
        "(cse validate shows them)\n",
    );
  return EXIT.OK;
}

/** What a build renders and writes, and what it says of the submission when done. */
interface Prepared {
  /**
   * The pack's document, or when split its volumes, and never both: the split build lets each
   * volume go once it is written (writeVolumes takes them out of the list), which it could not
   * while the whole document was held here.
   */
  pack: { doc: PackDocument } | { volumes: PackDocument[] };
  /** The evidence items and case studies in the pack. */
  evidence: number;
  caseStudies: number;
  tree: SourceTree;
  formats: PackFormat[];
  outDir: string;
  /** Large enough for collectGarbage between stages (LARGE_PACK items or more). */
  large: boolean;
  /** "57 elements", or the visit's scope of them. */
  elements: string;
  /** "drafts included", "3 drafts left out" or "no drafts". */
  drafts: string;
  warningCount: number;
}

/** Reads and checks the submission and assembles the pack's document; an exit code when refused. */
async function prepare(opts: BuildOptions, io: Io, progress: Progress): Promise<Prepared | number> {
  const buildDate = buildDateFrom(io.env);
  const asOf = opts.asOf !== undefined ? parseAsOf(opts.asOf) : buildDate;
  const failOn = opts.failOn === undefined ? [] : parseGapCodes(opts.failOn, "--fail-on");
  const tree = openTree(resolveRoot(opts, io), opts.ref);
  progress.stage("Reading the submission");
  const checked = readSubmissionWithCache(
    tree,
    { asOf, cache: opts.cache, cacheLocation: opts.cacheLocation },
    io,
  );
  if (checked.errorCount > 0) {
    progress.done();
    const errorCount = printBlockingErrors(tree.root, checked.diagnostics, io, undefined);
    io.stderr.write(
      `cse build: refusing to build from a submission with ${oneOrCount(errorCount, "an error", "errors")}; ` +
        `fix ${inNumber(errorCount, "it", "them")} first (cse validate shows every problem). ` +
        "Any earlier pack is left as it was.\n",
    );
    return EXIT.FINDINGS;
  }
  const s = checked.submission;
  const formats = pickFormats(opts, s);
  const outDir = outputFolder(opts, s, tree.root, io);
  const check = preflight(s, asOf, failOn);
  if (check.summary || check.failing.length > 0) progress.done();
  io.stderr.write(check.summary);
  if (check.failing.length > 0) {
    io.stderr.write(failOnMessage(check.failing));
    return EXIT.FINDINGS;
  }
  progress.stage("Putting the pack together");
  const large = s.evidence.length + s.caseStudies.length >= LARGE_PACK;
  if (large) collectGarbage(); // what reading the files left behind
  const doc = assembleDocument(tree, s, opts, { asOf, buildDate });
  const left =
    s.evidence.filter((e) => e.status === "draft").length +
    s.caseStudies.filter((c) => c.status === "draft").length;
  const drafts = opts.includeDrafts
    ? "drafts included"
    : left > 0
      ? `${plural(left, "draft")} left out`
      : "no drafts";
  return {
    pack: splitOf(opts, s) === "criterion" ? { volumes: splitByCriterion(doc) } : { doc },
    evidence: countIn(doc, "evidence"),
    caseStudies: countIn(doc, "case-study"),
    tree,
    formats,
    outDir,
    large,
    elements: elementsShown(s, opts),
    drafts,
    warningCount: checked.warningCount,
  };
}

/** The single-file pack: every format rendered, then written together. */
async function writeFiles(
  doc: PackDocument,
  formats: readonly PackFormat[],
  run: BuildRun & { io: Io },
): Promise<void> {
  const { tree, opts, outDir, progress, hooks, io } = run;
  const files = await renderFormats(doc, formats, { tree, opts, outDir, progress });
  progress.stage("Writing");
  try {
    if (opts.out !== undefined) {
      makeFolders(outDir);
      writeFilesAtomically(files, hooks);
    } else {
      // build.output comes from cse.yaml: resolved inside the root again now, at the write.
      const inRoot = (p: string) => path.relative(tree.root, p).split(path.sep).join("/");
      writeInsideRoot(
        tree.root,
        files.map((f) => ({ ...f, path: inRoot(f.path) })),
        hooks,
      );
    }
  } catch (err) {
    throw writeError(err, outDir, tree.root);
  }
  progress.done();
  for (const f of files) io.stdout.write(`Wrote ${shown(f.path, tree.root)} (${kib(sizeOf(f))})\n`);
}

/** `--split`, else build.split: whether the pack is one file per format or volumes by criterion. */
function splitOf(opts: BuildOptions, s: Submission): "none" | "criterion" {
  const split = opts.split ?? s.config.build.split;
  if (split !== "none" && split !== "criterion")
    throw new CliError(`--split takes none or criterion, not "${split}"`);
  return split;
}

/** The renderer of a format, loaded on demand. */
function renderer(format: PackFormat): Promise<PackRenderer> {
  return RENDERERS[format]();
}

/** "Wrote out/submission-volumes/ (…)": the folder, what it holds, and which file to open first. */
function volumesWritten(w: WrittenVolumes, root: string): string {
  return (
    `Wrote ${shown(w.folder, root)}/ (${plural(w.files, "file")}, ${kib(w.bytes)}): ` +
    `${plural(w.volumes, "volume")} and the contents, ${w.contents.join(" and ")}, to open first\n`
  );
}

/** `--since REV`; or for a review pack (`--scope visit`) in git, the changes since the last visit. */
function sinceOf(opts: BuildOptions, tree: SourceTree, s: Submission, asOf: string) {
  if (opts.since !== undefined) return changesSince(opts.since, tree, s, asOf);
  return opts.scope === "visit" ? changesSinceLastVisit(tree, s, asOf) : null;
}

/** "57 elements", or for a review pack "12 of 57 elements (the visit's scope)". */
function elementsShown(s: Submission, opts: BuildOptions): string {
  const all = plural(s.elements.length, "element");
  return opts.scope === "visit" ? `${visitScope(s).elements.length} of ${all} (the visit's scope)` : all;
}

/** The pack's document model from a checked submission and what the build reads besides it. */
export function assembleDocument(
  tree: SourceTree,
  s: Submission,
  opts: BuildOptions,
  dates: { asOf: string; buildDate: string },
  /** `cse preview`: per-item sections kept from pack to pack. */
  memo?: PackMemo,
): PackDocument {
  // git is asked once for the stamp and the last-changed dates (preview rebuilds on every save).
  const git = tree instanceof WorkTree ? readWorkTreeGit(tree) : undefined;
  const state = describeWorktree(tree, submissionPaths(s), git);
  return buildDocument(s, {
    introduction: readIntroduction(tree, s),
    attachments: hashAttachments(tree, s, opts.includeDrafts === true),
    build: {
      date: dates.buildDate,
      commit: state?.commit ?? null,
      uncommitted: state?.dirty ?? false,
      includeDrafts: opts.includeDrafts === true,
      asOf: dates.asOf,
      generator: `cse ${version}`,
    },
    attach: opts.attach === true,
    lastChanged: lastChangedOfItems(s, s.tree === tree ? git : undefined),
    since: sinceOf(opts, tree, s, dates.asOf),
    scope: opts.scope === "visit" ? visitScope(s) : null,
    memo,
  });
}

/** The build date: from SOURCE_DATE_EPOCH (UTC) when set, so a rebuild gives the same bytes; else today. */
export function buildDateFrom(env: Io["env"]): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return today();
  if (!/^\d{1,12}$/.test(epoch.trim()))
    throw new CliError(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not "${epoch}"`,
    );
  return new Date(Number(epoch.trim()) * 1000).toISOString().slice(0, 10);
}

/**
 * Renders every format, in PACK_FORMATS order, into files to write together. A streamed output
 * (the zip) is already in its temporary: if a later step fails, that temporary is removed.
 */
async function renderFormats(
  doc: PackDocument,
  formats: readonly PackFormat[],
  run: { tree: SourceTree; opts: BuildOptions; outDir: string; progress: Progress },
): Promise<OutputFile[]> {
  const rendered = new Map<PackFormat, Uint8Array | WrittenTemporary>();
  const files: OutputFile[] = [];
  // A streamed output (HTML, PDF, zip) writes beside its target as it goes, so the folder must
  // exist first; made here, it is removed again if the build fails (when nothing else is in it).
  const made = !fs.existsSync(run.outDir);
  try {
    for (const format of formats) {
      run.progress.stage(`Rendering ${format.toUpperCase()}`);
      const target = path.join(run.outDir, `submission.${format}`);
      if (format !== "docx") makeFolder(run.outDir, run.tree.root);
      const render = await RENDERERS[format]();
      const content = await render(doc, { tree: run.tree, opts: run.opts, rendered, target });
      rendered.set(format, content);
      files.push({ path: target, content });
    }
    makeFolder(run.outDir, run.tree.root);
    return files;
  } catch (err) {
    for (const f of files) if (isTemporary(f.content)) discardTemporary(f.content.temporary);
    if (made) removeIfEmpty(run.outDir);
    throw err;
  }
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not empty, or gone: left as it is.
  }
}

function makeFolder(dir: string, root: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw writeError(err, dir, root);
  }
}

function writeError(err: unknown, outDir: string, root: string): CliError {
  return new CliError(
    `could not write the pack to ${shown(outDir, root)} (${writeFailureReason(err)}); ` +
      "any earlier pack is left as it was",
  );
}

function isTemporary(content: OutputFile["content"]): content is WrittenTemporary {
  return typeof content === "object" && "temporary" in content;
}

/** The size of a file just written. */
function sizeOf(f: OutputFile): number {
  return isTemporary(f.content) ? fs.statSync(f.path).size : f.content.length;
}

/** The formats to build: --format (one, or several comma-separated) or build.formats, in PACK_FORMATS order. */
function pickFormats(opts: BuildOptions, s: Submission): PackFormat[] {
  const asked =
    opts.format === undefined ? s.config.build.formats : opts.format.split(",").map((f) => f.trim());
  for (const f of asked)
    if (!PACK_FORMATS.includes(f as PackFormat))
      throw new CliError(`--format takes ${formatList()}, or several joined by commas, not "${f}"`);
  return PACK_FORMATS.filter((f) => asked.includes(f));
}

function formatList(): string {
  return `${PACK_FORMATS.slice(0, -1).join(", ")} or ${PACK_FORMATS[PACK_FORMATS.length - 1]}`;
}

/**
 * Where the pack goes: --out (relative to the current folder) or build.output (relative to the
 * root). Never the root itself nor inside the folders cse reads, where the pack would be taken
 * for submission files.
 */
function outputFolder(opts: BuildOptions, s: Submission, root: string, io: Io): string {
  const out =
    opts.out !== undefined ? path.resolve(io.cwd, opts.out) : path.resolve(root, s.config.build.output);
  const from = opts.out !== undefined ? "--out" : "build.output";
  const realRoot = realNearest(root);
  const real = realNearest(out);
  if (real === realRoot)
    throw new CliError(
      `${from} points at the submission's root; write the pack to a folder of its own, e.g. out`,
    );
  // cse.yaml may come from anyone: only the user's own --out may send the pack out of the root.
  if (opts.out === undefined && !real.startsWith(realRoot + path.sep))
    throw new CliError(
      `build.output "${s.config.build.output}" leads outside the submission's root; ` +
        "keep it inside (e.g. out), or pass --out to choose a folder elsewhere",
    );
  for (const dir of [s.config.standardDir, "evidence", "assessment", "service-standards", "templates"]) {
    const guarded = path.join(realRoot, ...dir.split("/"));
    if (real === guarded || real.startsWith(guarded + path.sep))
      throw new CliError(
        `${from} points inside ${dir}/, which holds the submission itself; ` +
          "write the pack to a folder of its own, e.g. out",
      );
  }
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory())
    throw new CliError(`${from} names ${out}, which is a file, not a folder`);
  return out;
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realNearest(p: string): string {
  const rest: string[] = [];
  let cur = path.resolve(p);
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return path.resolve(p);
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

function shown(file: string, root: string): string {
  const rel = path.relative(root, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : file;
}

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KiB`;
}

function countIn(doc: PackDocument, kind: "evidence" | "case-study"): number {
  return doc.sections.reduce((n, s) => n + s.children.filter((c) => c.kind === kind).length, 0);
}
