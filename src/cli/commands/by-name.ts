import type { CommandDef } from "./command-def.js";

/**
 * Each command's definition by its name, loaded on its own: `cse validate …` registers validate
 * alone rather than loading every command's module (some 50 ms of start-up on each run, a tenth
 * of a cached validate). `cse completion`, `cse help`, `cse --help` and anything else still load
 * them all (`COMMANDS`); test/commands-by-name.test.ts checks that this list names every command.
 */
export const COMMAND_BY_NAME: Readonly<Record<string, () => Promise<CommandDef>>> = {
  init: async () => (await import("./init.js")).initCommand,
  new: async () => (await import("./new.js")).newCommand,
  assign: async () => (await import("./assign.js")).assignCommand,
  validate: async () => (await import("./validate.js")).validateCommand,
  gaps: async () => (await import("./gaps.js")).gapsCommand,
  diff: async () => (await import("./diff.js")).diffCommand,
  build: async () => (await import("./build.js")).buildCommand,
  export: async () => (await import("./export.js")).exportCommand,
  import: async () => (await import("./import.js")).importCommand,
  record: async () => (await import("./record.js")).recordCommand,
  finding: async () => (await import("./finding.js")).findingCommand,
  visit: async () => (await import("./visit.js")).visitCommand,
  calendar: async () => (await import("./calendar.js")).calendarCommand,
  preview: async () => (await import("./preview.js")).previewCommand,
  list: async () => (await import("./list.js")).listCommand,
  show: async () => (await import("./show.js")).showCommand,
  schema: async () => (await import("./schema.js")).schemaCommand,
};

/** The definitions `cse argv…` needs: the named command's alone, or every command. */
export async function commandsFor(argv: readonly string[]): Promise<readonly CommandDef[]> {
  const name = argv[0];
  const one = name !== undefined && Object.hasOwn(COMMAND_BY_NAME, name) ? COMMAND_BY_NAME[name] : undefined;
  return one ? [await one()] : (await import("./index.js")).COMMANDS;
}
