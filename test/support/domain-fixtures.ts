import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument, type LvsDocument } from "@/lib/domain/schema";

/** Folder of the fixture interchange documents. */
export const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/documents/", import.meta.url));
/** Folder of the golden artifacts, one subfolder per fixture. */
export const GOLDEN_DIR = fileURLToPath(new URL("../fixtures/golden/", import.meta.url));

/** A fixture: its name (file stem), raw JSON value and validated document. */
export interface DomainFixture {
  name: string;
  path: string;
  raw: unknown;
  doc: LvsDocument;
}

/** Loads every fixture document; throws when one is invalid. */
export function loadFixtures(): DomainFixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const path = join(FIXTURE_DIR, f);
      const raw: unknown = JSON.parse(readFileSync(path, "utf8"));
      const r = parseDocument(raw);
      if (!r.ok) throw new Error(`fixture ${f} is invalid:\n${r.lines.join("\n")}`);
      return { name: f.replace(/\.json$/, ""), path, raw, doc: r.doc };
    });
}
