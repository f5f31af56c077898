import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

/** The commands `cse --help` lists, and the long options each one's --help lists. */
async function helpOptions(): Promise<Map<string, string[]>> {
  const top = (await runCse(["--help"])).stdout;
  const commands = [...top.slice(top.indexOf("Commands:")).matchAll(/^ {2}([a-z-]+)/gm)]
    .map((m) => m[1]!)
    .filter((c) => c !== "help");
  const result = new Map<string, string[]>();
  for (const cmd of commands) {
    const help = (await runCse([cmd, "--help"])).stdout;
    const options = help.slice(help.indexOf("Options:"));
    result.set(
      cmd,
      [...options.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!),
    );
  }
  return result;
}

/** What bash's completion function offers for a command line (the last word is being completed). */
function bashComplete(script: string, words: string[]): string[] {
  const file = path.join(testdir({ "c.bash": script }), "c.bash");
  const quoted = words.map((w) => `'${w}'`).join(" ");
  const r = spawnSync(
    "bash",
    [
      "-c",
      `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _cse; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: "utf8" },
  );
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter(Boolean);
}

describe("cse completion", () => {
  it("bash: offers every command, and each command's options exactly as its --help lists them", async () => {
    const r = await runCse(["completion", "bash"]);
    expect(r.code).toBe(0);
    const script = r.stdout;
    const help = await helpOptions();
    expect(help.size).toBeGreaterThanOrEqual(8);
    expect(bashComplete(script, ["cse", ""])).toEqual([...help.keys()]);
    for (const [cmd, options] of help) {
      const offered = bashComplete(script, ["cse", cmd, "--"]);
      expect(offered.sort(), cmd).toEqual([...new Set([...options, "--help"])].sort());
    }
  });

  it("bash: completes argument and option choices, skipping option values", async () => {
    const script = (await runCse(["completion", "bash"])).stdout;
    expect(bashComplete(script, ["cse", "list", ""])).toEqual(["elements", "evidence", "case-studies"]);
    expect(bashComplete(script, ["cse", "list", "--format", "j"])).toEqual(["json"]);
    expect(bashComplete(script, ["cse", "new", "--title", "A title", "c"])).toEqual(["case-study"]);
    expect(bashComplete(script, ["cse", "completion", ""])).toEqual(["bash", "zsh"]);
    expect(bashComplete(script, ["cse", "init", "--kind", ""])).toEqual([
      "initial",
      "annual-review",
      "reassessment",
    ]);
  });

  it("zsh: describes every command and option, and is valid zsh where zsh is installed", async () => {
    const r = await runCse(["completion", "zsh"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("#compdef cse\n")).toBe(true);
    for (const [cmd, options] of await helpOptions()) {
      expect(r.stdout).toContain(`\n    '${cmd}:`);
      for (const o of options) expect(r.stdout, `${cmd} ${o}`).toMatch(new RegExp(`[',{*]${o}[,}\\[]`));
    }
    if (spawnSync("zsh", ["--version"]).status !== 0) return;
    const file = path.join(testdir({ _cse: r.stdout }), "_cse");
    expect(spawnSync("zsh", ["-n", file], { encoding: "utf8" }).stderr).toBe("");
    const complete = (line: string) => {
      const out = spawnSync(
        "zsh",
        ["-f", path.join(import.meta.dirname, "helpers/zsh-complete.zsh"), file, line],
        { encoding: "utf8", timeout: 20_000 },
      ).stdout;
      return out
        .slice(out.lastIndexOf(line) + line.length)
        .trim()
        .split(/\s+/);
    };
    expect(complete("cse list ")).toEqual(["elements", "evidence", "case-studies"]);
    expect(complete("cse init --kind ")).toEqual(["initial", "annual-review", "reassessment"]);
  });

  it("refuses a shell it does not know", async () => {
    const r = await runCse(["completion", "fish"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bash, zsh");
  });
});
