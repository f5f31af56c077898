import type { PackDocument } from "../../pack/document-model.js";
import { volumeElsewhere } from "../../pack/volumes.js";

// A link to a place in the pack is written `href="#anchor"`, by the templates (the user's own
// too) and by the Markdown renderer. Anchors are made of letters, digits, ".", "_" and "-"
// (document-model.ts), and every value from the submission is escaped, so such an attribute in
// the page is always the pack's own markup, never text.
const INTERNAL_HREF = /\bhref=(["'])#([A-Za-z0-9][A-Za-z0-9._-]*)\1/g;

/**
 * In a pack split into volumes, points every link to an anchor held by another volume at that
 * volume's file (`02-criterion-1.html#el-1.1.1`, a sibling in the same folder); links within the
 * volume, and every link of a single-file pack, are left as they are.
 */
export function linkAcrossVolumes(html: string, doc: PackDocument): string {
  if (!doc.volume) return html;
  return html.replace(INTERNAL_HREF, (whole, quote: string, anchor: string) => {
    const volume = volumeElsewhere(doc, anchor);
    return volume ? `href=${quote}${volume.file}.html#${anchor}${quote}` : whole;
  });
}
