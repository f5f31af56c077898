import type { ArgumentSpec, OptionSpec, ProgramSpec, ValueKind } from "./command-spec.js";

/**
 * A zsh completion script for the program, with each command's and option's description. It
 * works both from a folder on $fpath (as the file `_cse`) and sourced: `source <(cse completion zsh)`.
 */
export function zshCompletion(spec: ProgramSpec): string {
  const fn = `_${spec.name.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const lines = [
    `#compdef ${spec.name}`,
    `# zsh completion for ${spec.name}, made by \`${spec.name} completion zsh\`: make it again after upgrading.`,
    `${fn}() {`,
    `  local curcontext="$curcontext" state line`,
    `  local -a commands`,
    `  commands=(`,
    ...spec.commands.map((c) => `    ${quote(`${c.name.replace(/:/g, "\\:")}:${c.description}`)}`),
    `  )`,
    `  _arguments -C \\`,
    ...spec.options.map((o) => `    ${optionSpec(o, true)} \\`),
    `    '1: :->command' \\`,
    `    '*:: :->args'`,
    `  case $state in`,
    `    command) _describe -t commands '${spec.name} command' commands ;;`,
    `    args)`,
    `      case $line[1] in`,
  ];
  for (const cmd of spec.commands) {
    const specs = [...cmd.options.map((o) => optionSpec(o, false)), ...cmd.args.map(argumentSpec)];
    lines.push(
      `        ${cmd.name})`,
      `          _arguments \\`,
      ...specs.map((s, i) => `            ${s}${i < specs.length - 1 ? " \\" : ""}`),
      `          ;;`,
    );
  }
  lines.push(
    `      esac`,
    `      ;;`,
    `  esac`,
    `}`,
    `if [ "$funcstack[1]" = "${fn}" ]; then ${fn} "$@"; else compdef ${fn} ${spec.name}; fi`,
  );
  return lines.join("\n") + "\n";
}

function optionSpec(o: OptionSpec, exclusive: boolean): string {
  const desc = `[${escape(o.description)}]`;
  const value = o.value ? `:${escape(o.long.replace(/^-+/, ""))}:${action(o.value)}` : "";
  const names = o.short ? [o.short, o.long] : [o.long];
  // --help and --version end the command line; a repeatable option may be given again.
  const prefix = exclusive ? "(- *)" : o.repeatable ? "*" : names.length > 1 ? `(${names.join(" ")})` : "";
  if (names.length > 1) return `${quote(prefix)}{${names.join(",")}}${quote(desc + value)}`;
  return quote(`${prefix}${names[0]}${desc}${value}`);
}

function argumentSpec(a: ArgumentSpec, i: number): string {
  return quote(`${i + 1}:${escape(a.description || a.name)}:${action(a.value)}`);
}

function action(value: ValueKind): string {
  if (value === "dir") return "_files -/";
  if (value === "file") return "_files";
  if (value === "free") return " ";
  return `(${value.choices.join(" ")})`;
}

/** Text made safe inside an _arguments spec: brackets and colons escaped. */
function escape(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/([[\]:])/g, "\\$1");
}

/** Single-quoted for the shell. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
