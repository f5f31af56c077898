import type { CommandSpec, OptionSpec, ProgramSpec, ValueKind } from "./command-spec.js";

/** A bash completion script for the program: `source <(cse completion bash)`. */
export function bashCompletion(spec: ProgramSpec): string {
  const fn = `_${spec.name.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const lines = [
    `# bash completion for ${spec.name}, made by \`${spec.name} completion bash\`: make it again after upgrading.`,
    `${fn}() {`,
    `  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" at=0 i n`,
    `  for ((i = 1; i < COMP_CWORD; i++)); do`,
    `    case "\${COMP_WORDS[i]}" in -*) ;; *) cmd="\${COMP_WORDS[i]}"; at=$i; break ;; esac`,
    `  done`,
    `  if [[ -z "$cmd" ]]; then`,
    `    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${words(flagWords(spec.options))} -- "$cur"))`,
    `    else COMPREPLY=($(compgen -W ${words(spec.commands.map((c) => c.name))} -- "$cur")); fi`,
    `    return`,
    `  fi`,
    `  case "$cmd" in`,
  ];
  for (const cmd of spec.commands) lines.push(...commandCase(cmd));
  lines.push(`  esac`, `}`, `complete -F ${fn} ${spec.name}`);
  return lines.join("\n") + "\n";
}

function commandCase(cmd: CommandSpec): string[] {
  const valued = cmd.options.filter((o) => o.value);
  const lines = [`    ${cmd.name})`];
  if (valued.length) {
    lines.push(`      case "$prev" in`);
    for (const o of valued)
      lines.push(`        ${[o.long, o.short].filter(Boolean).join("|")}) ${reply(o.value!)}; return ;;`);
    lines.push(`      esac`);
  }
  lines.push(
    `      if [[ "$cur" == -* ]]; ` +
      `then COMPREPLY=($(compgen -W ${words(flagWords(cmd.options))} -- "$cur")); return; fi`,
  );
  if (cmd.args.length) {
    // Count the positional arguments before this word, skipping the values of options.
    const skip = valued.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)));
    lines.push(`      n=0`, `      for ((i = at + 1; i < COMP_CWORD; i++)); do`);
    lines.push(
      `        case "\${COMP_WORDS[i]}" in ${skip.length ? `${skip.join("|")}) ((i++)) ;; ` : ""}-*) ;; ` +
        "*) ((n++)) ;; esac",
    );
    lines.push(`      done`, `      case $n in`);
    cmd.args.forEach((a, i) => lines.push(`        ${i}) ${reply(a.value)} ;;`));
    lines.push(`      esac`);
  }
  lines.push(`      ;;`);
  return lines;
}

function reply(value: ValueKind): string {
  if (value === "dir") return `compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur"))`;
  if (value === "file") return `compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))`;
  if (value === "free") return "COMPREPLY=()";
  return `COMPREPLY=($(compgen -W ${words(value.choices)} -- "$cur"))`;
}

function flagWords(options: OptionSpec[]): string[] {
  return options.flatMap((o) => [o.long, ...(o.short ? [o.short] : [])]);
}

/** A word list for compgen -W, single-quoted for the shell. */
function words(list: string[]): string {
  return `'${list.join(" ").replace(/'/g, `'\\''`)}'`;
}
