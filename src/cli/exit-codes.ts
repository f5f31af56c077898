/** Exit statuses of every command (FORMAT.md). */
export const EXIT = {
  /** Success. */
  OK: 0,
  /** Findings: validation errors, gaps named by --fail-on, a refused build. */
  FINDINGS: 1,
  /** Usage or fatal error: bad flags, no cse.yaml found, unreadable folder. */
  FATAL: 2,
} as const;

/** A user's mistake that ends a command with a message and an exit status, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    /** The exit status to end with. */
    readonly exitCode: number = EXIT.FATAL,
  ) {
    super(message);
    this.name = "CliError";
  }
}
