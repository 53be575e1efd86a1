// Settings shared by the two Stryker runs; `scope` names the report and the vitest config.

/** The Stryker configuration of one scope ("domain" or "server"). */
export function baseConfig(scope, overrides) {
  return {
    testRunner: "vitest",
    vitest: { configFile: `test/mutation/vitest.${scope}.config.ts`, related: false },
    coverageAnalysis: "perTest",
    // Eight people share two cores: one test process unless --concurrency says otherwise.
    concurrency: 1,
    // Static mutants (module-level constants) re-run every test for each one; they are left out.
    ignoreStatic: true,
    incremental: true,
    incrementalFile: `reports/mutation/${scope}-incremental.json`,
    reporters: ["json", "progress", "clear-text"],
    clearTextReporter: { reportMutants: false, reportTests: false, allowEmojis: false },
    jsonReporter: { fileName: `reports/mutation/${scope}.json` },
    tempDirName: `.stryker-tmp/${scope}`,
    cleanTempDir: true,
    timeoutMS: 20000,
    dryRunTimeoutMinutes: 60,
    ignorePatterns: [".next", "data", "test-results", "playwright-report", "bench/out", ".tmp", "reports", "e2e", ".stryker-tmp"],
    ...overrides,
  };
}
