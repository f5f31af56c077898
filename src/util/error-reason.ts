/**
 * Why a file operation failed, for a message: the system's code (ENOENT, EACCES) when there is one,
 * else the error's own text.
 */
export function errorReason(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.message ?? String(err);
}
