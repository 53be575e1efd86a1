import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

// The tests Stryker runs against the lib/server data layer: its unit tests and
// the integration tests that call the data functions in-process (a real SQLite file each).
export default defineConfig({
  root,
  resolve: { alias: { "@": root, "server-only": `${root}test/support/server-only-stub.ts` } },
  test: {
    include: [
      "lib/server/**/*.test.ts",
      "test/integration/{data-access-matrix,panels-data,panels-clusters,cluster-roles,audit-log,model-persistence}.test.ts",
    ],
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
