// npm run test:mutation [-- domain|server] [--scope NAME] [--report-only] [STRYKER OPTIONS]: Stryker over
// lib/domain and the lib/server data layer (test/mutation/), one sub-scope at a time, then
// `mutation_score_domain <pct>` and `mutation_score_server <pct>` totalled over every sub-scope's report.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const SCOPES = ["domain", "server"];

/** The sub-scopes of a scope: each lib/domain folder plus "root" (its top-level files); the server data layer is one. */
export function subScopes(scope) {
  if (scope === "server") return ["data"];
  const dirs = readdirSync(path.join(root, "lib/domain"), { withFileTypes: true });
  return ["root", ...dirs.filter((d) => d.isDirectory()).map((d) => d.name).sort()];
}

/** The scope a sub-scope belongs to, or undefined when no scope has it. */
export function scopeOf(sub) {
  return SCOPES.find((scope) => subScopes(scope).includes(sub));
}

/** Stryker's `--mutate` for one domain sub-scope (undefined: the config's own list). */
export function mutateFor(scope, sub) {
  if (scope === "server") return undefined;
  const base = sub === "root" ? "lib/domain/*.ts" : `lib/domain/${sub}/**/*.ts`;
  return `${base},!lib/domain/**/*.test.ts`;
}

/** Killed or timed-out mutants over every mutant a test could have caught (Stryker's mutation score), in percent, over all reports. */
export function mutationScore(...reports) {
  const counts = {};
  for (const report of reports) {
    for (const file of Object.values(report.files)) {
      for (const m of file.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
    }
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return { score: valid === 0 ? 100 : (100 * detected) / valid, counts };
}

const reportFile = (scope, sub) => path.join(root, "reports/mutation", `${scope}-${sub}.json`);

function run(scope, sub, extra) {
  const config = path.join(root, "test/mutation", `stryker.${scope}.config.mjs`);
  const mutate = extra.includes("--mutate") ? undefined : mutateFor(scope, sub);
  const args = ["run", config, ...(mutate ? ["--mutate", mutate] : []), ...extra];
  // Each sub-scope keeps its own report and incremental file, so a total exists after runs on different days.
  const env = { ...process.env, STRYKER_SUBSCOPE: sub };
  const r = spawnSync(path.join(root, "node_modules/.bin/stryker"), args, { cwd: root, stdio: "inherit", env });
  if (r.error) throw new Error(`stryker could not start (${r.error.message}); is it installed? run npm install`);
  if (r.status !== 0) throw new Error(`stryker (${scope}/${sub}) exited with ${r.status ?? r.signal}`);
}

function takeOption(argv, name) {
  const i = argv.indexOf(name);
  if (i < 0) return [undefined, argv];
  return [argv[i + 1], [...argv.slice(0, i), ...argv.slice(i + 2)]];
}

function main(argv0) {
  const [sub, argv] = takeOption(argv0, "--scope");
  if (sub !== undefined && !scopeOf(sub)) {
    throw new Error(`unknown --scope ${sub}; allowed: ${SCOPES.flatMap(subScopes).join(", ")}`);
  }
  const named = argv.filter((a) => SCOPES.includes(a));
  const reportOnly = argv.includes("--report-only");
  const extra = argv.filter((a) => !SCOPES.includes(a) && a !== "--report-only");
  const scopes = sub ? [scopeOf(sub)] : named.length > 0 ? named : SCOPES;
  for (const scope of scopes) {
    const subs = sub ? [sub] : subScopes(scope);
    if (!reportOnly) for (const s of subs) run(scope, s, extra);
    // The figure is always the total over every sub-scope measured so far.
    const all = subScopes(scope);
    const missing = all.filter((s) => !existsSync(reportFile(scope, s)));
    const reports = all.filter((s) => !missing.includes(s)).map((s) => JSON.parse(readFileSync(reportFile(scope, s), "utf8")));
    if (reports.length === 0) throw new Error(`no report under reports/mutation for ${scope}`);
    const { score, counts } = mutationScore(...reports);
    console.error(`${scope}: ${JSON.stringify(counts)}${missing.length ? ` (not yet measured: ${missing.join(", ")})` : ""}`);
    console.log(`mutation_score_${scope} ${score.toFixed(2)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
