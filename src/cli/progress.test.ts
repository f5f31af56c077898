import { describe, expect, it } from "vitest";
import { createProgress } from "./progress.js";
import { terminalSafe } from "./terminal-safe.js";

function capture(isTTY: boolean) {
  // As run() guards every output: cse's own marked sequences come out as sent.
  const out = { text: "", isTTY, write: (s: string) => (out.text += terminalSafe(s)) };
  return out;
}

function work(stderr: ReturnType<typeof capture>, options: Parameters<typeof createProgress>[1] = {}) {
  const p = createProgress(stderr, options);
  p.stage("Reading files", 300);
  for (let i = 0; i < 300; i++) p.advance();
  p.stage("Rendering PDF");
  p.advance(2);
  p.done();
}

describe("createProgress", () => {
  it("writes nothing when stderr is not a terminal", () => {
    const stderr = capture(false);
    work(stderr);
    expect(stderr.text).toBe("");
  });

  it("writes nothing with --format json, even on a terminal", () => {
    const stderr = capture(true);
    work(stderr, { format: "json" });
    expect(stderr.text).toBe("");
  });

  it("writes nothing when quiet", () => {
    const stderr = capture(true);
    work(stderr, { quiet: true });
    expect(stderr.text).toBe("");
  });

  it("on a terminal, redraws one line per whole percent and clears it at the end", () => {
    const stderr = capture(true);
    work(stderr, { format: "text" });
    const frames = stderr.text.split("\r\x1b[K").filter(Boolean);
    expect(frames[0]).toBe("Reading files 0/300 (0%)");
    expect(frames).toContain("Reading files 150/300 (50%)");
    expect(frames).toContain("Reading files 300/300 (100%)");
    // 101 percent figures, not 300 redraws.
    expect(frames.filter((f) => f.startsWith("Reading files")).length).toBe(101);
    expect(frames.slice(-2)).toEqual(["Rendering PDF…", "Rendering PDF… 2"]);
    expect(stderr.text.endsWith("\r\x1b[K")).toBe(true);
    expect(stderr.text).not.toContain("\n");
  });

  it("done() before anything was drawn writes nothing", () => {
    const stderr = capture(true);
    createProgress(stderr).done();
    expect(stderr.text).toBe("");
  });
});
