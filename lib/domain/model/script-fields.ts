import type { LvsDocument } from "../schema";

// Two virtual-server fields hold a program a router runs as root: the
// health-check script and the monitor's sending program. Who may set them is
// decided in lib/server (script-guard.ts); which fields they are is decided here.

/** The virtual-server fields whose value a router runs as root. */
export interface ScriptCarrier {
  healthCheck?: { script?: string };
  monitor?: { sendProgram?: string };
}

export const SCRIPT_FIELDS = [
  { path: "healthCheck.script", label: "health-check script", read: (v: ScriptCarrier) => v.healthCheck?.script },
  { path: "monitor.sendProgram", label: "sending program", read: (v: ScriptCarrier) => v.monitor?.sendProgram },
] as const;

/** A document's virtual server that carries a root script: its position, its name and only its script fields. */
export interface ScriptCarrierAt extends ScriptCarrier {
  index: number;
  name: string;
}

// Removing a script or keeping the one an admin set is fine for any editor;
// only a new or different value needs the admin.
/** Field paths (relative to the virtual server) whose script the edit adds or changes. */
export function changedScriptFields(before: ScriptCarrier | undefined, after: ScriptCarrier): string[] {
  return SCRIPT_FIELDS.filter((f) => {
    const next = f.read(after);
    return next !== undefined && next !== (before === undefined ? undefined : f.read(before));
  }).map((f) => f.path);
}

/** The virtual servers of a document that carry a root script, reduced to what a permission check compares (small enough to leave a worker thread). */
export function scriptCarriersOf(doc: Pick<LvsDocument, "virtualServers">): ScriptCarrierAt[] {
  const found: ScriptCarrierAt[] = [];
  doc.virtualServers.forEach((v, index) => {
    const script = v.healthCheck?.script;
    const sendProgram = v.monitor?.sendProgram;
    if (script === undefined && sendProgram === undefined) return;
    found.push({
      index, name: v.name,
      ...(script === undefined ? {} : { healthCheck: { script } }),
      ...(sendProgram === undefined ? {} : { monitor: { sendProgram } }),
    });
  });
  return found;
}
