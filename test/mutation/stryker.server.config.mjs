// Stryker over the lib/server data layer (data functions, authorization, audit, versioned writes).
import { baseConfig } from "./stryker.base.mjs";

export default baseConfig("server", {
  mutate: [
    "lib/server/{firewall-marks,virtual-servers,real-servers,virtual-server-mapping,virtual-server-from-bundle}.ts",
    "lib/server/{clusters,cluster-settings,cluster-owner,cluster-grants,panel-audit,audit,data-errors,dashboard}.ts",
    "lib/server/auth/{cluster-access,permission-map,permissions}.ts",
  ],
});
