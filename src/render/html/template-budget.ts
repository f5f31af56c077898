import type Handlebars from "handlebars";
import type { PackDocument, Section } from "../../pack/document-model.js";

/**
 * How much work the templates may do for one pack: each turn of a loop (`{{#each}}`, or a
 * section over a list) and each use of a partial is a step. The shipped templates take about
 * 130 steps per section of the pack (an element, an evidence item, a case study): 50,000 for
 * 300 items, 4.6 million for 30,000. Six loops nested in a 215-byte override would take
 * billions. So the budget is a million steps, or STEPS_PER_SECTION per section of the pack
 * when that is more: ample for any pack the shipped templates build, and still a bound that
 * grows only with the pack, never with the nesting of the templates.
 */
export const MAX_TEMPLATE_STEPS = 1_000_000;
export const STEPS_PER_SECTION = 1_000;

/** The budget of the templates' steps for a pack (see MAX_TEMPLATE_STEPS). */
export function templateBudget(doc: Pick<PackDocument, "sections">): number {
  const count = (sections: readonly Section[]): number =>
    sections.reduce((n, s) => n + 1 + count(s.children), 0);
  return Math.max(MAX_TEMPLATE_STEPS, STEPS_PER_SECTION * count(doc.sections));
}

/** Thrown when the templates exceed their budget; names the template at work when it ran out. */
export class TemplateBudgetError extends Error {
  constructor(
    readonly file: string,
    budget: number,
  ) {
    super(overBudgetMessage(file, budget));
    this.name = "TemplateBudgetError";
  }
}

function overBudgetMessage(file: string, budget: number): string {
  return (
    `templates/${file} repeats its work more than ${budget.toLocaleString("en-GB")} times ` +
    "(loops inside loops, or a partial that uses itself?): simplify it"
  );
}

/**
 * Counts the steps of `hb` (a Handlebars.create() instance, changed in place) and throws a
 * TemplateBudgetError past `budget` (templateBudget). Partials must be registered as compiled
 * functions, so every use passes through the counted `invokePartial`. `blame` picks which of the
 * templates at work (outermost first) to name.
 */
export function limitTemplateWork(
  hb: typeof Handlebars,
  budget: number,
  blame: (stack: string[]) => string,
): void {
  let steps = 0;
  const stack: string[] = ["layout.hbs"];
  const step = () => {
    if (++steps > budget) throw new TemplateBudgetError(blame(stack), budget);
  };
  const each = hb.helpers.each as Handlebars.HelperDelegate;
  hb.registerHelper("each", function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options.fn;
    const counted = Object.assign((ctx: unknown, opts?: Handlebars.RuntimeOptions) => {
      step();
      return fn(ctx, opts);
    }, fn);
    return each.call(this, context, { ...options, fn: counted });
  });
  // hb.VM is the runtime shared by every instance: give this one its own copy.
  const vm = (hb as unknown as { VM: Record<string, unknown> }).VM;
  const invokePartial = vm.invokePartial as (this: unknown, ...args: unknown[]) => unknown;
  (hb as unknown as { VM: Record<string, unknown> }).VM = {
    ...vm,
    invokePartial(this: unknown, partial: unknown, context: unknown, options: { name?: unknown }) {
      step();
      stack.push(`${String(options?.name ?? "a partial")}.hbs`);
      try {
        return invokePartial.call(this, partial, context, options);
      } finally {
        stack.pop();
      }
    },
  };
}
