// Writes a minimal Shorewall configuration whose mangle file marks the same
// bundles as a generated document: one MARK line per bundle and protocol.
// Usage: node --import tsx bench/gen-shorewall.ts <doc.json> <dir> (the dir must hold Debian's Universal example).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { markRuleSets } from "../lib/domain/model/bundles";
import { formatRange } from "../lib/domain/model/ports";
import { parseDocument } from "../lib/domain/schema";

const [file, dir] = process.argv.slice(2);
if (!file || !dir) throw new Error("usage: gen-shorewall.ts <doc.json> <dir>");
const parsed = parseDocument(JSON.parse(readFileSync(file, "utf8")));
if (!parsed.ok) throw new Error("invalid document");
// Shorewall's DPORT column takes a comma list with lo:hi ranges, like multiport (15 slots per rule).
const lines = ["#ACTION\tSOURCE\tDEST\tPROTO\tDPORT"];
for (const set of markRuleSets(parsed.doc)) {
  if (set.family !== 4) continue;
  const ports = set.ranges.map((r) => formatRange(r, ":")).join(",");
  lines.push(`MARK(${set.mark})\t-\t${set.vip}\t${set.protocol}\t${ports}`);
}
writeFileSync(join(dir, "mangle"), `${lines.join("\n")}\n`);
console.log(lines.length - 1);
