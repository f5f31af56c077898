/**
 * A file-name-safe slug of a title: lower case ASCII letters and digits joined by hyphens, accents
 * dropped (`Gwasanaeth Ymholiadau Cymraeg` → `gwasanaeth-ymholiadau-cymraeg`), at most `max`
 * characters, cut at a hyphen. Empty when nothing usable is left.
 */
export function slugify(title: string, max = 48): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf("-");
  return (at > 0 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, "");
}
