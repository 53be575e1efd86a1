import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { globComponentRegExp, basenameOf, dirnameOf, type IncludeReader } from "./include-reader";
import { importFiles } from "./import-files";
import { formatImportMessage } from "./messages";

// UPDATE_GOLDEN=1 vitest run lib/domain/import/golden.test.ts rewrites expected.json and messages.txt.
const update = process.env.UPDATE_GOLDEN === "1";
const ROOT = fileURLToPath(new URL("../../../test/fixtures/import/", import.meta.url));
const EXPECTED = new Set(["expected.json", "messages.txt"]);

function reader(dir: string): IncludeReader {
  return {
    readFile: (path) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path), "utf8") : undefined),
    glob: (pattern) => {
      const sub = dirnameOf(pattern);
      const re = globComponentRegExp(basenameOf(pattern));
      return existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).filter((n) => re.test(n)).sort().map((n) => `${sub}/${n}`) : [];
    },
  };
}

describe("import of realistic router files (golden)", () => {
  for (const name of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, name);
    it(`${name}: document and messages exactly`, () => {
      const inputs = readdirSync(dir).filter((f) => !EXPECTED.has(f) && statSync(join(dir, f)).isFile()).sort();
      const r = importFiles(inputs.map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") })), { reader: reader(dir) });
      const document = `${JSON.stringify(r.document, null, 2)}\n`;
      const messages = `${[...r.formats.map((f) => `${f.name}: read as ${f.format}`), ...r.messages.map(formatImportMessage), ...r.invalid].join("\n")}\n`;
      if (update) {
        writeFileSync(join(dir, "expected.json"), document);
        writeFileSync(join(dir, "messages.txt"), messages);
      }
      expect(r.document, r.invalid.join("\n")).not.toBeNull();
      expect(document).toBe(readFileSync(join(dir, "expected.json"), "utf8"));
      expect(messages).toBe(readFileSync(join(dir, "messages.txt"), "utf8"));
    });
  }
});
