// Settings shared by the two Stryker runs; `scope` names the report and the vitest config.

/** The Stryker configuration of one scope ("domain" or "server"). */
export function baseConfig(scope, overrides) {
  // scripts/mutation.mjs names the sub-scope (a lib/domain folder, or "data"); each keeps its own files.
  const name = `${scope}-${process.env.STRYKER_SUBSCOPE ?? "all"}`;
  return {
    testRunner: "vitest",
    vitest: { configFile: `test/mutation/vitest.${scope}.config.ts`, related: false },
    coverageAnalysis: "perTest",
    // Eight people share two cores: one test process unless --concurrency says otherwise.
    concurrency: 1,
    // Static mutants (module-level constants) re-run every test for each one; they are left out.
    ignoreStatic: true,
    incremental: true,
    incrementalFile: `reports/mutation/${name}-incremental.json`,
    reporters: ["json", "progress", "clear-text"],
    clearTextReporter: { reportMutants: false, reportTests: false, allowEmojis: false },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    tempDirName: `.stryker-tmp/${name}`,
    cleanTempDir: true,
    timeoutMS: 20000,
    dryRunTimeoutMinutes: 60,
    ignorePatterns: [".next", "data", "test-results", "playwright-report", "bench/out", ".tmp", "reports", "e2e", ".stryker-tmp"],
    ...overrides,
  };
}
