import { AlignmentType, LevelFormat, Paragraph, type INumberingOptions, type ParagraphChild } from "docx";

/** Where a paragraph sits in a list. */
export interface ListPlace {
  ordered: boolean;
  /** Nesting depth, 0 for a top-level list. */
  depth: number;
  /** The numbered list's own instance, so its numbers start again. */
  instance: number;
  /** The first number of a numbered list. */
  start: number;
  /** Whether this is a later paragraph of the same item (no bullet of its own). */
  continued: boolean;
}

const BULLETS = "bullets";
const INDENT = 360;
const MAX_DEPTH = 8;

/** A list paragraph: the item's first carries the bullet or number; later ones line up with its text. */
export function listParagraph(place: ListPlace, children: ParagraphChild[], style?: string): Paragraph {
  const level = Math.min(place.depth, MAX_DEPTH);
  if (place.continued) return new Paragraph({ style, children, indent: { left: INDENT * (level + 1) } });
  return new Paragraph({
    style,
    children,
    numbering: {
      reference: place.ordered ? numbersFrom(place.start) : BULLETS,
      level,
      instance: place.ordered ? place.instance : 0,
    },
  });
}

/** The numbering reference of numbered lists starting at `start`. */
function numbersFrom(start: number): string {
  return `numbers-${Math.max(0, Math.trunc(start))}`;
}

/**
 * The numbering definitions: bullets, and decimal numbers for every first number a list in
 * `paragraphs` uses (Markdown lets a list start at any number).
 */
export function numberingOf(starts: ReadonlySet<number>): INumberingOptions {
  const levels = (ordered: boolean, start: number) =>
    Array.from({ length: MAX_DEPTH + 1 }, (_, level) => ({
      level,
      format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
      text: ordered ? `%${level + 1}.` : ["\u2022", "\u25e6", "\u25aa"][level % 3]!,
      start: level === 0 ? start : 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } },
    }));
  return {
    config: [
      { reference: BULLETS, levels: levels(false, 1) },
      ...[...starts]
        .sort((a, b) => a - b)
        .map((start) => ({ reference: numbersFrom(start), levels: levels(true, start) })),
    ],
  };
}
