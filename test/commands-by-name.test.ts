import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMAND_BY_NAME, commandsFor } from "../src/cli/commands/by-name.js";
import { COMMANDS } from "../src/cli/commands/index.js";

/** A program with `defs` registered, as run.ts makes it. */
function programOf(defs: readonly ((program: Command, run: never) => void)[]): Command {
  const program = new Command("cse");
  for (const def of defs) def(program, (async () => {}) as never);
  return program;
}

describe("commands loaded by name", () => {
  it("names every command but completion (which describes them all), each with its own definition", async () => {
    const all = programOf(COMMANDS);
    const names = all.commands.map((c) => c.name());
    expect(Object.keys(COMMAND_BY_NAME).sort()).toEqual(names.filter((n) => n !== "completion").sort());
    for (const name of Object.keys(COMMAND_BY_NAME)) {
      const alone = programOf(await commandsFor([name, "--help"]));
      expect(alone.commands.map((c) => c.name())).toEqual([name]);
      // The command's help is what it is with every command registered.
      expect(alone.commands[0]!.helpInformation()).toBe(
        all.commands.find((c) => c.name() === name)!.helpInformation(),
      );
    }
  });

  it("loads every command for anything else (help, completion, no command, an unknown one)", async () => {
    for (const argv of [
      [],
      ["--help"],
      ["help", "validate"],
      ["completion", "bash"],
      ["valdate"],
      ["toString"],
    ])
      expect(await commandsFor(argv)).toBe(COMMANDS);
  });
});
