import type { Io } from "../io.js";
export async function importAction(_file: string, _opts: unknown, _io: Io): Promise<number> {
  return 2;
}
