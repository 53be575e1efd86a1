import "server-only";
import { virtualServerSchema } from "@/lib/domain/schema";
import { issuesToFieldErrors } from "@/lib/domain/schema/field-errors";
import { requireObjectPermission } from "./cluster-owner";
import { DataError, NotFoundError } from "./data-errors";
import { db } from "./db";
import { createVirtualServer, type VirtualServerDetail } from "./virtual-servers";

/** One click from a bundle: a virtual server with the bundle's name, VIP, first port, protocol and mark. Operators and admins. */
export async function createVirtualServerFromBundle(bundleId: number): Promise<VirtualServerDetail> {
  // Reading the bundle needs the role that creating the server needs (createVirtualServer checks it again).
  await requireObjectPermission("firewall mark bundle", bundleId, "virtualServer.write");
  const b = await db.firewallMarkBundle.findUnique({ where: { id: bundleId }, include: { ports: { orderBy: { position: "asc" } } } });
  if (!b) throw new NotFoundError("firewall-mark bundle");
  const parsed = virtualServerSchema.safeParse({
    name: b.name,
    vip: b.vip,
    port: b.ports[0]?.lo ?? 0,
    protocol: b.protocol === "udp" ? "udp" : "tcp",
    firewallMark: Number(b.mark),
  });
  if (!parsed.success) {
    const errors = Object.entries(issuesToFieldErrors(parsed.error)).map(([k, v]) => `${k}: ${v}`).join("; ");
    throw new DataError(`The bundle cannot become a virtual server as it stands (${errors}).`);
  }
  const { realServers: _none, ...values } = parsed.data;
  try {
    return await createVirtualServer(b.clusterId, values);
  } catch (error) {
    if (error instanceof DataError && error.fieldErrors?.name) {
      throw new DataError(`A virtual server named ${b.name} already exists; open it from the virtual server list or rename the bundle.`);
    }
    throw error;
  }
}
