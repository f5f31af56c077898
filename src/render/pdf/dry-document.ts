import { widthIn } from "./fonts.js";
import { DRAWS_NOTHING } from "./set-text.js";

/**
 * A stand-in for a pdfkit document in a layout pass that draws nothing (a dry pass, or the
 * measuring of a block before it is set): every method does nothing and returns the stand-in
 * itself, so chains such as `doc.rect(...).fill(...)`, structure elements (`struct`, `add`,
 * `end`) and outline items (`outline.addItem`) cost nothing and keep nothing, while `font`,
 * `fontSize` and `widthOfString` measure text as the real document would (renderers place
 * labels by their width). No page, object or byte is made.
 */
export function dryDocument(): PDFKit.PDFDocument {
  let font = "sans";
  let size = 12;
  // Made once: a layout pass asks for them for every line it measures.
  const setFont = (name: string) => ((font = name), self);
  const setSize = (s: number) => ((size = s), self);
  const widthOf = (text: string) => widthIn(font, size, text);
  const self: unknown = new Proxy(function dry() {}, {
    get(_target, prop) {
      switch (prop) {
        case "font":
          return setFont;
        case "fontSize":
          return setSize;
        case "widthOfString":
          return widthOf;
        case "then":
          return undefined; // not a promise
        case DRAWS_NOTHING:
          return true; // what cse's own drawing (setLineText) asks before it reaches into pdfkit
        default:
          return typeof prop === "symbol" ? undefined : self;
      }
    },
    set: () => true,
    apply: () => self,
  });
  return self as PDFKit.PDFDocument;
}
