// The pack is opened in a browser, and template overrides are the submission's own markup. The
// Content-Security-Policy stops script and requests, but not everything: a refresh <meta>
// navigates, a <base> re-targets links, frames and objects open documents of their own, and
// <link rel=dns-prefetch> asks the network. So the page is checked for those elements (which
// no built-in template writes) and the policy is put where no markup before it can hide it.

/**
 * The pack runs no script and loads nothing: inline styles, inline SVG and data: images only.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

const POLICY_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;

// Attributes written strictly: a name, then a value in quotes holding no angle bracket. A tag
// written any other way is not trusted to be what it looks like (an attribute value holding
// "<head>" fooled a pattern once), and gets the safe placement instead.
const ATTRIBUTES = String.raw`(?:\s+[A-Za-z][A-Za-z0-9-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))?)*\s*`;
const PLAIN_START = new RegExp(
  String.raw`^(?:\s*<!doctype html>)?\s*<html${ATTRIBUTES}>\s*<head${ATTRIBUTES}>`,
  "i",
);
const LEADING_DOCTYPE = /^\s*<!doctype[^>]*>/i;

/**
 * `html` with the policy as the first element of its head. When the page starts plainly
 * (doctype, `<html …>`, `<head …>`) the policy goes right after `<head …>`; otherwise cse writes
 * the doctype and the policy before everything, where the policy opens the head itself and any
 * `<html>` or `<head>` the template writes later only adds attributes.
 */
export function withContentSecurityPolicy(html: string): string {
  const plain = PLAIN_START.exec(html);
  if (plain) return `${plain[0]}\n${POLICY_META}${html.slice(plain[0].length)}`;
  return `<!DOCTYPE html>\n${POLICY_META}\n${html.replace(LEADING_DOCTYPE, "")}`;
}

// Elements the pack never needs that navigate, re-target, embed or reach the network outside
// the policy's reach (script is stopped by the policy too; refusing it says so plainly).
const ACTIVE_ELEMENT =
  /<(script|iframe|frame|frameset|object|embed|applet|base|link|portal|fencedframe|meta)(?=[\s/>])/gi;
const PLAIN_META = new RegExp(
  String.raw`^<meta(?:\s+(?:charset|name|content)\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*\s*/?>`,
  "i",
);

/**
 * The first element in `html` that the pack refuses: any of ACTIVE_ELEMENT, except a `<meta>`
 * with only `charset`, `name` and `content` (a refresh is `http-equiv`). Null when there is none.
 */
export function findActiveElement(html: string): string | null {
  for (const m of html.matchAll(ACTIVE_ELEMENT)) {
    const name = (m[1] ?? "").toLowerCase();
    if (name === "meta" && PLAIN_META.test(html.slice(m.index, m.index + 4096))) continue;
    return name === "meta" ? "meta http-equiv" : name;
  }
  return null;
}

// How far past a `<meta` its attributes are read (findActiveElement's slice), plus room for
// the element name and what follows it.
const LOOK_AHEAD = 4096 + 64;

/**
 * findActiveElement over a page that comes in pieces, with the same answer as over the whole:
 * `push` each piece in order, then `end`; each returns the first refused element found so far,
 * else null. A possible element is decided once the LOOK_AHEAD characters after its start have
 * come (or at the end), and only those characters are kept from one piece to the next.
 */
export function activeElementScanner(): { push(text: string): string | null; end(): string | null } {
  let carry = "";
  let carryStart = 0; // the page offset of carry's first character
  let decided = 0; // every possible element starting before this offset is decided
  // The first refused element in `text` (at page offset `start`) starting in [decided, until).
  const first = (text: string, start: number, until: number): string | null => {
    for (const m of text.matchAll(ACTIVE_ELEMENT)) {
      const at = start + m.index;
      if (at < decided) continue;
      if (at >= until) break;
      const name = (m[1] ?? "").toLowerCase();
      if (name === "meta" && PLAIN_META.test(text.slice(m.index, m.index + 4096))) continue;
      return name === "meta" ? "meta http-equiv" : name;
    }
    return null;
  };
  const scan = (text: string, final: boolean): string | null => {
    const textStart = carryStart + carry.length;
    const bufferEnd = textStart + text.length;
    const limit = final ? bufferEnd : Math.max(decided, bufferEnd - LOOK_AHEAD);
    // Elements starting in what was carried, read with enough of the new text to decide them;
    // then those starting in the new text, read in it as it is (never copied onto the carry:
    // an element's name holds no "<", so a match across the seam hides none after it).
    const found =
      (carry === ""
        ? null
        : first(carry + text.slice(0, LOOK_AHEAD), carryStart, Math.min(limit, textStart))) ??
      first(text, textStart, limit);
    if (found !== null) return found;
    decided = limit;
    carry = limit >= textStart ? text.slice(limit - textStart) : carry.slice(limit - carryStart) + text;
    carryStart = limit;
    return null;
  };
  return { push: (text) => scan(text, false), end: () => scan("", true) };
}
