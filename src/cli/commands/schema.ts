import type { CommandDef } from "./command-def.js";

/** `cse schema`. */
export const schemaCommand: CommandDef = (program, run) => {
  program
    .command("schema")
    .description("write the JSON Schemas of every file kind, for editors and other tools")
    .option("--out <dir>", "folder to write them to", "schemas")
    .addHelpText(
      "after",
      `
Examples:
  cse schema                 write schemas/*.schema.json in the current folder
  cse schema --out .vscode/cse

Point each YAML file at its schema with a first line such as
  # yaml-language-server: $schema=../schemas/evidence.schema.json
`,
    )
    .action((opts) => run(async (io) => (await import("../actions/schema.js")).schemaAction(opts, io)));
};
