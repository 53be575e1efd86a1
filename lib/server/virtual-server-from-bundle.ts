import "server-only";
import { virtualServerSchema } from "@/lib/domain/schema";
import type { BundleServiceChoices } from "@/lib/domain/schema/virtual-server-forms";
import { issuesToFieldErrors } from "@/lib/domain/schema/field-errors";
import { requireObjectPermission } from "./cluster-owner";
import { DataError, NotFoundError } from "./data-errors";
import { markFromColumn } from "./stored-values";
import { db } from "./db";
import { createVirtualServer, type VirtualServerDetail } from "./virtual-servers";

/**
 * A virtual server on a bundle's VIP, first port, protocol and mark, with the name,
 * scheduler and persistence the operator chose first (validated with bundleServiceChoicesSchema). Operators and admins.
 */
export async function createVirtualServerFromBundle(bundleId: number, choices: BundleServiceChoices): Promise<VirtualServerDetail> {
  // Reading the bundle needs the role that creating the server needs (createVirtualServer checks it again).
  await requireObjectPermission("firewall mark bundle", bundleId, "virtualServer.write");
  const b = await db.firewallMarkBundle.findUnique({ where: { id: bundleId }, include: { ports: { orderBy: { position: "asc" } } } });
  if (!b) throw new NotFoundError("firewall-mark bundle");
  const parsed = virtualServerSchema.safeParse({
    name: choices.name,
    vip: b.vip,
    port: b.ports[0]?.lo ?? 0,
    protocol: b.protocol === "udp" ? "udp" : "tcp",
    firewallMark: markFromColumn(b.mark),
    scheduler: choices.scheduler,
    persistence: choices.persistence,
  });
  if (!parsed.success) {
    const fieldErrors = issuesToFieldErrors(parsed.error);
    // Errors on the chosen fields go beside them; anything else is the bundle's own fault.
    const chosen = Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => CHOSEN.some((c) => k === c || k.startsWith(`${c}.`))));
    const rest = Object.entries(fieldErrors).filter(([k]) => !(k in chosen)).map(([k, v]) => `${k}: ${v}`).join("; ");
    if (rest) throw new DataError(`The bundle cannot become a virtual server as it stands (${rest}).`);
    throw new DataError("Nothing was created: fix the fields marked below.", { fieldErrors: chosen });
  }
  const { realServers: _none, ...values } = parsed.data;
  return createVirtualServer(b.clusterId, values);
}

const CHOSEN = ["name", "scheduler", "persistence"];
