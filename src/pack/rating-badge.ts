import type { Rating } from "../model/types.js";
import type { BadgeInline, Inline } from "./document-model.js";

/**
 * A rating as a shape and its label. The shape follows the rating's place on the scale, so any
 * standard gets one: the best rating a star when more than one rating meets the standard, other
 * ratings that meet it a disc, the first below it a half disc, the rest a ring.
 */
export function badgeOf(scale: readonly Rating[], id: string | null): Inline {
  const rating = id === null ? undefined : scale.find((r) => r.id === id);
  if (!rating) return { type: "badge", shape: "dash", text: id === null ? "Not rated" : id };
  return { type: "badge", shape: shapeOf(scale, rating), text: rating.label };
}

function shapeOf(scale: readonly Rating[], rating: Rating): BadgeInline["shape"] {
  const meeting = scale.filter((r) => r.meets);
  const below = scale.filter((r) => !r.meets);
  if (rating.meets) return meeting.length > 1 && meeting[0] === rating ? "star" : "disc";
  return below[0] === rating ? "half" : "ring";
}

/** The character each shape is drawn with (DejaVu Sans has them all). */
export const BADGE_SYMBOLS: Record<BadgeInline["shape"], string> = {
  star: "\u2605",
  disc: "\u25cf",
  half: "\u25d0",
  ring: "\u25cb",
  dash: "\u2013",
};
