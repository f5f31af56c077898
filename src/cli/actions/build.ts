import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describeWorktree, submissionPaths } from "../../git/describe-worktree.js";
import { lastChangedOfItems } from "../../git/last-changed.js";
import type { SourceTree } from "../../load/source-tree.js";
import { readSubmission } from "../../model/read-submission.js";
import type { Submission } from "../../model/types.js";
import { buildDocument } from "../../pack/build-document.js";
import type { PackDocument } from "../../pack/document-model.js";
import { formatDiagnosticsText } from "../../output/diagnostics-text.js";
import { writeFilesAtomically } from "../../util/atomic-write.js";
import { today } from "../../util/dates.js";
import { openTree, parseAsOf, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import { createProgress, type Progress } from "../progress.js";
import { useColor, type Io } from "../io.js";
import { hashAttachments, readIntroduction } from "./build-inputs.js";
import { changesSince, changesSinceLastVisit } from "./build-since.js";
import { visitScope } from "../../analyse/visit-scope.js";
import { plural } from "../../util/plural.js";

/** Options of `cse build`. */
export interface BuildOptions extends SubmissionOptions {
  /** --since REV: add "Changes since REV". */
  since?: string;
  out?: string;
  format?: string;
  includeDrafts?: boolean;
  asOf?: string;
  /** --attach: embed every attachment in the PDF. */
  attach?: boolean;
  /** (v2) `--scope visit`: the pack of the coming visit's scope only. */
  scope?: string;
}

/** An output format of the pack. */
export type PackFormat = "html" | "pdf";

/** What a renderer gets besides the document. */
export interface PackRenderContext {
  /** The submission's files (templates, fonts of the submission, attachments). */
  tree: SourceTree;
  /** The command's options (a renderer may read its own, e.g. a PDF's --attach). */
  opts: BuildOptions;
}

/** Renders the document to the bytes of one file; pure apart from reading `tree`. */
export type PackRenderer = (doc: PackDocument, context: PackRenderContext) => Promise<Uint8Array>;

/** Renderers by format, loaded on demand; null while a format is not available. */
const RENDERERS: Record<PackFormat, () => Promise<PackRenderer>> = {
  html: async () => (await import("./build-html.js")).renderHtmlPack,
  pdf: async () => (await import("./build-pdf.js")).renderPdfPack,
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
  const buildDate = buildDateFrom(io.env);
  const asOf = opts.asOf !== undefined ? parseAsOf(opts.asOf) : buildDate;
  const tree = openTree(resolveRoot(opts, io), opts.ref);
  progress.stage("Reading the submission");
  const checked = readSubmission(tree, { asOf });
  if (checked.errorCount > 0) {
    progress.done();
    const errors = checked.diagnostics.filter((d) => d.severity === "error");
    const counted = { files: 0, elements: 0, evidence: 0, caseStudies: 0 };
    io.stderr.write(
      formatDiagnosticsText(
        { root: tree.root, diagnostics: errors, errorCount: errors.length, warningCount: 0, counted },
        { color: useColor(io.stderr, io.env, undefined) },
      ),
    );
    io.stderr.write(
      `cse build: refusing to build from a submission with ${errors.length === 1 ? "an error" : `${errors.length} errors`}; fix ${errors.length === 1 ? "it" : "them"} first (cse validate shows every problem). Any earlier pack is left as it was.\n`,
    );
    return EXIT.FINDINGS;
  }
  const s = checked.submission;
  const formats = pickFormats(opts, s);
  const outDir = outputFolder(opts, s, tree.root, io);
  progress.stage("Putting the pack together");
  const state = describeWorktree(tree, submissionPaths(s));
  const scope = opts.scope === "visit" ? visitScope(s) : null;
  const doc = buildDocument(s, {
    introduction: readIntroduction(tree, s),
    attachments: hashAttachments(tree, s, opts.includeDrafts === true),
    build: {
      date: buildDate,
      commit: state?.commit ?? null,
      uncommitted: state?.dirty ?? false,
      includeDrafts: opts.includeDrafts === true,
      asOf,
      generator: `cse ${version}`,
    },
    lastChanged: lastChangedOfItems(s),
    since: sinceOf(opts, tree, s, asOf),
    scope,
  });
  const files = [];
  for (const format of formats) {
    progress.stage(`Rendering ${format.toUpperCase()}`);
    const render = await RENDERERS[format]();
    files.push({
      path: path.join(outDir, `submission.${format}`),
      content: await render(doc, { tree, opts }),
    });
  }
  progress.stage("Writing");
  try {
    fs.mkdirSync(outDir, { recursive: true });
    writeFilesAtomically(files);
  } catch (err) {
    throw new CliError(
      `could not write the pack to ${shown(outDir, tree.root)} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); any earlier pack is left as it was`,
    );
  }
  progress.done();
  for (const f of files) io.stdout.write(`Wrote ${shown(f.path, tree.root)} (${kib(f.content.length)})\n`);
  const left =
    s.evidence.filter((e) => e.status === "draft").length +
    s.caseStudies.filter((c) => c.status === "draft").length;
  const drafts = opts.includeDrafts
    ? "drafts included"
    : left > 0
      ? `${left} ${left === 1 ? "draft" : "drafts"} left out`
      : "no drafts";
  io.stdout.write(
    `${scope ? `${scope.elements.length} of ${plural(s.elements.length, "element")} (the visit's scope)` : plural(s.elements.length, "element")}, ${plural(countIn(doc, "evidence"), "evidence item")}, ${plural(countIn(doc, "case-study"), "case study", "case studies")}; ${drafts}.\n`,
  );
  if (checked.warningCount > 0)
    io.stderr.write(
      `cse build: the submission has ${checked.warningCount} ${checked.warningCount === 1 ? "warning" : "warnings"} (cse validate shows them)\n`,
    );
  return EXIT.OK;
}

/** `--since REV`; or for a review pack (`--scope visit`) in git, the changes since the last visit. */
function sinceOf(opts: BuildOptions, tree: SourceTree, s: Submission, asOf: string) {
  if (opts.since !== undefined) return changesSince(opts.since, tree, s, asOf);
  return opts.scope === "visit" ? changesSinceLastVisit(tree, s, asOf) : null;
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

function pickFormats(opts: BuildOptions, s: Submission): PackFormat[] {
  if (opts.format === undefined) return s.config.build.formats;
  if (!(opts.format in RENDERERS)) throw new CliError(`--format takes html or pdf, not "${opts.format}"`);
  return [opts.format as PackFormat];
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
      `build.output "${s.config.build.output}" leads outside the submission's root; keep it inside (e.g. out), or pass --out to choose a folder elsewhere`,
    );
  for (const dir of [s.config.standardDir, "evidence", "assessment", "service-standards", "templates"]) {
    const guarded = path.join(realRoot, ...dir.split("/"));
    if (real === guarded || real.startsWith(guarded + path.sep))
      throw new CliError(
        `${from} points inside ${dir}/, which holds the submission itself; write the pack to a folder of its own, e.g. out`,
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
