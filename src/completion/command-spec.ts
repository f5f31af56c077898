import type { Command } from "commander";

/** What a value may be completed with. */
export type ValueKind = { choices: string[] } | "dir" | "file" | "free";

/** An option as completion scripts need it. */
export interface OptionSpec {
  /** e.g. --format. */
  long: string;
  /** e.g. -h, or absent. */
  short?: string;
  description: string;
  /** Absent for a flag; else what its value may be. */
  value?: ValueKind;
  /** Whether it may be given more than once (a list option such as --elements). */
  repeatable: boolean;
}

/** A positional argument. */
export interface ArgumentSpec {
  name: string;
  description: string;
  value: ValueKind;
}

/** A command as completion scripts need it. */
export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  args: ArgumentSpec[];
}

/** The whole program: its own options and its commands. */
export interface ProgramSpec {
  name: string;
  options: OptionSpec[];
  commands: CommandSpec[];
}

const HELP: OptionSpec = { long: "--help", short: "-h", description: "show help", repeatable: false };

/**
 * Reads the commands and options off the commander program itself, so the completion scripts
 * cannot drift from what cse accepts.
 */
export function describeProgram(program: Command): ProgramSpec {
  return {
    name: program.name(),
    options: [...program.options.map(optionSpec), HELP],
    commands: program.commands.map((cmd) => ({
      name: cmd.name(),
      description: cmd.description(),
      options: [...cmd.options.map(optionSpec), HELP],
      args: cmd.registeredArguments.map((a) => ({
        name: a.name(),
        description: a.description,
        value: valueKind(a.name(), a.argChoices),
      })),
    })),
  };
}

function optionSpec(o: Command["options"][number]): OptionSpec {
  const takesValue = o.required || o.optional;
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? "";
  return {
    long: o.long ?? o.flags,
    ...(o.short ? { short: o.short } : {}),
    description: o.description,
    ...(takesValue ? { value: valueKind(placeholder, o.argChoices) } : {}),
    // A custom parser that is not commander's own choices check gathers repeated values.
    repeatable: o.variadic || (o.parseArg !== undefined && o.argChoices === undefined),
  };
}

/** Choices when declared; folders for a `dir`/`path` value; files for a `file` value; else free text. */
function valueKind(name: string, choices: readonly string[] | undefined): ValueKind {
  if (choices?.length) return { choices: [...choices] };
  if (/^(dir|path|folder)$/i.test(name)) return "dir";
  if (/file/i.test(name)) return "file";
  return "free";
}
