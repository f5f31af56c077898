import fc from "fast-check";
import { isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";

// Text that tries to become code: markup, script, template syntax, spreadsheet formulas,
// terminal escapes. Written into the text fields of a valid submission, it must come out of
// every report and the pack as text.

/** Field names whose values are free text or Markdown (never ids, dates or enums). */
export const TEXT_FIELDS = new Set([
  "title",
  "description",
  "summary",
  "narrative",
  "statement",
  "note",
  "comment",
  "name",
  "role",
  "organisation",
  "text",
  "guidance",
  "label",
  "assessor",
  "edition",
]);

const PIECES = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(2)>",
  "<x-inj>",
  "</x-inj>",
  "<svg onload=alert(3)>",
  "<iframe src=//e.test>",
  "<style>*{display:none}</style>",
  "</style>",
  "</textarea>",
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  '"',
  "'",
  "`",
  "&",
  "&amp;",
  "&#x3C;",
  "javascript:alert(4)",
  "[a](javascript:alert(5))",
  "[b](data:text/html;base64,PHNjcmlwdD4=)",
  "[c](vbscript:x)",
  "[d](JaVaScRiPt:alert(6))",
  "[e](java\tscript:alert(7))",
  "[f](&#106;avascript:alert(8))",
  "<javascript:alert(9)>",
  "<https://e.test/ok>",
  '[g](https://e.test/"onmouseover="x)',
  "![i](https://e.test/p.png)",
  "{{constructor.constructor 'alert(10)'}}",
  "{{{raw}}}",
  "{{> layout}}",
  "${alert(11)}",
  '=HYPERLINK("https://e.test")',
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  "=cmd|' /C calc'!A0",
  "\u001b]0;title\u0007",
  "\u001b[2J",
  "\u009b31m",
  "\u202e",
  "\u0000",
  "\n\n# heading\n\n",
  "\n- item\n",
  "\n```\ncode\n```\n",
  "  \n",
  "| a | b |\n|---|---|",
  "\\",
  "%",
  "%PDF",
  "/JavaScript",
  "/JS (app.alert(1))",
  "(",
  ")",
  "\u2028",
  "🙂",
  "ẞ",
  "Ŵ",
  "ﬀ",
  "\ufffd",
  "\ud800",
];

/** A hostile string: a few pieces joined, or random text of any unicode. */
export const hostileTextArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), {
        minLength: 1,
        maxLength: 6,
      })
      .map((p) => p.join(" ")),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 30 }) },
);

/** Links that are valid http(s) URLs yet carry markup in their query. */
export const hostileLinkArb: fc.Arbitrary<string> = fc.constantFrom(
  'https://e.test/?q="><script>alert(1)</script>',
  "https://e.test/#<img src=x onerror=alert(2)>",
  "http://e.test/'onmouseover='alert(3)",
  "https://user:pass@e.test/=1+1",
  "https://e.test/\u202eexe.pdf",
);

/** Replaces the `n`-th text field of a YAML file with `value` (or adds a link); returns the new text. */
export function replaceTextField(text: string, n: number, value: string, link: string | null): string {
  let doc: Document;
  try {
    doc = parseDocument(text);
  } catch {
    return text;
  }
  if (doc.errors.length) return text;
  const places: unknown[][] = [];
  const walk = (node: unknown, path: unknown[]) => {
    if (isMap(node)) {
      for (const p of node.items) {
        const key = isScalar(p.key) ? p.key.value : null;
        if (typeof key !== "string") continue;
        if (TEXT_FIELDS.has(key) && isScalar(p.value) && typeof p.value.value === "string")
          places.push([...path, key]);
        walk(p.value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  if (places.length) doc.setIn(places[n % places.length]!, value.trim() === "" ? `${value}x` : value);
  if (link !== null && isMap(doc.contents) && doc.has("links")) doc.set("links", [link]);
  return doc.toString({ lineWidth: 0 });
}
