/**
 * The root-relative path a request names, or null when it could name anything outside the
 * served files: `..` or `.` segments (also encoded), encoded slashes or backslashes, NUL,
 * absolute or drive-letter paths, a query or fragment. The caller still serves only exact
 * attachment paths; this only makes sure the name it compares is the one a reader means.
 */
export function safeRequestPath(url: string): string | null {
  if (!url.startsWith("/") || url.startsWith("//")) return null;
  const raw = url.slice(1);
  if (raw === "" || /[?#\\]/.test(raw)) return null;
  const segments: string[] = [];
  for (const part of raw.split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (segment === "" || segment === "." || segment === "..") return null;
    if (/[/\\\0]/.test(segment) || /^[A-Za-z]:/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.join("/");
}
