import "server-only";
import { requireObjectPermission } from "./cluster-owner";
import { DataError, NotFoundError, StaleVersionError } from "./data-errors";
import { bumpContentSerial } from "./cluster-serial";
import { db, type Tx } from "./db";
import { auditChange } from "./panel-audit";
import { toRealServerDetail, type RealServerDetail } from "./virtual-server-mapping";

/** What one bulk action does to every selected real server; drain sets the weight to 0 (quiesce). */
export const REAL_SERVER_BULK_ACTIONS = ["activate", "deactivate", "drain", "delete"] as const;
/** One of REAL_SERVER_BULK_ACTIONS. */
export type RealServerBulkAction = (typeof REAL_SERVER_BULK_ACTIONS)[number];

/** A selected row as the table saw it: its id and the version it showed. */
export interface RealServerPick {
  id: number;
  version: number;
}

/** At most this many rows in one bulk action (a virtual server holds at most 1,024 real servers). */
export const MAX_BULK_PICKS = 1024;

const CHANGES: Record<Exclude<RealServerBulkAction, "delete">, { active?: boolean; weight?: number }> = {
  activate: { active: true },
  deactivate: { active: false },
  drain: { weight: 0 },
};

/** The one stale-version refusal of a bulk action: it carries every selected row's current values. */
function staleSelection(current: RealServerDetail[], action: RealServerBulkAction): StaleVersionError {
  return new StaleVersionError(`selection of real servers (${current.map((r) => r.values.name).join(", ")})`, current,
    action === "delete" ? "delete" : "edit");
}

async function writeOne(tx: Tx, pick: RealServerPick, action: RealServerBulkAction): Promise<number> {
  if (action === "delete") return (await tx.realServer.deleteMany({ where: { id: pick.id, version: pick.version } })).count;
  const { count } = await tx.realServer.updateMany({
    where: { id: pick.id, version: pick.version }, data: { ...CHANGES[action], version: { increment: 1 } },
  });
  return count;
}

/**
 * Activates, deactivates, drains (weight 0) or deletes several real servers of one
 * virtual server in one transaction with one audit event. Every row's version is
 * checked; one stale row refuses the whole action with the current values. Operators and admins.
 */
export async function applyRealServerBulk(
  virtualServerId: number, action: RealServerBulkAction, picks: RealServerPick[],
): Promise<RealServerDetail[]> {
  const user = await requireObjectPermission("virtual server", virtualServerId, "virtualServer.write");
  if (picks.length === 0) throw new DataError("Select at least one real server first; nothing was changed.");
  if (new Set(picks.map((p) => p.id)).size !== picks.length) throw new DataError("A real server was selected twice; nothing was changed.");
  return db.$transaction(async (tx) => {
    const vs = await tx.virtualServer.findUnique({ where: { id: virtualServerId }, select: { clusterId: true, name: true } });
    if (!vs) throw new NotFoundError("virtual server");
    const rows = await tx.realServer.findMany({ where: { virtualServerId, id: { in: picks.map((p) => p.id) } }, orderBy: { name: "asc" } });
    if (rows.length !== picks.length) throw new NotFoundError("real server");
    const before = rows.map(toRealServerDetail);
    const seen = new Map(rows.map((r) => [r.id, r.version]));
    if (picks.some((p) => seen.get(p.id) !== p.version)) throw staleSelection(before, action);
    for (const pick of picks) {
      if ((await writeOne(tx, pick, action)) === 0) throw staleSelection(before, action);
    }
    await bumpContentSerial(tx, vs.clusterId);
    const after = action === "delete" ? [] : (await tx.realServer.findMany({
      where: { id: { in: picks.map((p) => p.id) } }, orderBy: { name: "asc" },
    })).map(toRealServerDetail);
    const names = before.map((r) => r.values.name);
    await auditChange(tx, user, {
      action: `realServer.bulk.${action}`, targetType: "virtualServer", targetId: virtualServerId, targetName: vs.name,
      clusterId: vs.clusterId,
      before: before.map((r) => ({ id: r.id, ...r.values })),
      after: action === "delete" ? undefined : after.map((r) => ({ id: r.id, ...r.values })),
      detail: `${action} ${names.length} real server${names.length === 1 ? "" : "s"} of virtual server ${vs.name}: ${names.join(", ")}`,
    });
    return after;
  });
}

