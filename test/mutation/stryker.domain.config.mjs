// Stryker over lib/domain, killed by the unit tests (npm run test:mutation; docs/mutation.md).
import { baseConfig } from "./stryker.base.mjs";

export default baseConfig("domain", {
  mutate: ["lib/domain/**/*.ts", "!lib/domain/**/*.test.ts"],
});
