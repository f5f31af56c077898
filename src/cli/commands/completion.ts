import { Argument } from "commander";
import type { CommandDef } from "./command-def.js";

/** `cse completion bash|zsh`. */
export const completionCommand: CommandDef = (program, run) => {
  program
    .command("completion")
    .description("print a shell completion script for cse's commands and options")
    .addArgument(new Argument("<shell>", "the shell").choices(["bash", "zsh"]))
    .addHelpText(
      "after",
      `
Examples:
  source <(cse completion bash)              try it in this bash session
  cse completion bash > ~/.local/share/bash-completion/completions/cse
  source <(cse completion zsh)               try it in zsh (after compinit)
  cse completion zsh > "\${fpath[1]}/_cse"    install it for zsh, restart zsh

The script is made from cse's own commands and options: make it again after
upgrading cse.`,
    )
    .action((shell: string) =>
      run(async (io) => (await import("../actions/completion.js")).completionAction(shell, program, io)),
    );
};
