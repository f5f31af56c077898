import type { Io, Output } from "./io.js";

// Text from a submission (a title written as "\e]52;c;..." in double quotes, an id in a
// message) must not reach a terminal as control sequences: they can set the window title,
// write the clipboard, move the cursor or hide lines. cse itself writes only colours (SGR) and,
// for progress, "\r" with erase-line; everything else that controls a terminal is shown instead.

// cse's own sequences, kept: colours, erase-line (after a carriage return or alone), CRLF.
const OWN = /\x1b\[[0-9;]*m|\r?\x1b\[K|\r\n/y;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/** `text` with every terminal control but cse's own made visible (ESC as ^[, BEL as ^G, C1 as <U+009B>). */
export function terminalSafe(text: string): string {
  if (!CONTROL.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    OWN.lastIndex = i;
    const own = OWN.exec(text);
    if (own) {
      out += own[0];
      i += own[0].length - 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || (c > 0x1f && c < 0x7f) || c > 0x9f) out += text[i];
    else if (c < 0x20 || c === 0x7f) out += `^${String.fromCharCode(c ^ 0x40)}`;
    else out += `<U+${c.toString(16).toUpperCase().padStart(4, "0")}>`;
  }
  return out;
}

/** The same Io, with its outputs that are terminals guarded by `terminalSafe`. */
export function guardTerminals(io: Io): Io {
  return { ...io, stdout: guard(io.stdout), stderr: guard(io.stderr) };
}

function guard(out: Output): Output {
  if (out.isTTY !== true) return out;
  return { isTTY: true, write: (chunk: string) => out.write(terminalSafe(String(chunk))) };
}
