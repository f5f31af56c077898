import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { PackDocument } from "../../pack/document-model.js";
import { renderHtml, TemplateError, type HtmlOptions } from "../../render/html/render-html.js";
import { mergeTemplates, TEMPLATE_FILE } from "../../render/html/template-set.js";
import type { SourceTree } from "../../load/source-tree.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { PackRenderContext } from "./build.js";

/** The package's own templates (templates/ beside dist/ and src/). */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL("../../../templates/", import.meta.url));

const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** The HTML pack: the built-in templates, overridden by the submission's templates/ folder. */
export async function renderHtmlPack(doc: PackDocument, { tree }: PackRenderContext): Promise<Uint8Array> {
  return renderHtmlWith(doc, tree, {});
}

/** The HTML pack rendered with options (the zip bundle's links its attachments). */
export function renderHtmlWith(doc: PackDocument, tree: SourceTree, options: HtmlOptions): Uint8Array {
  return new TextEncoder().encode(renderHtmlText(doc, tree, options));
}

/** The HTML pack as text (`cse preview` serves it with a few tags added). */
export function renderHtmlText(doc: PackDocument, tree: SourceTree, options: HtmlOptions): string {
  const templates = mergeTemplates(readBuiltinTemplates(), readSubmissionTemplates(tree));
  try {
    return renderHtml(doc, templates, options);
  } catch (err) {
    if (err instanceof TemplateError)
      throw new CliError(`cannot build the HTML pack: ${err.message}`, EXIT.FINDINGS);
    throw err;
  }
}

function readBuiltinTemplates(): Map<string, string> {
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
