import type { Command } from "commander";
import { bashCompletion } from "../../completion/bash.js";
import { describeProgram } from "../../completion/command-spec.js";
import { zshCompletion } from "../../completion/zsh.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";

/** `cse completion bash|zsh`: prints the script, made from the program itself. */
export async function completionAction(shell: string, program: Command, io: Io): Promise<number> {
  const spec = describeProgram(program);
  io.stdout.write(shell === "zsh" ? zshCompletion(spec) : bashCompletion(spec));
  return EXIT.OK;
}
