/**
 * The part of the `docx` package (9.7.0) that cse uses, declared here because the package's own
 * declarations import their files without extensions, which TypeScript's NodeNext resolution
 * (this project's) cannot follow: every name would be missing. Options are typed as loosely as
 * the package takes them; the tests that read the Word file's XML hold the behaviour.
 */
declare module "docx" {
  type Options = Record<string, unknown>;
  type Values<T> = T[keyof T];

  export class XmlComponent {
    protected constructor();
  }
  export class FileChild extends XmlComponent {}
  export class Paragraph extends FileChild {
    constructor(options: string | Options);
  }
  export class TextRun extends XmlComponent {
    constructor(options: string | Options);
  }
  export type ParagraphChild = XmlComponent;
  export class ExternalHyperlink extends XmlComponent {
    constructor(options: { link: string; children: readonly XmlComponent[] });
  }
  export class InternalHyperlink extends XmlComponent {
    constructor(options: { anchor: string; children: readonly XmlComponent[] });
  }
  export class Bookmark extends XmlComponent {
    constructor(options: { id: string; children: readonly XmlComponent[] });
  }
  export class TableOfContents extends FileChild {
    constructor(alias?: string, options?: Options & { contentChildren?: readonly XmlComponent[] });
  }
  export class Table extends FileChild {
    constructor(options: Options & { rows: readonly TableRow[] });
  }
  export class TableRow extends XmlComponent {
    constructor(options: Options & { children: readonly TableCell[] });
  }
  export class TableCell extends XmlComponent {
    constructor(options: Options & { children: readonly (Paragraph | Table)[] });
  }
  export class ImageRun extends XmlComponent {
    constructor(options: Options);
  }
  export class Header {
    constructor(options: { children: readonly (Paragraph | Table)[] });
  }
  export class Footer {
    constructor(options: { children: readonly (Paragraph | Table)[] });
  }
  export class Document {
    constructor(options: Options & { sections: readonly Options[] });
  }
  export const Packer: {
    toBuffer(file: Document): Promise<Buffer>;
  };
  export const PageNumber: { readonly CURRENT: "CURRENT"; readonly TOTAL_PAGES: "TOTAL_PAGES" };
  export const HeadingLevel: {
    readonly HEADING_1: "Heading1";
    readonly HEADING_2: "Heading2";
    readonly HEADING_3: "Heading3";
    readonly HEADING_4: "Heading4";
    readonly HEADING_5: "Heading5";
    readonly HEADING_6: "Heading6";
    readonly TITLE: "Title";
  };
  export const AlignmentType: { readonly LEFT: "left"; readonly RIGHT: "right"; readonly CENTER: "center" };
  export const LevelFormat: { readonly BULLET: "bullet"; readonly DECIMAL: "decimal" };
  export const BorderStyle: { readonly SINGLE: "single"; readonly NONE: "none" };
  export const ShadingType: { readonly CLEAR: "clear" };
  export const TableLayoutType: { readonly FIXED: "fixed" };
  export const WidthType: { readonly DXA: "dxa"; readonly PERCENTAGE: "pct" };
  export const TabStopType: { readonly RIGHT: "right"; readonly LEFT: "left" };
  export type IStylesOptions = Options & { paragraphStyles?: Options[]; characterStyles?: Options[] };
  export type INumberingOptions = { config: readonly { reference: string; levels: readonly Options[] }[] };
  export type HeadingLevelValue = Values<typeof HeadingLevel>;
}
