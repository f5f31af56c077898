import path from "node:path";
import { WorkTree } from "../../load/source-tree.js";
import {
  LAST_GOOD_PATH,
  renderErrorPage,
  encodeWithReloadScript,
  type PreviewProblem,
} from "../../render/html/preview-page.js";
import { anchorOf } from "../../pack/anchors.js";
import type { Section } from "../../pack/document-model.js";
import type { Submission } from "../../model/types.js";
import { openCache, saveCache, type CacheOptions } from "../cache-file.js";
import { readSubmission } from "../../model/read-submission.js";
import { parseAsOf, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { startPreviewServer, type PreviewBuild } from "../preview/preview-server.js";
import { watchSubmission } from "../preview/watch-submission.js";
import { assembleDocument, buildDateFrom, type BuildOptions } from "./build.js";
import { renderHtmlPreview } from "./build-html.js";
import { SectionMemo } from "../../render/html/section-memo.js";
import { PackMemo } from "../../pack/pack-memo.js";

/** Options of `cse preview`. */
export interface PreviewOptions extends SubmissionOptions, CacheOptions {
  port?: string;
  asOf?: string;
  includeDrafts?: boolean;
  /** Ends the preview (Ctrl-C in the command; tests pass their own). */
  signal?: AbortSignal;
  /** Called with the URL once serving, and after each rebuild with its version (tests). */
  onReady?: (url: string) => void;
}

/**
 * How long the preview must be idle (no rebuild) before the cache is written: writing it (some
 * 60 ms at 3,000 items) is not what the person waiting for the next page wants.
 */
const CACHE_SAVE_IDLE_MS = 2000;

/** The port preview tries first (then the next free one). */
export const DEFAULT_PREVIEW_PORT = 4173;

/**
 * `cse preview`: serves the HTML pack on 127.0.0.1, rebuilds it when a file of the submission
 * changes and makes open pages reload; while the submission has errors, the page lists them.
 * Writes nothing into the submission but the cache. Ends with 0 on Ctrl-C.
 */
export async function previewAction(opts: PreviewOptions, io: Io): Promise<number> {
  const port = parsePort(opts.port);
  const root = resolveRoot(opts, io);
  const buildOpts: BuildOptions = { includeDrafts: opts.includeDrafts === true, format: "html" };
  let language = "en-GB";
  let title = "cse preview";
  // The pack's own output folder and installed packages are not the submission: changes there are not watched.
  let ignore = [path.join(root, "out"), path.join(root, "node_modules")];

  let opened = openCache(root, opts.cacheLocation, io);
  // The sections of the last page, so that a rebuild renders only those whose content changed.
  const sections = new SectionMemo();
  // The per-item sections of the last pack's model, given again for items that did not change.
  const items = new PackMemo();
  // The last pack that built and the anchors in it: the error page links each error there.
  let lastGood: {
    /** The page: its first piece (the head) as text, the rest encoded. */
    page: { first: string; rest: readonly Uint8Array[] };
    /** Worked out only when an error page needs them (walking the model took some 16 ms a rebuild). */
    anchors: () => ReadonlySet<string>;
    held: () => ReadonlyMap<string, { label: string; anchor: string }>;
  } | null = null;

  // The cache is written once the preview has been idle a moment (no rebuild for
  // CACHE_SAVE_IDLE_MS), not after every rebuild, and at the end at once. What is written is the
  // last run's cache that changed: a run that changed nothing holds the same entries as the run
  // it was made from (FileCache.changed), so writing that earlier one is the same file.
  let pendingSave: (() => void) | null = null;
  let saveTimer: NodeJS.Timeout | undefined;
  const flushSave = (): void => {
    clearTimeout(saveTimer);
    const save = pendingSave;
    pendingSave = null;
    save?.();
  };

  const buildOnce = async (): Promise<PreviewBuild> => {
    const buildDate = buildDateFrom(io.env);
    const asOf = opts.asOf !== undefined ? parseAsOf(opts.asOf) : buildDate;
    const tree = new WorkTree(root);
    // One cache kept in memory from build to build (and saved after each), so a rebuild reads
    // afresh only the files that changed.
    opened = { ...opened, cache: opened.cache.nextRun() };
    const checked = readSubmission(tree, { asOf, cache: opened.cache });
    if (opened.cache.changed()) {
      const toSave = opened;
      pendingSave = () => saveCache(toSave, io);
    }
    clearTimeout(saveTimer);
    if (pendingSave !== null) saveTimer = setTimeout(flushSave, CACHE_SAVE_IDLE_MS);
    const s = checked.submission;
    language = s.config.build.language || language;
    title = s.config.title || title;
    ignore = [path.resolve(root, s.config.build.output), path.join(root, "node_modules")];
    if (checked.errorCount > 0) {
      const errors = checked.diagnostics.filter((d) => d.severity === "error");
      const held = heldIn(s);
      const good = lastGood;
      const concerns = (file: string): PreviewProblem["concerns"] => {
        // A file that no longer parses holds nothing now: what it held in the last pack that built.
        const what = held.get(file) ?? good?.held().get(file);
        if (what === undefined) return undefined;
        const href = good?.anchors().has(what.anchor) ? `${LAST_GOOD_PATH}#${what.anchor}` : null;
        return { label: what.label, href };
      };
      return {
        ...errorBuild(
          errors.map((d) => ({
            place: `${d.file}:${d.line}:${d.column}`,
            code: d.code,
            message: d.message,
            concerns: concerns(d.file),
          })),
          language,
          title,
        ),
        lastGood:
          good === null
            ? undefined
            : (version) => encodeWithReloadScript(good.page.first, good.page.rest, version),
      };
    }
    try {
      items.startPack();
      const doc = assembleDocument(tree, s, buildOpts, { asOf, buildDate }, items);
      const page = renderHtmlPreview(doc, tree, sections);
      lastGood = { page, anchors: once(() => anchorsOf(doc.sections)), held: once(() => heldIn(s)) };
      const attachments = new Set(
        [...s.evidence, ...s.caseStudies]
          .filter((item) => item.status !== "draft" || buildOpts.includeDrafts)
          .flatMap((item) => item.files.map((f) => f.resolved))
          .filter((f): f is string => f !== null),
      );
      return {
        page: (version) => encodeWithReloadScript(page.first, page.rest, version),
        attachments,
        tree,
      };
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      return errorBuild([{ place: "the pack", message: err.message }], language, title);
    }
  };

  const server = await startPreviewServer(await buildOnce(), {
    port,
    defaultPort: DEFAULT_PREVIEW_PORT,
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "EADDRINUSE")
      throw new CliError(`port ${port} is already in use; choose another with --port`);
    throw new CliError(`cannot serve the preview (${err.code ?? err.message})`);
  });
  const watcher = await watchSubmission(root, {
    ignore: () => ignore,
    onChange: async () => {
      try {
        server.publish(await buildOnce());
        io.stderr.write(`Rebuilt (version ${server.version()})\n`);
      } catch (err) {
        const message = (err as Error)?.message ?? String(err);
        server.publish(errorBuild([{ place: "the pack", message }], language, title));
      }
    },
  });
  // Said once the watch is set: a file saved before then would not be seen (on a busy machine,
  // setting the watch on thousands of files takes seconds).
  io.stdout.write(`Previewing the pack at ${server.url}\nPress Ctrl-C to stop.\n`);
  opts.onReady?.(server.url);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    if (opts.signal) {
      if (opts.signal.aborted) return resolve();
      opts.signal.addEventListener("abort", stop, { once: true });
    } else {
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    }
  });
  await watcher.close();
  await server.close();
  flushSave();
  io.stdout.write("Preview stopped.\n");
  return EXIT.OK;
}

function errorBuild(problems: readonly PreviewProblem[], language: string, title: string): PreviewBuild {
  return {
    page: (version) => renderErrorPage(problems, version, { language, title }),
    attachments: new Set(),
    tree: null,
  };
}

/** `make`'s value, worked out on first use. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}

/** The criterion or item each YAML file holds, by root-relative path: its id and title, and its anchor. */
function heldIn(s: Submission): Map<string, { label: string; anchor: string }> {
  const held = new Map<string, { label: string; anchor: string }>();
  for (const c of s.standard.criteria)
    held.set(c.src.file, { label: `criterion ${c.id}: ${c.title}`, anchor: anchorOf.criterion(c.id) });
  for (const e of s.evidence)
    held.set(e.src.file, { label: `${e.id}: ${e.title}`, anchor: anchorOf.evidence(e.id) });
  for (const c of s.caseStudies)
    held.set(c.src.file, { label: `${c.id}: ${c.title}`, anchor: anchorOf.caseStudy(c.id) });
  return held;
}

function anchorsOf(sections: readonly Section[], into = new Set<string>()): Set<string> {
  for (const section of sections) {
    into.add(section.anchor);
    anchorsOf(section.children, into);
  }
  return into;
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new CliError(`--port takes a port number from 0 (any free port) to 65535, not "${value}"`);
  return Number(value);
}
