/** The templates of the HTML pack: the built-in ones, with a submission's overrides by file name. */
export interface TemplateSet {
  /** File name → text, every *.hbs and styles.css; `layout.hbs` is the page, the rest are partials. */
  files: Map<string, string>;
  /** Names taken from the submission's templates/ folder, sorted. */
  overridden: string[];
}

/** File names a templates/ folder may hold: plain names, no folders, no hidden files. */
export const TEMPLATE_FILE = /^[A-Za-z0-9][A-Za-z0-9_-]*\.hbs$|^styles\.css$/;

/**
 * Merges the built-in templates with a submission's: a file of the same name replaces the
 * built-in one; a new *.hbs becomes a partial a template can use. Names that are not plain
 * template file names are ignored (the caller lists only the folder's own files).
 */
export function mergeTemplates(
  builtin: ReadonlyMap<string, string>,
  overrides: ReadonlyMap<string, string>,
): TemplateSet {
  const files = new Map(builtin);
  const overridden: string[] = [];
  for (const [name, text] of [...overrides].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!TEMPLATE_FILE.test(name)) continue;
    files.set(name, text);
    overridden.push(name);
  }
  return { files, overridden };
}
