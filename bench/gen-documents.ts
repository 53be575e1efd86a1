// Writes the benchmark documents (1k, 2k and 10k bundles + virtual servers) to bench/out/.
import { mkdirSync, writeFileSync } from "node:fs";
import { parseDocument } from "../lib/domain/schema";
import { lintDocument } from "../lib/domain/lint";
import { generateDocument } from "./lib/generate-document";

const out = new URL("./out/", import.meta.url);
mkdirSync(out, { recursive: true });
for (const n of [1000, 2000, 10000]) {
  const doc = generateDocument(n);
  const parsed = parseDocument(doc);
  if (!parsed.ok) throw new Error(`generated document ${n} is invalid: ${parsed.lines.slice(0, 5).join("; ")}`);
  if (n <= 1000) {
    // Warnings are allowed (keepalived cannot say Piranha's send/expect monitor); errors would withhold artifacts from the figures.
    const errors = lintDocument(parsed.doc).filter((d) => d.severity === "error");
    if (errors.length > 0) throw new Error(`generated document ${n} has errors: ${errors.slice(0, 3).map((d) => d.message).join("; ")}`);
  }
  writeFileSync(new URL(`doc-${n / 1000}k.json`, out), JSON.stringify(doc));
}
