// The `linebreak` package (the Unicode line-breaking algorithm, UAX #14; pdfkit's own line
// breaker) ships no types: the little cse uses of it.
declare module "linebreak" {
  interface Break {
    /** Where the text may break: the next line would start at this index. */
    position: number;
    /** A break the text demands (a line end), not only allows. */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
