import type { Command } from "commander";
import type { Io } from "../io.js";

/** Runs a command's action and records its exit status. */
export type ActionRunner = (action: (io: Io) => Promise<number>) => Promise<void>;

/** Declares one command on the program: options and help only; the action is imported lazily. */
export type CommandDef = (program: Command, run: ActionRunner) => void;
