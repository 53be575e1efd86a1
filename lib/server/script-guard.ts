import "server-only";
import type { LvsDocument } from "@/lib/domain/schema";
import { clusterRoleCan } from "./auth/cluster-access";
import type { ClusterRole } from "@/lib/domain/roles";
import { DataError } from "./data-errors";
import { changedScriptFields, SCRIPT_FIELDS, type ScriptCarrier, type ScriptCarrierAt } from "@/lib/domain/model/script-fields";

const ADMINS_ONLY = "only an admin may set or change it: it runs as root on the router";

/** Refuses a virtual-server edit that adds or changes a root script unless the user is an admin (field errors, nothing saved). */
export function assertMayWriteScripts(role: ClusterRole, before: ScriptCarrier | undefined, after: ScriptCarrier): void {
  if (clusterRoleCan(role, "script.write")) return;
  const changed = changedScriptFields(before, after);
  if (changed.length === 0) return;
  const labels = SCRIPT_FIELDS.filter((f) => changed.includes(f.path)).map((f) => f.label).join(" and ");
  throw new DataError(`Nothing was saved: only an admin may set or change the ${labels}.`, {
    fieldErrors: Object.fromEntries(changed.map((path) => [path, ADMINS_ONLY])),
  });
}

/** Refuses a document import that adds or changes a root script (matched by virtual-server name) unless the user is an admin. */
export function assertMayImportScripts(role: ClusterRole, before: LvsDocument, after: readonly ScriptCarrierAt[]): void {
  if (clusterRoleCan(role, "script.write")) return;
  const old = new Map(before.virtualServers.map((v) => [v.name, v]));
  const fieldErrors: Record<string, string> = {};
  for (const v of after) {
    for (const path of changedScriptFields(old.get(v.name), v)) fieldErrors[`virtualServers.${v.index}.${path}`] = ADMINS_ONLY;
  }
  const count = Object.keys(fieldErrors).length;
  if (count === 0) return;
  throw new DataError(
    `The document adds or changes ${count} script${count === 1 ? "" : "s"} that run as root on the router (health-check script or sending program); only an admin may import it. Nothing was imported.`,
    { fieldErrors },
  );
}
