import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

// The unit tests Stryker runs against lib/domain mutants (instrumented code is
// slow: property tests get ten minutes). The bin/ tests are
// left out: they run the CLI in a child process, where no mutant is active.
export default defineConfig({
  root,
  resolve: { alias: { "@": root, "server-only": `${root}test/support/server-only-stub.ts` } },
  test: { include: ["lib/domain/**/*.test.ts"], testTimeout: 600_000 },
});
