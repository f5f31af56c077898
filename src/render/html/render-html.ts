import Handlebars from "handlebars";
import type {
  ChartBlock,
  MarkdownBlock,
  Mention,
  PackDocument,
  TableColumn,
} from "../../pack/document-model.js";
import { formatDate } from "../../pack/inline.js";
import { renderMarkdownHtml } from "../../pack/markdown.js";
import { chartLayout } from "./chart-layout.js";
import type { TemplateSet } from "./template-set.js";

/** A template that cannot be parsed or run; names the file when it is known. */
export class TemplateError extends Error {
  constructor(
    message: string,
    /** The template's file name, or null when the failure cannot be pinned to one. */
    readonly file: string | null,
  ) {
    super(message);
    this.name = "TemplateError";
  }
}

/**
 * Renders the pack as one self-contained HTML page: layout.hbs with every other *.hbs as a
 * partial and styles.css inlined. Every value from the document is escaped by Handlebars; the
 * only markup not written by a template comes from the Markdown renderer (raw HTML off).
 */
export function renderHtml(doc: PackDocument, templates: TemplateSet): string {
  const hb = Handlebars.create();
  let charts = 0;
  hb.registerHelper({
    eq: (a: unknown, b: unknown) => a === b,
    and: (a: unknown, b: unknown) => Boolean(a) && Boolean(b),
    hTag: (level: unknown) => `h${Math.min(6, Math.max(1, Math.trunc(Number(level)) || 6))}`,
    cellClass: (columns: TableColumn[] | undefined, index: number) => {
      const c = columns?.[index];
      return `${c?.align === "end" ? "end" : "start"}${c?.nowrap === true ? " nowrap" : ""}`;
    },
    widthOf: (columns: TableColumn[] | undefined, index: number) => {
      const total = (columns ?? []).reduce((n, c) => n + (Number(c.width) || 0), 0);
      return total > 0 ? Math.round((1000 * (Number(columns?.[index]?.width) || 0)) / total) / 10 : 0;
    },
    formatDate: (d: unknown) => formatDate(typeof d === "string" ? d : null),
    chartLayout: (chart: ChartBlock) => chartLayout(chart, charts++),
    markdown: (block: MarkdownBlock, options: Handlebars.HelperOptions) => {
      const mentions = (options.data?.root as { mentions?: Mention[] } | undefined)?.mentions ?? [];
      return new hb.SafeString(
        renderMarkdownHtml(String(block?.source ?? ""), {
          headingShift: Number(block?.headingShift) || 0,
          mentions,
        }),
      );
    },
  });
  for (const [name, text] of templates.files) {
    if (!name.endsWith(".hbs")) continue;
    try {
      hb.parse(text);
    } catch (err) {
      throw new TemplateError(`templates/${name}: ${firstLine(err)}`, name);
    }
    // A trailing newline would put a space between inline pieces ("E001 : report").
    if (name !== "layout.hbs") hb.registerPartial(name.slice(0, -4), text.replace(/\r?\n$/, ""));
  }
  const layout = templates.files.get("layout.hbs");
  if (layout === undefined) throw new TemplateError("templates/layout.hbs is missing", "layout.hbs");
  const css = (templates.files.get("styles.css") ?? "").replace(/<\/(style)/gi, "<\\/$1");
  try {
    const page = hb.compile(layout, { preventIndent: true });
    return withContentSecurityPolicy(
      page(
        { ...doc, css: new hb.SafeString(css) },
        {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
          allowedProtoProperties: {},
          allowedProtoMethods: {},
        },
      ),
    );
  } catch (err) {
    throw new TemplateError(`the templates could not be applied: ${firstLine(err)}`, null);
  }
}

/**
 * The pack runs no script and loads nothing: inline styles, inline SVG and data: images only.
 * Said to the browser as the first thing in the head, where no template (an override from the
 * submission included) can take it out, it holds even if markup got into the page.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

function withContentSecurityPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;
  // Right after <head> when nothing but the doctype and <html> comes before it; otherwise (a
  // template that writes something first) before everything: a meta there opens the head itself.
  const head = /^(\s*<!doctype[^>]*>)?\s*(<html(\s[^>]*)?>)?\s*<head(\s[^>]*)?>/i.exec(html);
  const at = head ? head[0].length : (/^\s*<!doctype[^>]*>/i.exec(html)?.[0].length ?? 0);
  return `${html.slice(0, at)}${head ? "\n" : ""}${meta}${html.slice(at)}`;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .split("\n")
    .filter(Boolean)
    .slice(0, 3)
    .join(" ");
}
