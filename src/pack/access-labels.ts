import type { AccessKind } from "../model/raw-types.js";

/** How the assessor can see an item, in a few words for lists and tables. */
export const ACCESS_SHORT: Record<AccessKind, string> = {
  attached: "attached",
  "public-link": "public link",
  "internal-link": "internal link, shown on request",
  "on-site": "seen on the day",
  "on-request": "available on request",
};

/** How the assessor can see an item, as a sentence for its entry. */
export const ACCESS_LONG: Record<AccessKind, string> = {
  attached: "Attached to this pack.",
  "public-link": "At a public link: the link below opens it.",
  "internal-link":
    "On our internal systems: the link below works only inside the organisation, so we will show it to the assessor.",
  "on-site": "Shown to the assessor on the day of the visit.",
  "on-request": "Available to the assessor on request.",
};
