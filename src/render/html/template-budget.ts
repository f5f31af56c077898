import type Handlebars from "handlebars";

/**
 * How much work the templates may do for one pack: each turn of a loop (`{{#each}}`, or a
 * section over a list) and each use of a partial is a step. A pack of thousands of items takes
 * tens of thousands; six loops nested in a 215-byte override would take billions.
 */
export const MAX_TEMPLATE_STEPS = 1_000_000;

/** Thrown when the templates exceed their budget; names the template at work when it ran out. */
export class TemplateBudgetError extends Error {
  constructor(readonly file: string) {
    super(overBudgetMessage(file));
    this.name = "TemplateBudgetError";
  }
}

function overBudgetMessage(file: string): string {
  return (
    `templates/${file} repeats its work more than ${MAX_TEMPLATE_STEPS.toLocaleString("en-GB")} times ` +
    "(loops inside loops, or a partial that uses itself?): simplify it"
  );
}

/**
 * Counts the steps of `hb` (a Handlebars.create() instance, changed in place) and throws a
 * TemplateBudgetError past MAX_TEMPLATE_STEPS. Partials must be registered as compiled
 * functions, so every use passes through the counted `invokePartial`. `blame` picks which of the
 * templates at work (outermost first) to name.
 */
export function limitTemplateWork(hb: typeof Handlebars, blame: (stack: string[]) => string): void {
  let steps = 0;
  const stack: string[] = ["layout.hbs"];
  const step = () => {
    if (++steps > MAX_TEMPLATE_STEPS) throw new TemplateBudgetError(blame(stack));
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
