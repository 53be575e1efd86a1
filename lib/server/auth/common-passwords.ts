import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

// The list ships as a data file (one lowercase password a line) so it can be
// reviewed and extended without touching code. Read once, lazily.
const LIST_FILE = path.join(process.cwd(), "lib/server/auth/data/common-passwords.txt");

let cached: Set<string> | undefined;

function load(): Set<string> {
  cached ??= new Set(
    readFileSync(LIST_FILE, "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
  return cached;
}

/** Whether a password is on the common-passwords list, compared case-insensitively. */
export function isCommonPassword(password: string): boolean {
  return load().has(password.trim().toLowerCase());
}

/** Number of entries in the list (for tests and diagnostics). */
export function commonPasswordCount(): number {
  return load().size;
}
