import { OWN_SEQUENCE_MARK } from "../util/terminal-style.js";
import type { Io, Output } from "./io.js";

// Text from a submission (a title written as "\e]52;c;..." in double quotes, an id in a
// message) must not reach a terminal as control sequences: they can set the window title,
// write the clipboard, move the cursor, or overwrite a line with a false "No problems" and hide
// the rest. Every output of every command passes through guardTerminals (src/cli/run.ts), which
// sends only the sequences cse marked as its own (src/util/terminal-style.ts) and shows every
// other control character, colours and carriage returns included.

const OWN = new RegExp(`${escapeForPattern(OWN_SEQUENCE_MARK)}(\\x1b\\[[0-9;]*m|\\r\\x1b\\[K)`, "y");
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

function escapeForPattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

/**
 * `text` with cse's marked sequences sent and every other terminal control made visible (ESC
 * as ^[, CR as ^M, BEL as ^G, C1 as <U+009B>); tabs, line feeds and CRLF line ends are kept.
 */
export function terminalSafe(text: string): string {
  if (!CONTROL.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    OWN.lastIndex = i;
    const own = OWN.exec(text);
    if (own) {
      out += own[1];
      i += own[0].length - 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) out += text[i];
    else if ((c > 0x1f && c < 0x7f) || c > 0x9f) out += text[i];
    else if (c < 0x20 || c === 0x7f) out += `^${String.fromCharCode(c ^ 0x40)}`;
    else out += `<U+${c.toString(16).toUpperCase().padStart(4, "0")}>`;
  }
  return out;
}

/**
 * The same Io, every output guarded: a terminal, or any output cse colours (--color,
 * FORCE_COLOR: a terminal will read it), gets `terminalSafe`; other piped output (JSON, CSV,
 * text to a file) is written exactly as it is.
 */
export function guardTerminals(io: Io): Io {
  const forced =
    io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0" && io.env.FORCE_COLOR !== "false";
  return { ...io, stdout: guard(io.stdout, forced), stderr: guard(io.stderr, forced) };
}

function guard(out: Output, forced: boolean): Output {
  const terminal = out.isTTY === true || forced;
  return {
    isTTY: out.isTTY,
    write: (chunk: string) => {
      const text = String(chunk);
      return out.write(terminal || text.includes(OWN_SEQUENCE_MARK) ? terminalSafe(text) : text);
    },
  };
}
