import { assignCommand } from "./assign.js";
import { buildCommand } from "./build.js";
import type { CommandDef } from "./command-def.js";
import { calendarCommand } from "./calendar.js";
import { completionCommand } from "./completion.js";
import { diffCommand } from "./diff.js";
import { exportCommand } from "./export.js";
import { findingCommand } from "./finding.js";
import { gapsCommand } from "./gaps.js";
import { importCommand } from "./import.js";
import { initCommand } from "./init.js";
import { listCommand } from "./list.js";
import { newCommand } from "./new.js";
import { recordCommand } from "./record.js";
import { previewCommand } from "./preview.js";
import { schemaCommand } from "./schema.js";
import { showCommand } from "./show.js";
import { validateCommand } from "./validate.js";
import { visitCommand } from "./visit.js";

/** Every command, in the order `cse --help` lists them. Adding one is a file and a line here. */
export const COMMANDS: readonly CommandDef[] = [
  initCommand,
  newCommand,
  assignCommand,
  validateCommand,
  gapsCommand,
  diffCommand,
  buildCommand,
  exportCommand,
  importCommand,
  recordCommand,
  findingCommand,
  visitCommand,
  calendarCommand,
  previewCommand,
  listCommand,
  showCommand,
  schemaCommand,
  completionCommand,
];
