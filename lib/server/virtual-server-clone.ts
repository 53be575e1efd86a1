import "server-only";
import { nameSchema } from "@/lib/domain/schema/primitives";
import { requireObjectPermission } from "./cluster-owner";
import { DataError, NotFoundError } from "./data-errors";
import { db } from "./db";
import { toRealServerDetail, toVirtualServerValues } from "./virtual-server-mapping";
import { createVirtualServer, type VirtualServerDetail } from "./virtual-servers";

/**
 * Copies a virtual server with all its real servers under a new name (validated
 * like any name, unique in the cluster); the copy starts as the original is now. Operators and admins.
 */
export async function cloneVirtualServer(id: number, newName: unknown): Promise<VirtualServerDetail> {
  await requireObjectPermission("virtual server", id, "virtualServer.write");
  const name = nameSchema.safeParse(newName);
  if (!name.success) {
    throw new DataError("Nothing was cloned: fix the name.", { fieldErrors: { name: name.error.issues[0]?.message ?? "invalid name" } });
  }
  const source = await db.virtualServer.findUnique({ where: { id }, include: { realServers: { orderBy: { name: "asc" } } } });
  if (!source) throw new NotFoundError("virtual server");
  // createVirtualServer checks the role on the cluster again, refuses a taken name on the name field and audits the copy.
  return createVirtualServer(source.clusterId, {
    ...toVirtualServerValues(source),
    name: name.data,
    realServers: source.realServers.map((r) => toRealServerDetail(r).values),
  });
}
