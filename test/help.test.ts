import { describe, expect, it } from "vitest";
import { runCse } from "./helpers/run-cli.js";
import stringWidth from "string-width";

describe("cse --help", () => {
  it("lists commands, and every command's --help has examples and an exit status", async () => {
    const top = await runCse(["--help"]);
    expect(top.code).toBe(0);
    const commands = [...top.stdout.slice(top.stdout.indexOf("Commands:")).matchAll(/^ {2}([a-z-]+)/gm)]
      .map((m) => m[1]!)
      .filter((c) => c !== "help");
    expect(commands).toEqual(
      expect.arrayContaining(["init", "new", "validate", "list", "show", "schema", "completion"]),
    );
    for (const cmd of commands) {
      const r = await runCse([cmd, "--help"]);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(/\nExamples:\n {2}(cse |source |SOURCE_DATE_EPOCH)/);
    }
  });

  it("keeps the help of every command within 80 columns", async () => {
    for (const cmd of [
      "",
      "init",
      "new",
      "validate",
      "gaps",
      "diff",
      "build",
      "list",
      "show",
      "schema",
      "completion",
    ]) {
      for (const line of (await runCse(cmd ? [cmd, "--help"] : ["--help"])).stdout.split("\n"))
        expect(stringWidth(line), `${cmd}: ${line}`).toBeLessThanOrEqual(80);
    }
  });

  it("prints the version", async () => {
    const r = await runCse(["--version"]);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
