import { buildCommand } from "./build.js";
import type { CommandDef } from "./command-def.js";
import { completionCommand } from "./completion.js";
import { diffCommand } from "./diff.js";
import { gapsCommand } from "./gaps.js";
import { initCommand } from "./init.js";
import { listCommand } from "./list.js";
import { newCommand } from "./new.js";
import { previewCommand } from "./preview.js";
import { schemaCommand } from "./schema.js";
import { showCommand } from "./show.js";
import { validateCommand } from "./validate.js";

/** Every command, in the order `cse --help` lists them. Adding one is a file and a line here. */
export const COMMANDS: readonly CommandDef[] = [
  initCommand,
  newCommand,
  validateCommand,
  gapsCommand,
  diffCommand,
  buildCommand,
  previewCommand,
  listCommand,
  showCommand,
  schemaCommand,
  completionCommand,
];
