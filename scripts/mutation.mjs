// npm run test:mutation [-- domain|server] [--report-only] [STRYKER OPTIONS]: Stryker over lib/domain
// and the lib/server data layer (test/mutation/), then one line per scope,
// `mutation_score_domain <pct>` and `mutation_score_server <pct>`, read from the JSON reports.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const SCOPES = ["domain", "server"];

/** Killed or timed-out mutants over every mutant a test could have caught (Stryker's mutation score), in percent. */
export function mutationScore(report) {
  const counts = {};
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return { score: valid === 0 ? 100 : (100 * detected) / valid, counts };
}

function run(scope, extra) {
  const config = path.join(root, "test/mutation", `stryker.${scope}.config.mjs`);
  const r = spawnSync(path.join(root, "node_modules/.bin/stryker"), ["run", config, ...extra], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`stryker (${scope}) exited with ${r.status ?? r.signal}`);
}

function main(argv) {
  const scopes = argv.filter((a) => SCOPES.includes(a));
  const reportOnly = argv.includes("--report-only");
  const extra = argv.filter((a) => !SCOPES.includes(a) && a !== "--report-only");
  for (const scope of scopes.length > 0 ? scopes : SCOPES) {
    if (!reportOnly) run(scope, extra);
    const file = path.join(root, "reports/mutation", `${scope}.json`);
    if (!existsSync(file)) throw new Error(`no report at ${file}`);
    const { score, counts } = mutationScore(JSON.parse(readFileSync(file, "utf8")));
    console.error(`${scope}: ${JSON.stringify(counts)}`);
    console.log(`mutation_score_${scope} ${score.toFixed(2)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
