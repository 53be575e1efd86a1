import "server-only";
import type { LvsDocument } from "@/lib/domain/schema";
import { clusterRoleCan } from "./auth/cluster-access";
import type { ClusterRole } from "@/lib/domain/roles";
import { DataError } from "./data-errors";

/** The virtual-server fields whose value a router runs as root. */
interface ScriptCarrier {
  healthCheck?: { script?: string };
  monitor?: { sendProgram?: string };
}

const SCRIPT_FIELDS = [
  { path: "healthCheck.script", label: "health-check script", read: (v: ScriptCarrier) => v.healthCheck?.script },
  { path: "monitor.sendProgram", label: "sending program", read: (v: ScriptCarrier) => v.monitor?.sendProgram },
] as const;

const ADMINS_ONLY = "only an admin may set or change it: it runs as root on the router";

// Removing a script or keeping the one an admin set is fine for any editor;
// only a new or different value needs the admin.
/** Field paths (relative to the virtual server) whose script the edit adds or changes. */
export function changedScriptFields(before: ScriptCarrier | undefined, after: ScriptCarrier): string[] {
  return SCRIPT_FIELDS.filter((f) => {
    const next = f.read(after);
    return next !== undefined && next !== (before === undefined ? undefined : f.read(before));
  }).map((f) => f.path);
}

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
export function assertMayImportScripts(role: ClusterRole, before: LvsDocument, after: LvsDocument): void {
  if (clusterRoleCan(role, "script.write")) return;
  const old = new Map(before.virtualServers.map((v) => [v.name, v]));
  const fieldErrors: Record<string, string> = {};
  after.virtualServers.forEach((v, i) => {
    for (const path of changedScriptFields(old.get(v.name), v)) fieldErrors[`virtualServers.${i}.${path}`] = ADMINS_ONLY;
  });
  const count = Object.keys(fieldErrors).length;
  if (count === 0) return;
  throw new DataError(
    `The document adds or changes ${count} script${count === 1 ? "" : "s"} that run as root on the router (health-check script or sending program); only an admin may import it. Nothing was imported.`,
    { fieldErrors },
  );
}

/** True when any virtual server of the document carries a root script. */
export function carriesScripts(doc: LvsDocument): boolean {
  return doc.virtualServers.some((v) => SCRIPT_FIELDS.some((f) => f.read(v) !== undefined));
}
