import { createRequire } from "node:module";
import { GitError, useGitEnvironment } from "../git/git-command.js";
import { CliError, EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";
import { guardTerminals } from "./terminal-safe.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

/**
 * Runs cse with `argv` (without node and the script) and returns the exit status. Usage errors
 * and a user's mistakes print a message; only a bug prints a stack trace.
 */
export async function run(argv: string[], terminalIo: Io): Promise<number> {
  const io = guardTerminals(terminalIo);
  useGitEnvironment(io.env);
  // `cse --version` answers before the parser and the commands are loaded: scripts and editors
  // call it to probe for cse, and it should cost little more than starting Node (see docs/benchmarks.md).
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    io.stdout.write(`${version}\n`);
    return EXIT.OK;
  }
  const [{ Command, CommanderError }, commands] = await Promise.all([
    import("commander"),
    import("./commands/by-name.js").then(({ commandsFor }) => commandsFor(argv)),
  ]);
  let status: number = EXIT.OK;
  const program = new Command("cse")
    .description("Assemble Customer Service Excellence submissions: validate, find gaps, build the pack.")
    .version(version, "-V, --version", "print the version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showSuggestionAfterError(true)
    .addHelpText("after", "\nRun `cse <command> --help` for a command's options and examples.\n");
  const runAction = async (action: (io: Io) => Promise<number>) => {
    status = await action(io);
  };
  for (const def of commands) def(program, runAction);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError("(add --help for usage)");
  try {
    await program.parseAsync(argv, { from: "user" });
    return status;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.OK : EXIT.FATAL;
    }
    if (err instanceof CliError) {
      io.stderr.write(`cse: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof GitError) {
      io.stderr.write(`cse: ${err.message}\n`);
      return EXIT.FATAL;
    }
    io.stderr.write(
      `cse: internal error (a bug in cse, please report it):\n${(err as Error)?.stack ?? String(err)}\n`,
    );
    return EXIT.FATAL;
  }
}
