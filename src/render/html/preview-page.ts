import { createHash } from "node:crypto";
import { CONTENT_SECURITY_POLICY } from "./page-safety.js";

/**
 * The one script a preview page runs: it listens to the preview server and reloads the page
 * when the pack it shows is no longer the latest (the server says the latest version on
 * connecting and after every rebuild, so a rebuild between loading and connecting is not missed).
 */
const RELOAD_SCRIPT =
  "(function(){var m=document.querySelector('meta[name=\"cse-preview-version\"]');" +
  "var v=m?m.getAttribute('content'):'';var es=new EventSource('/__cse/events');" +
  "es.addEventListener('version',function(e){if(e.data!==v){es.close();location.reload();}});})();";

/** The page's policy in preview: the pack's, plus exactly the reload script and its connection. */
export const PREVIEW_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY}; script-src 'sha256-${createHash(
  "sha256",
)
  .update(RELOAD_SCRIPT)
  .digest("base64")}'; connect-src 'self'`;

const PACK_POLICY_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;

/** The tags that make a page reload itself in preview: its policy, its version and the script. */
function previewHead(version: number): string {
  return (
    `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CONTENT_SECURITY_POLICY}">\n` +
    `<meta name="cse-preview-version" content="${version}">\n<script>${RELOAD_SCRIPT}</script>`
  );
}

/**
 * The pack as preview serves it: the renderer's policy (always the first tag of the head) is
 * replaced by one that also allows the reload script, and the script follows it. Null when the
 * page does not start with the renderer's policy, which would be a bug: then nothing is served.
 */
export function withReloadScript(html: string, version: number): string | null {
  const at = html.indexOf(PACK_POLICY_META);
  if (at < 0 || at > 512) return null;
  return html.slice(0, at) + previewHead(version) + html.slice(at + PACK_POLICY_META.length);
}

/**
 * withReloadScript's page as UTF-8 bytes in pieces: `first` is the page's first piece as text
 * (holding the head, where the policy is) and `rest` the others, already encoded. A 13 MB page
 * is never joined into one string nor one buffer.
 */
export function encodeWithReloadScript(
  first: string,
  rest: readonly Uint8Array[],
  version: number,
): Uint8Array[] | null {
  const head = withReloadScript(first, version);
  return head === null ? null : [Buffer.from(head, "utf8"), ...rest];
}

/** A problem that keeps the pack from being shown. */
export interface PreviewProblem {
  /** Where: file:line:column, or a file. */
  place: string;
  /** The diagnostic code, when it is one. */
  code?: string;
  message: string;
  /**
   * The criterion or item the problem's file holds, by its id and title; with the address of its
   * place in the last pack that built (`/__cse/last-good#anchor`) when there is one.
   */
  concerns?: { label: string; href: string | null };
}

/** Where preview serves the last pack that built while the submission has errors. */
export const LAST_GOOD_PATH = "/__cse/last-good";

/** The page preview shows while the submission has errors: each as file:line and its message. */
export function renderErrorPage(
  errors: readonly PreviewProblem[],
  version: number,
  options: { language: string; title: string },
): string {
  const items = errors
    .map(
      (d) =>
        `<li><code>${escapeHtml(d.place)}</code> ` +
        (d.code ? `<span class="code">${escapeHtml(d.code)}</span>` : "") +
        `<br>${escapeHtml(d.message)}${concernsLine(d.concerns)}</li>`,
    )
    .join("\n");
  const count = errors.length === 1 ? "1 error" : `${errors.length} errors`;
  return `<!doctype html>
<html lang="${escapeHtml(options.language)}">
<head>
${previewHead(version)}
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${count} to mend – ${options.title}`)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}li{margin:0 0 1rem}code{font-size:.95em;background:#f1f1f1;padding:.1em .3em}
.code{color:#8a1c1c;font-weight:600}
</style>
</head>
<body>
<main>
<h1>The pack cannot be shown: the submission has ${count}</h1>
<p>Mend ${errors.length === 1 ? "it" : "them"} and save: this page shows the pack again by itself.</p>
<ol>
${items}
</ol>
</main>
</body>
</html>
`;
}

function concernsLine(concerns: PreviewProblem["concerns"]): string {
  if (concerns === undefined) return "";
  const label = escapeHtml(concerns.label);
  if (concerns.href === null) return `<br>In ${label}`;
  return `<br>In <a href="${escapeHtml(concerns.href)}">${label}</a> (as it was in the last pack that built)`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
