import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

let cached: string | undefined;

/** The id of the running Next build (`.next/BUILD_ID`), or "development" when there is none. */
export function buildId(): string {
  if (cached === undefined) {
    try {
      cached = readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), ".next/BUILD_ID"), "utf8").trim();
    } catch {
      cached = "development";
    }
  }
  return cached;
}
