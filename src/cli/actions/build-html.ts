import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PackDocument } from "../../pack/document-model.js";
import {
  renderHtml,
  renderHtmlTo,
  TemplateError,
  type HtmlOptions,
  type SectionStore,
} from "../../render/html/render-html.js";
import type { SectionMemo } from "../../render/html/section-memo.js";
import { mergeTemplates, TEMPLATE_FILE } from "../../render/html/template-set.js";
import type { SourceTree } from "../../load/source-tree.js";
import { collectGarbage } from "../../util/collect-garbage.js";
import { discardTemporary, temporaryFor, type WrittenTemporary } from "../../util/atomic-write.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { PackRenderContext } from "./build.js";

/** The package's own templates (templates/ beside dist/ and src/). */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL("../../../templates/", import.meta.url));

const MAX_TEMPLATE_BYTES = 1024 * 1024;

/**
 * The HTML pack: the built-in templates, overridden by the submission's templates/ folder. With
 * a target, written piece by piece to a temporary beside it (never encoded whole), which joins the
 * build's other files when all are ready; without, the bytes.
 */
export async function renderHtmlPack(
  doc: PackDocument,
  context: PackRenderContext & { target?: undefined },
): Promise<Uint8Array>;
export async function renderHtmlPack(
  doc: PackDocument,
  context: PackRenderContext,
): Promise<Uint8Array | WrittenTemporary>;
export async function renderHtmlPack(
  doc: PackDocument,
  { tree, target }: PackRenderContext,
): Promise<Uint8Array | WrittenTemporary> {
  if (target === undefined) return renderHtmlWith(doc, tree, {});
  const temporary = temporaryFor(target);
  // Each section's text waits in a file beside the temporary (in the same staging folder, which
  // a later write clears should this process be killed) until the page is written in order.
  const store = sectionFile(path.join(path.dirname(temporary), "sections.new"));
  try {
    writeStreamed(temporary, (write) =>
      withTemplateErrors(() => renderHtmlTo(doc, templatesOf(tree), store, write)),
    );
  } catch (err) {
    discardTemporary(temporary);
    throw err;
  } finally {
    store.remove();
  }
  return { temporary };
}

/** The HTML pack rendered with options (the zip bundle's links its attachments). */
export function renderHtmlWith(doc: PackDocument, tree: SourceTree, options: HtmlOptions): Uint8Array {
  return new TextEncoder().encode(renderHtmlText(doc, tree, options));
}

/** The HTML pack as text (`cse preview` serves it with a few tags added). */
export function renderHtmlText(doc: PackDocument, tree: SourceTree, options: HtmlOptions): string {
  const templates = templatesOf(tree);
  return withTemplateErrors(() => renderHtml(doc, templates, options));
}

/**
 * The HTML pack for `cse preview`: written by renderHtmlTo through the memo (only changed sections
 * are rendered again, and their texts are kept from page to page), as the page's first piece (the
 * head, as text) and the rest encoded piece by piece. The same bytes as renderHtmlText; the page
 * is checked piece by piece, never joined into one 13 MB string.
 */
export function renderHtmlPreview(
  doc: PackDocument,
  tree: SourceTree,
  memo: SectionMemo,
): { first: string; rest: Uint8Array[] } {
  const templates = templatesOf(tree);
  let first: string | null = null;
  const rest: Uint8Array[] = [];
  withTemplateErrors(() =>
    renderHtmlTo(
      doc,
      templates,
      memo,
      (text) => {
        if (first === null) first = text;
        else rest.push(Buffer.from(text, "utf8"));
      },
      {
        sectionMemo: memo,
        writeEncoded: (chunks) => {
          for (const chunk of chunks) rest.push(chunk);
        },
      },
    ),
  );
  return { first: first ?? "", rest };
}

function templatesOf(tree: SourceTree) {
  return mergeTemplates(readBuiltinTemplates(), readSubmissionTemplates(tree));
}

function withTemplateErrors<T>(render: () => T): T {
  try {
    return render();
  } catch (err) {
    if (err instanceof TemplateError)
      throw new CliError(`cannot build the HTML pack: ${err.message}`, EXIT.FINDINGS);
    throw err;
  }
}

/**
 * Writes what `produce` hands to its `write` to a new file as UTF-8, a million characters at a
 * time at most, and makes the file durable.
 */
function writeStreamed(file: string, produce: (write: (text: string) => void) => void): void {
  const fd = fs.openSync(file, "wx");
  try {
    produce((part) => {
      for (let i = 0; i < part.length;) {
        let end = Math.min(part.length, i + PIECE);
        // Never between the two halves of a character outside the Basic Multilingual Plane.
        if (end < part.length && /[\ud800-\udbff]/.test(part[end - 1]!)) end++;
        fs.writeSync(fd, part.slice(i, end));
        i = end;
      }
    });
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A SectionStore in a file of its own: each text appended as UTF-8, read back by its place. */
function sectionFile(file: string): SectionStore & { remove(): void } {
  let fd: number | null = null;
  let size = 0;
  const places: number[] = []; // offset, length, offset, length…
  return {
    put(text) {
      fd ??= fs.openSync(file, "wx+");
      const bytes = Buffer.from(text, "utf8");
      for (let done = 0; done < bytes.length;)
        done += fs.writeSync(fd, bytes, done, bytes.length - done, size + done);
      places.push(size, bytes.length);
      size += bytes.length;
      const id = places.length / 2 - 1;
      // Each section's text is garbage once kept here: on a large pack, collected as it goes.
      if (id > 0 && id % SECTIONS_BETWEEN_COLLECTIONS === 0) collectGarbage();
      return id;
    },
    get(id) {
      const [offset, length] = [places[2 * id]!, places[2 * id + 1]!];
      const bytes = Buffer.alloc(length);
      for (let done = 0; done < length;) done += fs.readSync(fd!, bytes, done, length - done, offset + done);
      return bytes.toString("utf8");
    },
    remove() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
      fs.rmSync(file, { force: true });
    },
  };
}

const PIECE = 1 << 20;
const SECTIONS_BETWEEN_COLLECTIONS = 4_000;

/** The package's own templates, file name → text (also what scripts/build-templates.js compiles). */
export function readBuiltinTemplates(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(BUILTIN_TEMPLATES).sort()) {
    if (TEMPLATE_FILE.test(name)) files.set(name, fs.readFileSync(BUILTIN_TEMPLATES + name, "utf8"));
  }
  return files;
}

/** The submission's own templates/: plain files directly in it, read through the tree (never outside the root). */
function readSubmissionTemplates(tree: SourceTree): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of tree.list("templates")) {
    if (entry.kind !== "file" || !TEMPLATE_FILE.test(entry.name)) continue;
    try {
      files.set(
        entry.name,
        new TextDecoder("utf-8").decode(tree.read(`templates/${entry.name}`, MAX_TEMPLATE_BYTES)),
      );
    } catch (err) {
      throw new CliError(`the template templates/${entry.name} cannot be read (${(err as Error).message})`);
    }
  }
  return files;
}
