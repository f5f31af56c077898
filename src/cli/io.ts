/** Something text can be written to: process.stdout, or a buffer in tests. */
export interface Output {
  write(chunk: string): unknown;
  /** True when it is a terminal. */
  isTTY?: boolean;
}

/** Everything a command may touch outside its arguments, so tests need no mocking. */
export interface Io {
  stdout: Output;
  stderr: Output;
  /** The folder the command runs in. */
  cwd: string;
  /** Environment variables (NO_COLOR, FORCE_COLOR, SOURCE_DATE_EPOCH, ...). */
  env: Record<string, string | undefined>;
}

/** Whether to colour an output: --color/--no-color win, then NO_COLOR, then FORCE_COLOR, then the terminal. */
export function useColor(out: Output, env: Io["env"], flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return out.isTTY === true;
}
