import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../../test/helpers/minimal.js";
import { runCse } from "../../test/helpers/run-cli.js";
import { testdir } from "../../test/helpers/testdir.js";
import { createStyle, ownSequence } from "../util/terminal-style.js";
import { terminalSafe } from "./terminal-safe.js";

/** Every escape sequence in `text` that is not a colour (SGR). */
const nonColourEscapes = (text: string) => [...text.matchAll(/\x1b(?!\[[0-9;]*m)/g)].length;

describe("terminalSafe", () => {
  it("keeps text, line ends, and cse's own colours and progress line's erase", () => {
    const own = `plain é 🙂\ttab\n${createStyle(true).red("red")}${ownSequence("\r\x1b[K")}progress\r\n`;
    expect(terminalSafe(own)).toBe("plain é 🙂\ttab\n\x1b[31mred\x1b[39m\r\x1b[Kprogress\r\n");
  });

  // A carriage return, an erase and a colour from a submission once drew a false green
  // "No problems" over an error line, and a conceal hid the summary.
  it("shows colours, erases and carriage returns that are not cse's own", () => {
    expect(terminalSafe("x\r\x1b[K\x1b[32m✔ No problems\x1b[8m")).toBe("x^M^[[K^[[32m✔ No problems^[[8m");
    expect(terminalSafe("\x1b_cse-forged\x1b\\\x1b[31m")).toBe("^[_cse-forged^[\\^[[31m");
  });

  it("shows every other control instead of sending it", () => {
    expect(terminalSafe("a\x1b]0;title\x07b")).toBe("a^[]0;title^Gb");
    expect(terminalSafe("\x1b]52;c;ZXZpbA==\x07")).toBe("^[]52;c;ZXZpbA==^G");
    expect(terminalSafe("x\x1b[2J\x1b[1;1H")).toBe("x^[[2J^[[1;1H");
    expect(terminalSafe("\x9b31m\x00\x7f\rover")).toBe("<U+009B>31m^@^?^Mover");
  });
});

describe("text from a submission on a terminal", () => {
  const files = {
    ...minimalSubmission(),
    "evidence/E003.yaml":
      'id: E003\ntitle: "Report \\e]0;PWNED\\a \\e]52;c;ZXZpbA==\\a \\e[2J"\n' +
      'description: "\\e[8mhidden"\ntype: report\ndate: 2014-01-01\nelements: ["1.1.1"]\n',
  };

  it.each([["show", "E003"], ["list", "evidence"], ["gaps"]])(
    "cse %s writes no control sequence but colours",
    async (...args) => {
      const r = await runCse(args, { cwd: testdir(files), tty: true, env: { FORCE_COLOR: "1" } });
      expect(r.code).toBe(0);
      expect(nonColourEscapes(r.stdout + r.stderr)).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(/[\x07\x9b]/);
    },
  );

  it("in a diagnostic's message too", async () => {
    const dir = testdir({
      ...minimalSubmission(),
      "assessment/more.yaml": 'elements:\n  "\\e]0;PWNED\\a":\n    owner: ann\n',
    });
    const r = await runCse(["validate", "--as-of", "2015-01-10"], { cwd: dir, tty: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("^[]0;PWNED^G");
    expect(nonColourEscapes(r.stdout)).toBe(0);
  });

  it("while piped output keeps the data exactly (JSON escapes it)", async () => {
    const r = await runCse(["show", "E003", "--format", "json"], { cwd: testdir(files) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe("Report \x1b]0;PWNED\x07 \x1b]52;c;ZXZpbA==\x07 \x1b[2J");
  });
});
