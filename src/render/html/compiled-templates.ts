import type Handlebars from "handlebars";

/**
 * Templates compiled once per process, by their text, and bound to each Handlebars instance
 * that uses them (`hb.template`): `cse preview` makes a new instance for every page (its helpers
 * see that page's document), and compiling the built-in templates again each time (parse,
 * compile, generate and evaluate the code) was some 55 ms of a 3,000-item rebuild. The same
 * template specification Handlebars' own `compile` makes, from the same options, so the output is
 * the same; a text that does not compile here is compiled as before (`hb.compile`, which fails on
 * first use with Handlebars' own message).
 */
const specs = new Map<string, Spec>();

type Spec = Parameters<typeof Handlebars.template>[0];

/** At most this many texts are kept (a submission's templates edited while previewing add more). */
const MAX_SPECS = 256;

const OPTIONS = { preventIndent: true } as const;

/** `hb.compile(text, { preventIndent: true })`, with the compiled form kept from instance to instance. */
export function compileTemplate(hb: typeof Handlebars, text: string): Handlebars.TemplateDelegate {
  let spec = specs.get(text);
  if (spec === undefined) {
    try {
      // What hb.compile evaluates itself: code Handlebars generated from the template.
      spec = new Function(`return ${String(hb.precompile(text, OPTIONS))}`)() as Spec;
    } catch {
      return hb.compile(text, OPTIONS);
    }
    if (specs.size >= MAX_SPECS) specs.clear();
    specs.set(text, spec);
  }
  return hb.template(spec);
}

/** Whether `text`, or `text` without its last line break, compiled here before (so `text` parses). */
export function compiledBefore(text: string): boolean {
  return specs.has(text) || specs.has(text.replace(/\r?\n$/, ""));
}
